#pragma once

#include <QString>
#include <QStringList>

namespace natter::devtools {

// Takes the secrets out of what the Debug console shows, copies and exports: channel and user
// auth signatures ("key:signature" keeps the public key), shared secrets of encrypted channels,
// tokens, passwords, bearer headers, anything that looks like an HMAC-SHA256 hex digest, and
// the literal secrets the session knows (app secret, bearer token). Frames that cannot hold any
// of these (no suspicious word, no known secret) are returned as they are, so the common case
// costs a few substring searches.
class FrameMasker
{
public:
    static inline const QString Mask = QStringLiteral("[masked]");

    // Values to take out wherever they appear (empty ones are ignored).
    void setSecrets(const QStringList &secrets);
    const QStringList &secrets() const { return m_secrets; }

    QString mask(const QString &text) const;

private:
    QStringList m_secrets;
};

} // namespace natter::devtools
