#include "NetworkMonitor.h"

#include "LogDesktop.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QTimer>

namespace natter::desktop {

namespace {
const char *reachabilityName(QNetworkInformation::Reachability r)
{
    switch (r) {
    case QNetworkInformation::Reachability::Unknown:
        return "unknown";
    case QNetworkInformation::Reachability::Disconnected:
        return "disconnected";
    case QNetworkInformation::Reachability::Local:
        return "local";
    case QNetworkInformation::Reachability::Site:
        return "site";
    case QNetworkInformation::Reachability::Online:
        return "online";
    }
    return "?";
}
} // namespace

NetworkMonitor::NetworkMonitor(QObject *parent)
    : NetworkMonitor(Options{}, parent)
{
}

NetworkMonitor::NetworkMonitor(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

NetworkMonitor::~NetworkMonitor() = default;

void NetworkMonitor::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_options.reachability)
        loadBackend();
    if (m_options.sleep)
        QTimer::singleShot(0, this, &NetworkMonitor::subscribeToSleep);
}

QString NetworkMonitor::backendName() const
{
    auto *info = QNetworkInformation::instance();
    return m_backend && info ? info->backendName() : QString();
}

bool NetworkMonitor::isOnline() const
{
    return m_reachability == QNetworkInformation::Reachability::Online
        || m_reachability == QNetworkInformation::Reachability::Unknown;
}

void NetworkMonitor::loadBackend()
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        const QStringList available = QNetworkInformation::availableBackends();
        qCInfo(lcDesktop).noquote()
            << "no network reachability backend"
            << (available.isEmpty()
                    ? QStringLiteral("(none installed)")
                    : QStringLiteral("(available: %1)").arg(available.join(QStringLiteral(", "))))
            << "- reconnects rely on the connection's own pings and retries";
        return;
    }
    auto *info = QNetworkInformation::instance();
    m_backend = true;
    m_reachability = info->reachability();
    qCInfo(lcDesktop).noquote() << "network reachability from" << info->backendName()
                                << "backend:" << reachabilityName(m_reachability);
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            &NetworkMonitor::handleReachability);
}

void NetworkMonitor::subscribeToSleep()
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        qCInfo(lcDesktop).noquote()
            << QStringLiteral("no system bus (%1) - resume from sleep will not trigger a "
                              "connection check")
                   .arg(bus.lastError().message());
        return;
    }
    // No service name: with one, QtDBus would look up the name's owner with a blocking call.
    // Only logind emits this signal on the system bus; a forged one merely causes a check.
    m_sleepSubscribed = bus.connect(QString(), QStringLiteral("/org/freedesktop/login1"),
                                    QStringLiteral("org.freedesktop.login1.Manager"),
                                    QStringLiteral("PrepareForSleep"), this,
                                    SLOT(handlePrepareForSleep(bool)));
    if (m_sleepSubscribed)
        qCDebug(lcDesktop) << "watching logind PrepareForSleep";
    else
        qCInfo(lcDesktop).noquote()
            << "could not subscribe to logind PrepareForSleep:" << bus.lastError().message();
}

void NetworkMonitor::handlePrepareForSleep(bool sleeping)
{
    if (sleeping) {
        qCInfo(lcDesktop) << "system is going to sleep";
        emit aboutToSleep();
        return;
    }
    qCInfo(lcDesktop) << "system resumed from sleep: checking the connection";
    emit resumed();
    emit checkNow();
}

void NetworkMonitor::handleReachability(QNetworkInformation::Reachability reachability)
{
    if (reachability == m_reachability)
        return;
    qCInfo(lcDesktop) << "network reachability:" << reachabilityName(m_reachability) << "->"
                      << reachabilityName(reachability);
    m_reachability = reachability;
    emit reachabilityChanged(reachability);
    emit checkNow();
}

} // namespace natter::desktop
