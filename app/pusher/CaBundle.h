#pragma once

#include <QList>
#include <QString>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#endif

class QNetworkRequest;

namespace natter::pusher {

// Extra trusted CAs (PEM file) for one kind of request, e.g. a self-signed development server.
// They are added to the system CAs, never replace them, and certificate verification stays on:
// there is deliberately no way to ignore TLS errors.
class CaBundle
{
public:
    CaBundle() = default;
    explicit CaBundle(const QString &pemPath); // logs a warning if nothing could be loaded

    bool isEmpty() const;
    // Leaves the request alone when empty, so the manager's defaults apply.
    void applyTo(QNetworkRequest &request) const;

private:
#if QT_CONFIG(ssl)
    QList<QSslCertificate> m_certificates;
#endif
};

} // namespace natter::pusher
