#include "SelfSignedCertificate.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

SelfSignedCertificate::SelfSignedCertificate(const QString &subjectAltName)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        m_error = QStringLiteral("openssl not found");
        return;
    }
    const QString keyPath = this->keyPath();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // EC keys are generated instantly, unlike RSA ones.
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                   QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=natter-test"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + subjectAltName,
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certificatePath()});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl failed: ") + QString::fromLocal8Bit(process.readAll());
        return;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath());
    QFile keyFile(keyPath);
    if (certificates.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("could not read the generated certificate or key");
        return;
    }
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        m_error = QStringLiteral("could not parse the generated key");
        return;
    }
    m_server = QSslConfiguration::defaultConfiguration();
    m_server.setLocalCertificate(certificates.first());
    m_server.setPrivateKey(key);
    m_server.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask for client certs
    m_valid = true;
}

QString SelfSignedCertificate::certificatePath() const
{
    return m_dir.filePath(QStringLiteral("cert.pem"));
}

QString SelfSignedCertificate::keyPath() const
{
    return m_dir.filePath(QStringLiteral("key.pem"));
}

QSslConfiguration SelfSignedCertificate::serverConfiguration() const
{
    return m_server;
}
