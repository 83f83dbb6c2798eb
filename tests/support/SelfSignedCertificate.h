#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

// A throwaway self-signed certificate for 127.0.0.1 / localhost, made with the openssl command
// line tool (tests skip when it is missing), for HTTPS tests against FakeHttpServer.
class SelfSignedCertificate
{
public:
    // `subjectAltName` as openssl's -addext takes it; a certificate for another host than the
    // one a test connects to makes a host name mismatch.
    explicit SelfSignedCertificate(const QString &subjectAltName
                                   = QStringLiteral("IP:127.0.0.1,DNS:localhost"));

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    // The certificate as a PEM file: what a client passes as its CA bundle.
    QString certificatePath() const;
    QString keyPath() const; // the private key as a PEM file (for servers such as soketi)
    // Local certificate and key, for FakeHttpServer's TLS constructor.
    QSslConfiguration serverConfiguration() const;

private:
    QTemporaryDir m_dir;
    bool m_valid = false;
    QString m_error;
    QSslConfiguration m_server;
};
