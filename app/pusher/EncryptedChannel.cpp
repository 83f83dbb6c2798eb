#include "EncryptedChannel.h"

#include "AuthRequest.h"
#include "Authorizer.h"
#include "Connection.h"
#include "LogPusher.h"
#include "SecretBox.h"

namespace natter::pusher {

EncryptedChannel::EncryptedChannel(const QString &name, const Services &services, QObject *parent)
    : Channel(name, services, parent)
{
}

bool EncryptedChannel::acceptAuth(const AuthResponse &response, QString *whyNot)
{
    if (!Channel::acceptAuth(response, whyNot))
        return false;
    if (response.sharedSecret.size() != 32) {
        *whyNot = QStringLiteral(
                      "the auth response for %1 has no valid shared_secret (32 bytes, base64)")
                      .arg(name());
        return false;
    }
    m_key = response.sharedSecret;
    return true;
}

void EncryptedChannel::onReset()
{
    delete m_refresh.data();
    m_waiting.clear();
    // The key is kept: the next subscription's auth replaces it.
}

bool EncryptedChannel::tryDeliver(const Event &event)
{
    const QByteArray payload = event.data.toUtf8();
    const std::optional<QByteArray> plain = SecretBox::openEnvelope(payload, m_key);
    if (!plain)
        return false;
    Event clear = event;
    clear.data = QString::fromUtf8(*plain);
    clear.dataKind = Event::DataKind::Json; // the publisher encrypted JSON.stringify(data)
    Channel::deliver(clear);
    return true;
}

void EncryptedChannel::deliver(const Event &event)
{
    if (m_refresh) {
        m_waiting.append(event);
        return;
    }
    if (tryDeliver(event))
        return;
    qCInfo(lcPusher) << "could not decrypt" << event.event << "on" << name()
                     << ": refreshing the key";
    m_waiting.append(event);
    refreshKey();
}

void EncryptedChannel::refreshKey()
{
    if (!m_services.authorizer || !m_services.connection->isConnected()) {
        for (const Event &e : std::as_const(m_waiting))
            emit decryptionFailed(e.event, QStringLiteral("no key could be fetched"));
        m_waiting.clear();
        return;
    }
    m_refresh = m_services.authorizer->authorizeChannel(m_services.connection->socketId(), name(),
                                                        this);
    auto finish = [this](bool keyRefreshed, const QString &why) {
        const QList<Event> waiting = std::exchange(m_waiting, {});
        if (AuthRequest *r = m_refresh.data())
            r->deleteLater();
        m_refresh.clear();
        for (const Event &e : waiting) {
            if (keyRefreshed && tryDeliver(e))
                continue;
            qCWarning(lcPusher) << "dropping undecryptable event" << e.event << "on" << name();
            emit decryptionFailed(
                e.event,
                keyRefreshed ? QStringLiteral("decryption failed with the refreshed key") : why);
        }
    };
    QObject::connect(m_refresh, &AuthRequest::succeeded, this,
                     [this, finish](const AuthResponse &response) {
                         if (response.sharedSecret.size() == 32)
                             m_key = response.sharedSecret;
                         finish(response.sharedSecret.size() == 32,
                                QStringLiteral("the refreshed auth response had no shared_secret"));
                     });
    QObject::connect(m_refresh, &AuthRequest::failed, this, [finish](const AuthError &error) {
        finish(false, QStringLiteral("key refresh failed: ") + error.message);
    });
}

} // namespace natter::pusher
