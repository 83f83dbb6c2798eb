#pragma once

#include <QObject>
#include <QUrl>

class QAction;
class QMenu;
class QModelIndex;

namespace natter::ui {

class MessageView;

// What can be done with one message beyond copying its text: Reply (Ctrl+R on the selected
// message, or the context menu), Quote ("> first line" into the message field), Copy Link (the
// link under the pointer, else the message's first link) and Select Text (part of the text).
// The message view adds these to its context menu; ChatPage acts on the signals.
class MessageActions : public QObject
{
    Q_OBJECT
public:
    explicit MessageActions(MessageView *view);

    QAction *replyAction() const { return m_reply; }
    // Adds the actions for `index` at the end of `menu`. `link`: the link under the pointer
    // (empty: none, or opened from the keyboard). `selection`: the text selected in it, if any.
    void populate(QMenu *menu, const QModelIndex &index, const QUrl &link, const QString &selection);

    // The link Copy Link copies: `underPointer` if valid, else the first link in `text`.
    static QUrl linkFor(const QString &text, const QUrl &underPointer);
    // The composer line Quote inserts.
    static QString quoteLine(const QString &text);

    static QString replyText();
    static QString quoteText();
    static QString copyLinkText();
    static QString selectText();

signals:
    void replyRequested(const QString &messageId);
    void quoteRequested(const QString &quote); // "> first line"
    void selectTextRequested(const QModelIndex &index);

private:
    MessageView *m_view;
    QAction *m_reply;
};

} // namespace natter::ui
