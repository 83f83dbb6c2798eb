#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QListWidget;
class QPlainTextEdit;

namespace natter::chat {
class Room;
}

namespace natter::ui {

// "@" in the message field offers the room's members (Who's Online), filtered by what follows
// the "@" (prefix, case-insensitive). Up/Down move, Tab or Enter insert "@name ", Esc closes;
// a click on a name inserts it too. The list floats over the conversation just above the
// field, inside the window: the field keeps the keyboard focus throughout.
class MentionCompleter : public QObject
{
    Q_OBJECT
public:
    explicit MentionCompleter(QPlainTextEdit *edit);

    void setRoom(natter::chat::Room *room); // whose members are offered; nullptr: nobody
    bool isOpen() const;
    QListWidget *popup() const { return m_popup; }
    // The names offered now, in order (empty when closed).
    QStringList candidates() const { return m_candidates; }

    static constexpr int MaxShownRows = 8;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void close();
    void accept(int row);
    void move(int step);
    void place();
    QStringList memberNames() const;

    QPlainTextEdit *m_edit;
    QPointer<natter::chat::Room> m_room;
    QListWidget *m_popup = nullptr; // created on first use, in the edit's window
    QStringList m_candidates;
    int m_start = -1; // where the "@" being completed is
};

} // namespace natter::ui
