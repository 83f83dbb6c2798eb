#include "MessageDelegate.h"

#include "EmojiText.h"
#include "MessageRevisionText.h"
#include "NewMessagesLine.h"
#include "QuotePainter.h"
#include "SearchHighlight.h"
#include "ThemeColors.h"

#include <chat/ChatMessage.h>
#include <chat/MessageListModel.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QDate>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLine>
#include <QtMath>

namespace natter::ui {

using natter::chat::ChatMessage;
using natter::chat::MessageListModel;

namespace {

constexpr int kHPad = 14; // left and right margin of the text
constexpr int kGutter = 28; // right column for the state glyph
constexpr int kGroupGap = 2; // above a grouped message
constexpr int kHeaderGap = 8; // above a message with a header
constexpr int kBottomPad = 3;
constexpr int kGlyph = 12;
constexpr int kAvatarGap = 10; // between the avatar column and the text
// Compact mode.
constexpr int kCompactGroupGap = 0;
constexpr int kCompactHeaderGap = 3;
constexpr int kCompactBottomPad = 1;

ChatMessage::State stateOf(const QModelIndex &index)
{
    return ChatMessage::State(index.data(MessageListModel::StateRole).toInt());
}

QString dayText(const QDate &day)
{
    const QDate today = QDate::currentDate();
    if (day == today)
        return MessageDelegate::tr("Today");
    if (day == today.addDays(-1))
        return MessageDelegate::tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString plainForLayout(QString text)
{
    // QTextLayout breaks lines only at U+2028; the replacement keeps every offset (links) valid.
    text.replace(u'\n', QChar::LineSeparator);
    text.replace(u'\r', QChar::LineSeparator);
    return text;
}

void drawClock(QPainter *p, const QRectF &r, const QColor &color)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(color, 1.3);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    const QRectF c = r.adjusted(1, 1, -1, -1);
    p->drawEllipse(c);
    const QPointF m = c.center();
    p->drawLine(m, QPointF(m.x(), c.top() + c.height() * 0.22));
    p->drawLine(m, QPointF(c.left() + c.width() * 0.75, m.y()));
    p->restore();
}

void drawFailed(QPainter *p, const QRectF &r, const QColor &color, const QColor &onColor)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawEllipse(r);
    p->setPen(QPen(onColor, 1.6, Qt::SolidLine, Qt::RoundCap));
    const qreal x = r.center().x();
    p->drawLine(QPointF(x, r.top() + r.height() * 0.25), QPointF(x, r.top() + r.height() * 0.58));
    p->drawPoint(QPointF(x, r.top() + r.height() * 0.76));
    p->restore();
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    m_layouts.setMaxCost(400);
    m_heights.setMaxCost(MaxCachedHeights);
    m_emojiFamily = EmojiText::colorFamily();
}

void MessageDelegate::setCompact(bool compact)
{
    if (m_compact == compact)
        return;
    m_compact = compact;
    clearCache();
    emit sizeHintChanged({});
}

int MessageDelegate::avatarSize(const QFont &font) const
{
    // The header line and the first line of text.
    if (m_avatarSize < 0 || font != m_avatarFont) {
        m_avatarFont = font;
        m_avatarSize = QFontMetrics(nameFont(font)).height() + 1 + QFontMetrics(font).height();
    }
    return m_avatarSize;
}

int MessageDelegate::avatarIndent(const QFont &font) const
{
    return m_compact ? 0 : avatarSize(font) + kAvatarGap;
}

QRect MessageDelegate::avatarRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return geometry(option, index).avatar;
}

QString MessageDelegate::retryText()
{
    return tr("Retry");
}

QString MessageDelegate::discardText()
{
    return tr("Discard");
}

void MessageDelegate::setMentionName(const QString &name)
{
    if (name.trimmed() == m_mentions.name())
        return;
    m_mentions.setName(name);
    m_layouts.clear(); // their formats bold the old name
}

void MessageDelegate::clearCache()
{
    m_heights.clear();
    m_layouts.clear();
}

void MessageDelegate::forget(const QString &id)
{
    m_heights.remove(id);
    m_layouts.remove(id);
}

QFont MessageDelegate::smallFont(const QFont &font)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.86);
    else
        f.setPixelSize(qMax(8, int(f.pixelSize() * 0.86)));
    return f;
}

QFont MessageDelegate::nameFont(const QFont &font)
{
    QFont f = font;
    f.setBold(true);
    return f;
}

int MessageDelegate::viewWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 400;
}

int MessageDelegate::textWidth(const QStyleOptionViewItem &option) const
{
    return qMax(40, viewWidth(option) - kHPad - kGutter - avatarIndent(option.font));
}

int MessageDelegate::textHeight(const QStyleOptionViewItem &option, const QModelIndex &index,
                                int width) const
{
    if (option.font != m_cacheFont) {
        m_heights.clear();
        m_layouts.clear();
        m_cacheFont = option.font;
    }
    const QString id = index.data(MessageListModel::IdRole).toString();
    if (const Height *known = m_heights.object(id); known && known->width == width)
        return known->height;
    int height = 0;
    if (TextLayout *cached = m_layouts.object(id); cached && cached->width == width) {
        height = qCeil(cached->layout->boundingRect().height());
    } else {
        const QString text = MessageRevisionText::text(index);
        QTextLayout layout(plainForLayout(text), option.font);
        layout.setFormats(EmojiText::formats(text, m_emojiFamily));
        QTextOption to;
        to.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(to);
        layout.setCacheEnabled(false);
        qreal y = 0;
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        layout.endLayout();
        height = qCeil(y);
    }
    height = qMax(height, QFontMetrics(option.font).height());
    m_heights.insert(id, new Height{width, height});
    return height;
}

MessageDelegate::TextLayout *MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                        const QModelIndex &index, int width) const
{
    const QString id = index.data(MessageListModel::IdRole).toString();
    const qint64 paletteKey = option.palette.cacheKey();
    if (TextLayout *cached = m_layouts.object(id); cached && cached->width == width
        && cached->paletteKey == paletteKey && cached->layout->font() == option.font)
        return cached;
    const QString text = MessageRevisionText::text(index);
    auto entry = std::make_unique<TextLayout>();
    entry->width = width;
    entry->paletteKey = paletteKey;
    entry->links = LinkFinder::find(text);
    entry->layout = std::make_unique<QTextLayout>(plainForLayout(text), option.font);
    QTextOption to;
    to.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    entry->layout->setTextOption(to);
    QList<QTextLayout::FormatRange> formats;
    for (const LinkFinder::Link &link : std::as_const(entry->links)) {
        QTextLayout::FormatRange range;
        range.start = link.start;
        range.length = link.length;
        range.format.setFontUnderline(true);
        range.format.setForeground(option.palette.color(QPalette::Link));
        formats.append(range);
    }
    formats += MessageRevisionText::formats(index, option.palette);
    if (index.data(MessageListModel::MentionsMeRole).toBool())
        formats += m_mentions.formats(text, option.palette);
    formats.append(EmojiText::formats(text, m_emojiFamily));
    entry->layout->setFormats(formats);
    qreal y = 0;
    entry->layout->beginLayout();
    for (QTextLine line = entry->layout->createLine(); line.isValid();
         line = entry->layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    entry->layout->endLayout();
    TextLayout *raw = entry.release();
    m_layouts.insert(id, raw);
    return raw;
}

MessageDelegate::Geometry MessageDelegate::geometry(const QStyleOptionViewItem &option,
                                                    const QModelIndex &index) const
{
    Geometry g;
    const QFontMetrics fm(option.font);
    const QFontMetrics small(smallFont(option.font));
    const QFontMetrics name(nameFont(option.font));
    const int x0 = option.rect.left();
    const int width = viewWidth(option);
    const int left = x0 + kHPad + avatarIndent(option.font);
    const int textW = textWidth(option);
    int y = option.rect.top();

    if (index.data(MessageListModel::DaySeparatorRole).toDate().isValid()) {
        g.separator = QRect(x0, y, width, small.height() + 18);
        y += g.separator.height();
    }
    if (index.data(MessageListModel::UnreadDividerRole).toBool()) {
        g.newMessages = QRect(x0, y, width, NewMessagesLine::height(option.font));
        y += g.newMessages.height();
    }
    const bool grouped = index.data(MessageListModel::GroupedRole).toBool();
    if (m_compact)
        y += grouped ? kCompactGroupGap : kCompactHeaderGap;
    else
        y += grouped ? kGroupGap : kHeaderGap;
    if (!grouped) {
        g.header = QRect(left, y, textW, qMax(name.height(), small.height()));
        if (!m_compact) {
            const int size = avatarSize(option.font);
            g.avatar = QRect(x0 + kHPad, y, size, size);
        }
        y += g.header.height() + 1;
    }
    if (!index.data(MessageListModel::ReplyToRole).toString().isEmpty()) {
        g.quote = QRect(left, y, textW, QuotePainter::height(option.font));
        y += g.quote.height() + 2;
    }
    const int th = textHeight(option, index, textW);
    g.text = QRect(left, y, textW, th);
    y += th;
    const int glyphRow = g.header.isEmpty() ? g.text.top() + (fm.height() - kGlyph) / 2
                                            : g.header.top() + (g.header.height() - kGlyph) / 2;
    g.state = QRect(x0 + width - kGutter + (kGutter - kGlyph) / 2, glyphRow, kGlyph, kGlyph);
    if (stateOf(index) == ChatMessage::State::Failed) {
        y += 3;
        g.footer = QRect(left, y, textW, small.height() + 2);
        const QString sep = QStringLiteral("  ·  ");
        const int discardW = small.horizontalAdvance(discardText());
        const int retryW = small.horizontalAdvance(retryText());
        const int sepW = small.horizontalAdvance(sep);
        const int linksW = retryW + sepW + discardW;
        const int errorW = qMin(
            small.horizontalAdvance(
                tr("Not sent: %1").arg(index.data(MessageListModel::ErrorRole).toString()))
                + 12,
            qMax(0, textW - linksW));
        g.retry = QRect(left + errorW, y, retryW, g.footer.height());
        g.discard = QRect(g.retry.right() + 1 + sepW, y, discardW, g.footer.height());
        y += g.footer.height();
    }
    if (!g.avatar.isEmpty())
        y = qMax(y, g.avatar.bottom() + 1);
    y += m_compact ? kCompactBottomPad : kBottomPad;
    g.height = y - option.rect.top();
    return g;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, viewWidth(option), 0);
    const Geometry g = geometry(opt, index);
    return {viewWidth(option), g.height};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Geometry g = geometry(option, index);
    const QPalette &pal = option.palette;
    const bool own = index.data(MessageListModel::OwnRole).toBool();
    const ChatMessage::State state = stateOf(index);
    const QColor dim = ThemeColors::dimText(pal);
    painter->save();
    painter->setClipRect(option.rect);

    // Day separator: a centred date between two hairlines.
    if (!g.separator.isEmpty()) {
        const QFont f = smallFont(option.font);
        const QFontMetrics fm(f);
        const QString day = dayText(index.data(MessageListModel::DaySeparatorRole).toDate());
        const int tw = fm.horizontalAdvance(day) + 24;
        const int cy = g.separator.center().y();
        painter->setPen(
            QPen(ThemeColors::mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.18), 1));
        painter->drawLine(g.separator.left() + kHPad, cy, g.separator.center().x() - tw / 2, cy);
        painter->drawLine(g.separator.center().x() + tw / 2, cy, g.separator.right() - kHPad, cy);
        painter->setFont(f);
        painter->setPen(dim);
        painter->drawText(g.separator, Qt::AlignCenter | Qt::TextSingleLine, day);
    }

    // Background: selection, own-message tint with an accent bar, hover.
    QRect body = option.rect;
    if (!g.separator.isEmpty())
        body.setTop(g.separator.bottom() + 1);
    if (!g.newMessages.isEmpty()) {
        NewMessagesLine::paint(painter, g.newMessages, option.font, pal);
        body.setTop(g.newMessages.bottom() + 1);
    }
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(
            body, ThemeColors::mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.22));
    else if (own)
        painter->fillRect(body, ThemeColors::ownBackground(pal));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(
            body, ThemeColors::mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.04));
    if (own)
        painter->fillRect(QRect(body.left(), body.top(), 3, body.height()),
                          pal.color(QPalette::Highlight));
    if (!selected && index.data(MessageListModel::MentionsMeRole).toBool())
        m_mentions.paintBackground(painter, body, pal);

    // Header: sender (bold, per-sender accent) and time (small, dim). Plain text only.
    if (!g.avatar.isEmpty())
        m_avatars.draw(painter, g.avatar, index.data(MessageListModel::SenderIdRole).toString(),
                       index.data(MessageListModel::SenderNameRole).toString(), pal);
    if (!g.header.isEmpty()) {
        const QFont nf = nameFont(option.font);
        const QFontMetrics nfm(nf);
        const QString sender = index.data(MessageListModel::SenderNameRole).toString();
        const QDateTime sentAt = index.data(MessageListModel::SentAtRole).toDateTime();
        const QString time = sentAt.isValid()
            ? QLocale().toString(sentAt.toLocalTime().time(), QLocale::ShortFormat)
            : QString();
        const QFont sf = smallFont(option.font);
        const QFontMetrics sfm(sf);
        const int timeW = time.isEmpty() ? 0 : sfm.horizontalAdvance(time) + 10;
        const QString shown = nfm.elidedText(sender, Qt::ElideRight,
                                             qMax(20, g.header.width() - timeW));
        painter->setFont(nf);
        painter->setPen(
            ThemeColors::senderColor(pal, index.data(MessageListModel::SenderIdRole).toString()));
        QRect nameRect = g.header;
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine, shown);
        if (!time.isEmpty()) {
            painter->setFont(sf);
            painter->setPen(dim);
            QRect timeRect = g.header;
            timeRect.setLeft(g.header.left() + nfm.horizontalAdvance(shown) + 8);
            timeRect.setBottom(g.header.bottom() - (nfm.descent() - sfm.descent()));
            painter->drawText(timeRect, Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine, time);
        }
    }

    if (!g.quote.isEmpty())
        QuotePainter::paint(painter, g.quote, option, index);

    // Text: QTextLayout over the plain string; links carry an underline format.
    TextLayout *layout = layoutFor(option, index, g.text.width());
    if (m_finder)
        SearchHighlight::paint(painter, *layout->layout, g.text.topLeft(), index, *m_finder, pal);
    painter->setFont(option.font);
    painter->setPen(state == ChatMessage::State::Pending ? dim : pal.color(QPalette::Text));
    layout->layout->draw(painter, g.text.topLeft());

    // State glyph.
    if (state == ChatMessage::State::Pending)
        drawClock(painter, g.state, dim);
    else if (state == ChatMessage::State::Failed)
        drawFailed(painter, g.state, ThemeColors::error(pal), pal.color(QPalette::Base));

    // Failed: why, and the two actions.
    if (!g.footer.isEmpty()) {
        const QFont sf = smallFont(option.font);
        const QFontMetrics sfm(sf);
        painter->setFont(sf);
        painter->setPen(ThemeColors::error(pal));
        const QString why
            = tr("Not sent: %1").arg(index.data(MessageListModel::ErrorRole).toString());
        QRect whyRect = g.footer;
        whyRect.setRight(g.retry.left() - 12);
        painter->drawText(whyRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          sfm.elidedText(why, Qt::ElideRight, whyRect.width()));
        QFont lf = sf;
        lf.setUnderline(true);
        painter->setFont(lf);
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(g.retry, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          retryText());
        painter->drawText(g.discard, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          discardText());
        painter->setFont(sf);
        painter->setPen(dim);
        painter->drawText(QRect(g.retry.right() + 1, g.footer.top(),
                                g.discard.left() - g.retry.right() - 1, g.footer.height()),
                          Qt::AlignCenter | Qt::TextSingleLine, QStringLiteral("·"));
    }

    if (option.state & QStyle::State_HasFocus && selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->drawRect(body.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

QRect MessageDelegate::textRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return geometry(option, index).text;
}

MessageDelegate::Hit MessageDelegate::hitTest(const QStyleOptionViewItem &option,
                                              const QModelIndex &index, const QPoint &pos) const
{
    const Geometry g = geometry(option, index);
    if (!g.footer.isEmpty()) {
        if (g.retry.adjusted(-3, -3, 3, 3).contains(pos))
            return {HitKind::Retry, {}};
        if (g.discard.adjusted(-3, -3, 3, 3).contains(pos))
            return {HitKind::Discard, {}};
    }
    if (g.quote.contains(pos))
        return {HitKind::Quote, {}};
    if (!g.text.contains(pos))
        return {};
    TextLayout *layout = layoutFor(option, index, g.text.width());
    if (layout->links.isEmpty())
        return {};
    const QPointF local = pos - g.text.topLeft();
    for (int i = 0; i < layout->layout->lineCount(); ++i) {
        const QTextLine line = layout->layout->lineAt(i);
        const QRectF r = line.naturalTextRect();
        if (local.y() < r.top() || local.y() >= r.bottom())
            continue;
        if (local.x() < r.left() || local.x() > r.right())
            return {};
        const int cursor = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        for (const LinkFinder::Link &link : std::as_const(layout->links)) {
            if (cursor >= link.start && cursor < link.start + link.length)
                return {HitKind::Link, link.url};
        }
        return {};
    }
    return {};
}

} // namespace natter::ui
