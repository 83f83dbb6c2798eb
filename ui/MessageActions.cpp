#include "MessageActions.h"

#include "LinkFinder.h"
#include "MessageView.h"

#include <chat/MessageListModel.h>
#include <chat/ReplyIndex.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>

namespace natter::ui {

using natter::chat::MessageListModel;

MessageActions::MessageActions(MessageView *view)
    : QObject(view)
    , m_view(view)
{
    m_reply = new QAction(replyText(), view);
    m_reply->setObjectName(QStringLiteral("replyAction"));
    m_reply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reply->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_reply, &QAction::triggered, this, [this] {
        const QString id = m_view->currentIndex().data(MessageListModel::IdRole).toString();
        if (!id.isEmpty())
            emit replyRequested(id);
    });
    view->addAction(m_reply);
}

QString MessageActions::replyText()
{
    return tr("Reply");
}

QString MessageActions::quoteText()
{
    return tr("Quote");
}

QString MessageActions::copyLinkText()
{
    return tr("Copy Link");
}

QString MessageActions::selectText()
{
    return tr("Select Text");
}

QUrl MessageActions::linkFor(const QString &text, const QUrl &underPointer)
{
    if (underPointer.isValid())
        return underPointer;
    const QList<LinkFinder::Link> links = LinkFinder::find(text);
    return links.isEmpty() ? QUrl() : links.constFirst().url;
}

QString MessageActions::quoteLine(const QString &text)
{
    const QString line = natter::chat::ReplyIndex::firstLine(text);
    return line.isEmpty() ? QString() : QStringLiteral("> ") + line;
}

void MessageActions::populate(QMenu *menu, const QModelIndex &index, const QUrl &link,
                              const QString &selection)
{
    const QString id = index.data(MessageListModel::IdRole).toString();
    const QString text = index.data(MessageListModel::TextRole).toString();
    if (!selection.isEmpty()) {
        // What the user selected comes first: it is why they opened the menu.
        auto *copy = new QAction(tr("Copy"), menu);
        copy->setShortcut(QKeySequence::Copy);
        connect(copy, &QAction::triggered, menu,
                [selection] { QApplication::clipboard()->setText(selection); });
        const QList<QAction *> existing = menu->actions();
        menu->insertAction(existing.value(0), copy);
        if (!existing.isEmpty())
            menu->insertSeparator(existing.value(0));
    }
    const QUrl url = linkFor(text, link);
    if (url.isValid())
        menu->addAction(copyLinkText(), menu,
                        [url] { QApplication::clipboard()->setText(url.toString()); });
    menu->addAction(selectText(), this, [this, index = QPersistentModelIndex(index)] {
        if (index.isValid())
            emit selectTextRequested(index);
    });
    menu->addSeparator();
    QAction *reply = menu->addAction(replyText(), this, [this, id] { emit replyRequested(id); });
    reply->setShortcut(m_reply->shortcut());
    const QString quote = quoteLine(text);
    if (!quote.isEmpty())
        menu->addAction(quoteText(), this, [this, quote] { emit quoteRequested(quote); });
}

} // namespace natter::ui
