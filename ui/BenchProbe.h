#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QAbstractItemView;
class QTimer;

namespace natter::ui {

// Benchmark hook (NATTER_BENCH=1), used by bench/gui. Installed from main() right after the
// QApplication exists: `natter::ui::BenchProbe::installFromEnvironment();` (does nothing unless
// the variable is set). It finds the message view ("messageView") and the member list
// ("memberList") by object name, so it needs no other hook in the window, and prints JSON lines
// on stdout (t_ms: since the probe was installed; epoch_ms: wall clock, to compare with the
// bench's own launch and send times):
//   {"type":"bench","event":"start","t_ms":0,"epoch_ms":..,"pid":..}
//   {"type":"ready","t_ms":..,"epoch_ms":..,"members":n}
//        the member list has been painted with >= NATTER_BENCH_MEMBERS rows (default 1: the
//        room is subscribed) and the message list with the room's model: connected, room
//        subscribed, lists painted
//   {"type":"bench","event":"first_message","count":rows,"t_ms":..,"epoch_ms":..}
//        the first rows appear in the shown message model
//   {"type":"bench","event":"shown","count":rows,"t_ms":..,"epoch_ms":..}
//        after a paint of the message view (recorded once the paint and flush are done) whose
//        model row count differs from the last "shown" line
//   {"type":"bench","event":"members_shown","count":rows,"t_ms":..,"epoch_ms":..}
//        after a paint of the member list (paint and flush done) whose row count differs from
//        the last "members_shown" line
//   {"type":"stall","max_ms":..,"t_ms":..,"window_ms":500}
//        every 500 ms: the longest gap between two ticks of a 1 ms precise timer on the GUI
//        thread in that window, minus the 1 ms period (0 = never late)
class BenchProbe : public QObject
{
    Q_OBJECT
public:
    static BenchProbe *installFromEnvironment();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    BenchProbe();
    void discover();
    void hookMessages(QAbstractItemView *view);
    int messageCount() const;
    void hookMembers(QAbstractItemView *view);
    void onTick();
    void afterMessagePaint(int rows);
    void afterMemberPaint(int members);
    void checkReady();
    void line(const char *json);
    qint64 tMs() const { return m_clock.elapsed(); }

    QElapsedTimer m_clock;
    QTimer *m_discover;
    QTimer *m_tick;
    QPointer<QAbstractItemView> m_messages;
    QPointer<QAbstractItemModel> m_messageModel;
    QPointer<QAbstractItemView> m_members;
    qint64 m_lastTickNs = 0;
    qint64 m_windowStartNs = 0;
    qint64 m_maxGapNs = 0;
    int m_lastShown = -1;
    int m_wantedMembers = 1;
    bool m_firstMessage = false;
    bool m_ready = false;
    bool m_pendingMessagePaint = false;
    bool m_pendingMemberPaint = false;
    bool m_messagesPainted = false; // with a room's model
    int m_membersPainted = 0; // rows when painted with >= m_wantedMembers; 0: not yet
    int m_lastMembersShown = -1;
};

} // namespace natter::ui
