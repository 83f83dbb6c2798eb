#pragma once

#include <QDialog>

class QAction;
class QGridLayout;

namespace natter::ui {

// Help → Keyboard Shortcuts: the window's menu shortcuts (read from the actions, so the list
// cannot drift from what the keys do) and the keys of the chat page. Non-modal.
class KeyboardShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    // What is listed, as (description, keys) pairs in display order.
    QList<std::pair<QString, QString>> entries() const { return m_entries; }

private:
    void addRow(const QString &what, const QString &keys);

    QGridLayout *m_grid;
    QList<std::pair<QString, QString>> m_entries;
};

} // namespace natter::ui
