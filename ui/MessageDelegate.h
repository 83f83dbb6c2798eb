#pragma once

#include "AvatarPainter.h"
#include "LinkFinder.h"
#include "MentionHighlight.h"

#include <chat/MessageFinder.h>

#include <QCache>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QUrl>

#include <memory>

namespace natter::ui {

// Paints one chat message of a MessageListModel: an optional day separator, the sender and time
// (left out when the message is grouped with the previous one), the text, and its state (a
// clock while sending; "Not sent" with Retry and Discard when it failed). Own messages have a
// faint highlight tint. Everything is drawn as plain text (QTextLayout, QPainter::drawText):
// nothing is ever interpreted as markup. Links found by LinkFinder are underlined; the view
// asks hitTest() what is under the mouse.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class HitKind { None, Link, Retry, Discard, Quote };
    struct Hit
    {
        HitKind kind = HitKind::None;
        QUrl url;
    };

    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // `pos` in the view's viewport coordinates; option.rect is the item's visual rect.
    Hit hitTest(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &pos) const;
    // Forget cached layouts (after a font or palette change).
    void clearCache();

    // Text heights are remembered for this many messages at most (least recently used go
    // first): the view asks for every row's size, and a room can hold 100,000 of them.
    static constexpr int MaxCachedHeights = 5000;
    int cachedHeightCount() const { return int(m_heights.count()); }

    // Texts of the failed-message affordances (also used by the view's context menu).
    static QString retryText();
    static QString discardText();
    // Where the message's text is drawn (option.rect is the item's visual rect): the text
    // selector goes exactly there.
    QRect textRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // Find in room: its matches are highlighted behind the text (SearchHighlight). Not owned.
    void setFinder(natter::chat::MessageFinder *finder) { m_finder = finder; }
    natter::chat::MessageFinder *finder() const { return m_finder; }

    // The signed-in user's name: messages mentioning it are highlighted (MentionHighlight).
    void setMentionName(const QString &name);

    // Compact mode: tighter rows, no avatars in the headers.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }
    // Where the sender's avatar is painted (the first message of a group); empty: none.
    QRect avatarRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    const AvatarPainter &avatars() const { return m_avatars; }

private:
    struct Geometry
    {
        QRect separator; // empty when no day separator
        QRect header; // sender + time; empty when grouped
        QRect text;
        QRect footer; // failed: "Not sent … Retry · Discard"; else empty
        QRect retry;
        QRect discard;
        QRect state; // the pending/failed glyph
        int height = 0;
        QRect quote; // a reply's quote of its original (QuotePainter); else empty
        QRect newMessages; // the "New messages" line above the message; empty when none
        QRect avatar; // empty when grouped or compact
    };
    struct TextLayout
    {
        std::unique_ptr<QTextLayout> layout;
        QList<LinkFinder::Link> links;
        int width = 0;
        qint64 paletteKey = 0;
    };

    int textWidth(const QStyleOptionViewItem &option) const;
    int textHeight(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    TextLayout *layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index,
                          int width) const;
    Geometry geometry(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    static QFont smallFont(const QFont &font);
    static QFont nameFont(const QFont &font);
    static int viewWidth(const QStyleOptionViewItem &option);

    struct Height
    {
        int width = -1;
        int height = 0;
    };
    mutable QCache<QString, Height> m_heights; // message id -> text height at a width
    mutable QCache<QString, TextLayout> m_layouts; // visible rows, for painting and hit tests
    mutable QFont m_cacheFont;

    int avatarSize(const QFont &font) const;
    int avatarIndent(const QFont &font) const; // the text's offset for the avatar column
    AvatarPainter m_avatars;
    QString m_emojiFamily;
    bool m_compact = false;
    mutable QFont m_avatarFont; // avatarSize() is asked for every row's size: kept per font
    mutable int m_avatarSize = -1;
    MentionHighlight m_mentions;
    QPointer<natter::chat::MessageFinder> m_finder;

public:
    // Forget the cached layout of one message (its text changed: edited or deleted).
    void forget(const QString &id);
};

} // namespace natter::ui
