#pragma once

#include "Authorizer.h"
#include "Signer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace natter::pusher {

// Signs subscriptions and sign-ins in-process with the app secret, for development against your
// own server (soketi on localhost, a throwaway app) where running an auth endpoint is a chore.
//
// The secret ships inside the client, so anyone holding the binary can sign anything as anyone:
// NEVER use this with a shared or production secret. Real deployments use HttpAuthorizer.
class LocalSigner : public Authorizer
{
public:
    // encryptionMasterKey is the raw 32-byte master key (base64-decode the server's setting); it
    // is only needed for private-encrypted- channels. userInfo may be empty, in which case the
    // user_info member is left out of channel_data and user_data.
    LocalSigner(QString key, QByteArray secret, QString userId, QJsonObject userInfo = {},
                QByteArray encryptionMasterKey = {});

    AuthRequest *authorizeChannel(const QString &socketId, const QString &channelName,
                                  QObject *parent) override;
    AuthRequest *authenticateUser(const QString &socketId, QObject *parent) override;

    // The exact strings that are signed: {"user_id":"<id>","user_info":{...}} and
    // {"id":"<id>","user_info":{...}}, compact JSON.
    QString presenceChannelData() const;
    QString userData() const;

private:
    Signer m_signer;
    QString m_userId;
    QJsonObject m_userInfo;
    QByteArray m_masterKey;
};

} // namespace natter::pusher
