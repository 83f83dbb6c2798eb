#pragma once

#include "Channel.h"

#include <QList>

namespace natter::pusher {

// private-encrypted-*: payloads are libsodium secretboxes under the key from the auth response.
// On a failure to decrypt, the key is fetched once more (it may have been rotated) and the
// event retried; if that fails too, decryptionFailed is emitted (as the Java and Swift clients do).
class EncryptedChannel : public Channel
{
    Q_OBJECT
public:
    EncryptedChannel(const QString &name, const Services &services, QObject *parent = nullptr);
    bool hasKey() const { return !m_key.isEmpty(); }

signals:
    void decryptionFailed(const QString &event, const QString &reason);

protected:
    bool acceptAuth(const AuthResponse &response, QString *whyNot) override;
    void deliver(const Event &event) override;
    void onReset() override;

private:
    bool tryDeliver(const Event &event);
    void refreshKey();

    QByteArray m_key;
    QList<Event> m_waiting; // events held while the key is being refreshed
    QPointer<AuthRequest> m_refresh;
};

} // namespace natter::pusher
