#include "MentionCompleter.h"

#include <chat/MentionRule.h>
#include <chat/Room.h>
#include <pusher/Members.h>

#include <QKeyEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace natter::ui {

using natter::chat::MentionRule;

MentionCompleter::MentionCompleter(QPlainTextEdit *edit)
    : QObject(edit)
    , m_edit(edit)
{
    edit->installEventFilter(this);
    connect(edit, &QPlainTextEdit::textChanged, this, &MentionCompleter::refresh);
    connect(edit, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::refresh);
}

void MentionCompleter::setRoom(natter::chat::Room *room)
{
    m_room = room;
    close();
}

bool MentionCompleter::isOpen() const
{
    return m_popup && m_popup->isVisible();
}

QStringList MentionCompleter::memberNames() const
{
    QStringList names;
    if (!m_room || !m_room->memberList())
        return names;
    const natter::pusher::Members *members = m_room->memberList();
    for (const natter::pusher::Member &m : members->all()) {
        if (m.id == members->myId())
            continue; // mentioning yourself notifies nobody
        const QString name = m_room->memberName(m.id);
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

void MentionCompleter::refresh()
{
    // Opens only while the user types in the field, not when a draft is put back.
    if (!isOpen() && !m_edit->hasFocus())
        return;
    const QString text = m_edit->toPlainText();
    const int cursor = m_edit->textCursor().position();
    m_start = MentionRule::typedMentionStart(text, cursor);
    if (m_start < 0 || m_edit->textCursor().hasSelection()) {
        close();
        return;
    }
    const QString prefix = text.mid(m_start + 1, cursor - m_start - 1);
    QStringList matches;
    for (const QString &name : memberNames()) {
        if (name.startsWith(prefix, Qt::CaseInsensitive))
            matches.append(name);
    }
    if (matches.isEmpty()) {
        close();
        return;
    }
    if (!m_popup) {
        m_popup = new QListWidget(m_edit->window());
        m_popup->setObjectName(QStringLiteral("mentionPopup"));
        m_popup->setAccessibleName(tr("Members to mention"));
        m_popup->setFocusPolicy(Qt::NoFocus);
        m_popup->setFrameShape(QFrame::StyledPanel);
        m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_popup->setUniformItemSizes(true);
        connect(m_popup, &QListWidget::itemClicked, this,
                [this](QListWidgetItem *item) { accept(m_popup->row(item)); });
    }
    if (matches != m_candidates) {
        m_candidates = matches;
        m_popup->clear();
        for (const QString &name : std::as_const(m_candidates)) {
            auto *item = new QListWidgetItem(name, m_popup);
            item->setToolTip(QString()); // names are plain text; no rich-text tooltips
        }
        m_popup->setCurrentRow(0);
    }
    place();
    m_popup->show();
    m_popup->raise();
}

void MentionCompleter::place()
{
    QWidget *window = m_popup->parentWidget();
    const int rows = qMin(int(m_candidates.size()), MaxShownRows);
    const int rowH = qMax(m_popup->sizeHintForRow(0), m_popup->fontMetrics().height() + 4);
    int width = 160;
    for (int i = 0; i < m_popup->count(); ++i)
        width = qMax(width, m_popup->sizeHintForColumn(0) + 24);
    width = qMin(width, qMax(160, m_edit->width()));
    const int height = rows * rowH + 2 * m_popup->frameWidth();
    // Above the field, at the "@".
    const QRect caret = m_edit->cursorRect();
    QPoint at = m_edit->mapTo(window, QPoint(caret.left(), 0));
    at.ry() -= height + 2;
    at.setX(qBound(0, at.x(), qMax(0, window->width() - width)));
    at.setY(qMax(0, at.y()));
    m_popup->setGeometry(at.x(), at.y(), width, height);
}

void MentionCompleter::close()
{
    m_candidates.clear();
    if (m_popup) {
        m_popup->hide();
        m_popup->clear();
    }
}

void MentionCompleter::move(int step)
{
    const int n = m_popup->count();
    if (n == 0)
        return;
    m_popup->setCurrentRow(((m_popup->currentRow() + step) % n + n) % n);
}

void MentionCompleter::accept(int row)
{
    if (row < 0 || row >= m_candidates.size() || m_start < 0)
        return;
    const QString name = m_candidates.at(row);
    QTextCursor cursor = m_edit->textCursor();
    const int end = cursor.position();
    close();
    cursor.setPosition(m_start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(QLatin1Char('@') + name + QLatin1Char(' '));
    m_edit->setTextCursor(cursor);
    m_edit->setFocus(Qt::OtherFocusReason);
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return false;
    if (event->type() == QEvent::FocusOut) {
        close();
        return false;
    }
    if ((event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        || !isOpen())
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
    if (mods != Qt::NoModifier)
        return false;
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Tab:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Escape:
        break;
    default:
        return false;
    }
    event->accept();
    if (event->type() == QEvent::ShortcutOverride)
        return true; // the key is ours: no shortcut (Esc: jump to newest) takes it
    switch (key->key()) {
    case Qt::Key_Up:
        move(-1);
        break;
    case Qt::Key_Down:
        move(1);
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        accept(m_popup->currentRow());
        break;
    }
    return true;
}

} // namespace natter::ui
