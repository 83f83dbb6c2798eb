#include "FrameRecorder.h"

#include "FrameLogModel.h"
#include "LogDevtools.h"

#include <pusher/AuthResponse.h>
#include <pusher/Connection.h>
#include <pusher/JsonText.h>

#include <QDateTime>

namespace natter::devtools {

using natter::pusher::Connection;
using natter::pusher::ConnectionState;

namespace {
// Four times a second still reads as live, and every append makes the list lay out all its rows
// again (QListView asks the model for each one): in a flood that, not the recording, is what
// the interval buys.
constexpr int kFlushIntervalMs = 250;
// Notes turned into entries per flush: a flood bigger than this is appended in slices, with the
// event loop (and the chat) running in between. An entry costs a few moves, so a slice is a
// millisecond or two.
constexpr size_t kFlushSlice = 20000;
} // namespace

FrameRecorder::FrameRecorder(FrameLogModel *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kFlushIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FrameRecorder::flush);
}

FrameRecorder::~FrameRecorder()
{
    attach(nullptr);
}

void FrameRecorder::attach(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection && m_connection->frameObserver() == this)
        m_connection->setFrameObserver(nullptr);
    for (const QMetaObject::Connection &c : std::as_const(m_signals))
        disconnect(c);
    m_signals.clear();
    m_connection = connection;
    if (!connection)
        return;
    connection->setFrameObserver(this);
    m_signals << connect(connection, &Connection::stateChanged, this,
                         [this](ConnectionState previous, ConnectionState current) {
                             note(FrameEntry::Kind::State,
                                  tr("%1 → %2").arg(natter::pusher::toString(previous),
                                                    natter::pusher::toString(current)),
                                  {}, QStringLiteral("state"));
                         });
    m_signals << connect(connection, &Connection::reconnectingIn, this, [this](int ms) {
        note(FrameEntry::Kind::State, tr("reconnecting in %1 s").arg(ms / 1000.0, 0, 'f', 1), {},
             QStringLiteral("reconnect"));
    });
    m_signals << connect(
        connection, &Connection::connectionLost, this, [this](int code, const QString &reason) {
            note(FrameEntry::Kind::State, tr("connection lost: %1 %2").arg(code).arg(reason), {},
                 QStringLiteral("closed"));
        });
    m_signals << connect(connection, &Connection::malformedFrame, this,
                         [this](const QString &reason) {
                             note(FrameEntry::Kind::Error, tr("malformed frame: %1").arg(reason),
                                  {}, QStringLiteral("malformed"));
                         });
    m_signals << connect(connection, &Connection::tlsError, this, [this](const QString &reason) {
        note(FrameEntry::Kind::Error, tr("TLS error: %1").arg(reason), {}, QStringLiteral("tls"));
    });
    note(FrameEntry::Kind::State,
         tr("recording (state %1, socket %2)")
             .arg(natter::pusher::toString(connection->state()), connection->socketId()),
         {}, QStringLiteral("state"));
}

void FrameRecorder::setSecrets(const QStringList &secrets)
{
    m_log->setSecrets(secrets);
}

const FrameMasker &FrameRecorder::masker() const
{
    return m_log->masker();
}

void FrameRecorder::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    flush(); // what arrived before the pause still belongs in the log
    m_paused = paused;
    emit pausedChanged(paused);
}

void FrameRecorder::frameReceived(const QString &text, const natter::pusher::Event *parsed)
{
    // The names come from the parser's cache: copying them shares, not allocates.
    if (parsed)
        push({m_now(), FrameEntry::Kind::In, text, parsed->channel, parsed->event, true});
    else
        push({m_now(), FrameEntry::Kind::In, text, {}, {}, false});
}

void FrameRecorder::frameSent(const QString &text)
{
    push({m_now(), FrameEntry::Kind::Out, text, {}, {}, false});
}

void FrameRecorder::authRequested(const QString &channel)
{
    note(FrameEntry::Kind::Auth,
         channel.isEmpty() ? tr("user sign-in: authorization requested")
                           : tr("%1: authorization requested").arg(channel),
         channel, QStringLiteral("auth"));
}

void FrameRecorder::authSucceeded(const QString &channel,
                                  const natter::pusher::AuthResponse &response)
{
    // The masker takes the signature out of "auth"; the shared secret is never passed on.
    QString text = QStringLiteral("{\"auth\":") + natter::pusher::json::quote(response.auth);
    if (!response.channelData.isEmpty())
        text += QStringLiteral(",\"channel_data\":%1").arg(response.channelData.size());
    if (!response.sharedSecret.isEmpty())
        text += QStringLiteral(",\"shared_secret\":\"\"");
    text += u'}';
    const QString what = channel.isEmpty() ? tr("user sign-in") : channel;
    note(FrameEntry::Kind::Auth, tr("%1: authorized %2").arg(what, masker().mask(text)), channel,
         QStringLiteral("auth"));
}

void FrameRecorder::authFailed(const QString &channel, const natter::pusher::AuthError &error)
{
    const QString what = channel.isEmpty() ? tr("user sign-in") : channel;
    note(FrameEntry::Kind::Auth,
         tr("%1: authorization failed (HTTP %2): %3")
             .arg(what)
             .arg(error.httpStatus)
             .arg(error.message),
         channel, QStringLiteral("auth"));
}

void FrameRecorder::note(FrameEntry::Kind kind, const QString &text, const QString &channel,
                         const QString &event)
{
    push({m_now(), kind, text, channel, event, true});
}

void FrameRecorder::push(Pending pending)
{
    m_pending.push_back(std::move(pending));
    if (!m_timer.isActive())
        m_timer.start();
}

FrameEntry FrameRecorder::toEntry(Pending &p)
{
    FrameEntry e;
    e.timeMs = p.timeMs;
    e.kind = p.kind;
    const bool frame = p.kind == FrameEntry::Kind::In || p.kind == FrameEntry::Kind::Out;
    if (frame)
        e.size = FrameEntry::Unmeasured;
    if (frame && !p.parsed) {
        if (m_parser.parse(p.text, m_event)) {
            e.event = m_event.event;
            e.channel = m_event.channel;
            // (Un)subscribe frames name their channel inside the data: filtering by channel
            // should find them with the channel's other frames.
            if (e.channel.isEmpty() && e.event.startsWith(QLatin1String("pusher:"))
                && e.event.endsWith(QLatin1String("subscribe")))
                e.channel = m_event.dataObject().value(QLatin1String("channel")).toString();
        } else {
            e.event = QStringLiteral("(not JSON)");
        }
    } else {
        e.event = std::move(p.event);
        e.channel = std::move(p.channel);
    }
    e.text = std::move(p.text);
    return e;
}

void FrameRecorder::flush()
{
    m_timer.stop();
    if (pendingCount() == 0)
        return;
    const size_t n = qMin(size_t(pendingCount()), kFlushSlice);
    std::vector<FrameEntry> batch;
    batch.reserve(m_paused ? 0 : n);
    for (size_t i = m_pendingHead; i < m_pendingHead + n; ++i) {
        Pending &p = m_pending[i];
        if (p.kind == FrameEntry::Kind::In || p.kind == FrameEntry::Kind::Out) {
            FrameEntry e = toEntry(p);
            m_rates.record(e.timeMs, e.kind == FrameEntry::Kind::In, e.channel);
            if (!m_paused)
                batch.push_back(std::move(e));
        } else if (!m_paused) {
            batch.push_back(toEntry(p));
        }
    }
    m_pendingHead += n;
    if (m_pendingHead == m_pending.size()) {
        m_pending.clear(); // keeps the capacity for the next burst
        m_pendingHead = 0;
    }
    const int count = int(batch.size());
    m_log->append(std::move(batch));
    if (pendingCount() > 0)
        m_timer.start(0);
    emit flushed(count);
}

} // namespace natter::devtools
