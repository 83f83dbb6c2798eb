#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace natter::pusher {
struct ConnectionOptions;
}

namespace natter::chat {

// A saved server. Secrets (bearer token, app secret) are NOT here: they live in the keychain
// under secretKey(), see natter::desktop::CredentialStore.
struct ServerProfile
{
    // NatterServer: a natter-server at serverUrl; key, host and auth endpoint come from its
    // GET /config, the bearer token from its POST /session (kept in the keychain, tokenKey()).
    enum class Kind { Hosted, SelfHosted, NatterServer };
    enum class AuthMode { Endpoint, LocalSigning };

    QString name; // unique, shown in the picker
    Kind kind = Kind::SelfHosted;
    QString key; // app key
    QString cluster; // Hosted
    QString host; // SelfHosted
    QString serverUrl; // NatterServer: http(s)://host[:port][/prefix]
    int port = 6001; // SelfHosted
    bool tls = true;
    QString pathPrefix;
    QString caFile; // optional extra CA bundle (PEM)
    AuthMode authMode = AuthMode::Endpoint;
    QString authEndpoint; // AuthMode::Endpoint; the token is optional
    bool allowPlainTextSecret = false; // the user explicitly chose to store secrets unencrypted

    natter::pusher::ConnectionOptions connectionOptions() const;
    QString validate() const; // empty when usable, else what to fix
    // Keychain entry names.
    QString tokenKey() const { return QStringLiteral("profile/%1/token").arg(name); }
    QString secretKey() const { return QStringLiteral("profile/%1/app-secret").arg(name); }
};

} // namespace natter::chat

Q_DECLARE_METATYPE(natter::chat::ServerProfile)
