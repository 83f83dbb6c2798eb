#include "KeyboardShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::ui {

namespace {

QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText);
}

} // namespace

KeyboardShortcutsDialog::KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *grid = new QWidget(this);
    m_grid = new QGridLayout(grid);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(24);
    m_grid->setColumnStretch(0, 1);

    for (QAction *action : actions) {
        if (!action || action->shortcut().isEmpty())
            continue;
        addRow(action->text().remove(u'&').remove(QStringLiteral("…")), keys(action->shortcut()));
    }
    addRow(tr("Send the message"), keys(QKeySequence(Qt::Key_Return)));
    addRow(tr("New line in the message"), keys(QKeySequence(Qt::SHIFT | Qt::Key_Return)));
    addRow(tr("Previous / next room"),
           keys(QKeySequence(Qt::ALT | Qt::Key_Up)) + QStringLiteral(" / ")
               + keys(QKeySequence(Qt::ALT | Qt::Key_Down)));
    addRow(tr("Scroll the conversation from the message field"),
           keys(QKeySequence(Qt::Key_PageUp)) + QStringLiteral(" / ")
               + keys(QKeySequence(Qt::Key_PageDown)));
    addRow(tr("Oldest / newest loaded message"),
           keys(QKeySequence(Qt::CTRL | Qt::Key_Home)) + QStringLiteral(" / ")
               + keys(QKeySequence(Qt::CTRL | Qt::Key_End)));
    addRow(tr("Jump to the newest message"), keys(QKeySequence(Qt::Key_Escape)));
    addRow(tr("Reply to the selected message (Esc cancels)"),
           keys(QKeySequence(Qt::CTRL | Qt::Key_R)));
    addRow(tr("Rooms, messages, message field, Who's Online"),
           keys(QKeySequence(Qt::Key_Tab)) + QStringLiteral(" / ")
               + keys(QKeySequence(Qt::SHIFT | Qt::Key_Tab)));
    addRow(tr("Find in the room"), keys(QKeySequence(QKeySequence::Find)));
    addRow(tr("Next / previous match"),
           keys(QKeySequence(Qt::Key_F3)) + QStringLiteral(" / ")
               + keys(QKeySequence(Qt::SHIFT | Qt::Key_F3)));
    addRow(tr("Edit your last message (in an empty message field)"), keys(QKeySequence(Qt::Key_Up)));

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(grid);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void KeyboardShortcutsDialog::addRow(const QString &what, const QString &keySequence)
{
    const int row = m_grid->rowCount();
    auto *description = new QLabel(what, this);
    description->setTextFormat(Qt::PlainText);
    auto *shortcut = new QLabel(keySequence, this);
    shortcut->setTextFormat(Qt::PlainText);
    QFont bold = shortcut->font();
    bold.setBold(true);
    shortcut->setFont(bold);
    m_grid->addWidget(description, row, 0);
    m_grid->addWidget(shortcut, row, 1);
    m_entries.append({what, keySequence});
}

} // namespace natter::ui
