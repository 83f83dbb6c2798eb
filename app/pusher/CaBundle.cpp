#include "CaBundle.h"

#include "LogAuth.h"

#include <QNetworkRequest>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

namespace natter::pusher {

CaBundle::CaBundle(const QString &pemPath)
{
    if (pemPath.isEmpty())
        return;
#if QT_CONFIG(ssl)
    m_certificates = QSslCertificate::fromPath(pemPath, QSsl::Pem,
                                               QSslCertificate::PatternSyntax::FixedString);
    if (m_certificates.isEmpty())
        qCWarning(lcPusherAuth) << "no CA certificates could be loaded from" << pemPath;
#else
    qCWarning(lcPusherAuth) << "TLS is not available; ignoring CA bundle" << pemPath;
#endif
}

bool CaBundle::isEmpty() const
{
#if QT_CONFIG(ssl)
    return m_certificates.isEmpty();
#else
    return true;
#endif
}

void CaBundle::applyTo(QNetworkRequest &request) const
{
#if QT_CONFIG(ssl)
    if (m_certificates.isEmpty())
        return;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(m_certificates);
    request.setSslConfiguration(configuration);
    // QNetworkAccessManager reuses its per-host connection object, and with it the TLS
    // configuration it was created with, so on a shared manager an earlier request to the same
    // host without these CAs would make them silently ignored. The verify name is part of that
    // cache key; setting it to the host itself changes nothing else.
    if (request.peerVerifyName().isEmpty())
        request.setPeerVerifyName(request.url().host());
#else
    Q_UNUSED(request);
#endif
}

} // namespace natter::pusher
