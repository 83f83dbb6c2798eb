#include "BenchProbe.h"

#include <chat/MessageWindowModel.h>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QTimer>

#include <cstdio>

namespace natter::ui {

namespace {
constexpr qint64 StallWindowNs = 500'000'000;
}

BenchProbe *BenchProbe::installFromEnvironment()
{
    static QPointer<BenchProbe> installed; // idempotent: main() and a startup hook may both call it
    if (installed || qEnvironmentVariableIntValue("NATTER_BENCH") != 1 || !qApp)
        return installed;
    installed = new BenchProbe;
    installed->setParent(qApp);
    return installed;
}

BenchProbe::BenchProbe()
    : m_discover(new QTimer(this))
    , m_tick(new QTimer(this))
{
    m_clock.start();
    bool ok = false;
    const int wanted = qEnvironmentVariableIntValue("NATTER_BENCH_MEMBERS", &ok);
    if (ok && wanted > 0)
        m_wantedMembers = wanted;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  R"({"type":"bench","event":"start","t_ms":0,"epoch_ms":%lld,"pid":%lld})",
                  QDateTime::currentMSecsSinceEpoch(), QCoreApplication::applicationPid());
    line(buf);

    m_discover->setInterval(20);
    connect(m_discover, &QTimer::timeout, this, &BenchProbe::discover);
    m_discover->start();

    m_tick->setTimerType(Qt::PreciseTimer);
    m_tick->setInterval(1);
    connect(m_tick, &QTimer::timeout, this, &BenchProbe::onTick);
    m_lastTickNs = m_windowStartNs = m_clock.nsecsElapsed();
    m_tick->start();
}

void BenchProbe::line(const char *json)
{
    std::fputs(json, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void BenchProbe::discover()
{
    if (!m_messages || !m_members) {
        const QWidgetList widgets = QApplication::allWidgets();
        for (QWidget *w : widgets) {
            auto *view = qobject_cast<QAbstractItemView *>(w);
            if (!view)
                continue;
            if (!m_messages && view->objectName() == QLatin1String("messageView"))
                hookMessages(view);
            else if (!m_members && view->objectName() == QLatin1String("memberList"))
                hookMembers(view);
        }
    }
    // The shown room may change: follow the view's current model.
    if (m_messages && m_messages->model() != m_messageModel) {
        if (m_messageModel)
            disconnect(m_messageModel, nullptr, this, nullptr);
        m_messageModel = m_messages->model();
        m_lastShown = -1;
        if (m_messageModel) {
            connect(m_messageModel, &QAbstractItemModel::rowsInserted, this, [this] {
                if (m_firstMessage || !m_messageModel)
                    return;
                m_firstMessage = true;
                char buf[200];
                std::snprintf(
                    buf, sizeof buf,
                    R"({"type":"bench","event":"first_message","count":%d,"t_ms":%lld,"epoch_ms":%lld})",
                    messageCount(), tMs(), QDateTime::currentMSecsSinceEpoch());
                line(buf);
            });
        }
    }
}

int BenchProbe::messageCount() const
{
    // The view sees a window over the newest rows: what is shown is the source's rows up to
    // the window's last one.
    if (auto *window = qobject_cast<natter::chat::MessageWindowModel *>(m_messageModel.data()))
        return window->firstSourceRow() + window->rowCount();
    return m_messageModel ? m_messageModel->rowCount() : 0;
}

void BenchProbe::hookMessages(QAbstractItemView *view)
{
    m_messages = view;
    view->viewport()->installEventFilter(this);
}

void BenchProbe::hookMembers(QAbstractItemView *view)
{
    m_members = view;
    view->viewport()->installEventFilter(this);
}

bool BenchProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Paint)
        return false;
    // Called before the paint: the line is printed from a queued call, i.e. after this paint
    // and the window's flush (both happen while the current UpdateRequest is handled).
    const bool messagePaint = m_messages && watched == m_messages->viewport();
    const bool memberPaint = m_members && watched == m_members->viewport();
    if (messagePaint && m_messageModel) {
        const int rows = messageCount();
        if ((rows != m_lastShown || !m_messagesPainted) && !m_pendingMessagePaint) {
            m_pendingMessagePaint = true;
            QMetaObject::invokeMethod(
                this, [this, rows] { afterMessagePaint(rows); }, Qt::QueuedConnection);
        }
    }
    if (memberPaint && !m_pendingMemberPaint && m_members->model()) {
        const int members = m_members->model()->rowCount();
        m_pendingMemberPaint = true;
        QMetaObject::invokeMethod(
            this, [this, members] { afterMemberPaint(members); }, Qt::QueuedConnection);
    }
    return false;
}

void BenchProbe::afterMessagePaint(int rows)
{
    m_pendingMessagePaint = false;
    if (!m_messagesPainted) {
        m_messagesPainted = true;
        checkReady();
    }
    if (rows == m_lastShown)
        return;
    m_lastShown = rows;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  R"({"type":"bench","event":"shown","count":%d,"t_ms":%lld,"epoch_ms":%lld})",
                  rows, tMs(), QDateTime::currentMSecsSinceEpoch());
    line(buf);
}

void BenchProbe::afterMemberPaint(int members)
{
    m_pendingMemberPaint = false;
    if (members >= m_wantedMembers && !m_membersPainted) {
        m_membersPainted = members;
        checkReady();
    }
    if (members == m_lastMembersShown)
        return;
    m_lastMembersShown = members;
    char buf[200];
    std::snprintf(
        buf, sizeof buf,
        R"({"type":"bench","event":"members_shown","count":%d,"t_ms":%lld,"epoch_ms":%lld})",
        members, tMs(), QDateTime::currentMSecsSinceEpoch());
    line(buf);
}

void BenchProbe::checkReady()
{
    // Both lists painted: the message list with the room's model, the member list with enough
    // members (which implies connected and subscribed).
    if (m_ready || !m_messagesPainted || !m_membersPainted)
        return;
    m_ready = true;
    char buf[200];
    std::snprintf(buf, sizeof buf, R"({"type":"ready","t_ms":%lld,"epoch_ms":%lld,"members":%d})",
                  tMs(), QDateTime::currentMSecsSinceEpoch(), m_membersPainted);
    line(buf);
    // bench/gui --devtools: the same run with the Developer tools open (recording every frame).
    if (qEnvironmentVariableIntValue("NATTER_BENCH_DEVTOOLS") == 1) {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *open = top->findChild<QAction *>(QStringLiteral("developerToolsAction"))) {
                open->trigger();
                line(R"({"type":"bench","event":"devtools_open"})");
                break;
            }
        }
    }
}

void BenchProbe::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_maxGapNs = qMax(m_maxGapNs, now - m_lastTickNs);
    m_lastTickNs = now;
    if (now - m_windowStartNs >= StallWindowNs) {
        char buf[160];
        const double maxMs = qMax<qint64>(0, m_maxGapNs - 1'000'000) / 1e6;
        std::snprintf(buf, sizeof buf,
                      R"({"type":"stall","max_ms":%.1f,"t_ms":%lld,"window_ms":%lld})", maxMs,
                      tMs(), (now - m_windowStartNs) / 1'000'000);
        line(buf);
        m_windowStartNs = now;
        m_maxGapNs = 0;
    }
}

} // namespace natter::ui
