#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A throwaway PostgreSQL 15 cluster: initdb + pg_ctl in a temp dir, listening on a free loopback
// port (unix socket inside the temp dir), trust auth for the user "natter". PostgreSQL refuses
// to run as root, so as root it runs as the Debian package's "postgres" user (runuser) with the
// temp dir handed to that user. Stopped with pg_ctl stop -m fast.
class PostgresCluster
{
public:
    static QString binDir(); // /usr/lib/postgresql/15/bin
    static bool available();

    PostgresCluster();
    ~PostgresCluster();

    bool start(int timeoutMs = 60000);
    void stop();
    // pg_ctl restart -m fast: every client connection is cut.
    bool restart();
    bool isRunning() const { return m_running; }
    quint16 port() const { return m_port; }
    // Creates a database owned by "natter"; false with error() on failure.
    bool createDatabase(const QString &name);
    // postgresql://natter@127.0.0.1:PORT/NAME
    QString url(const QString &database) const;
    QString error() const { return m_error; }

private:
    // Runs a PostgreSQL program (as "postgres" when we are root); false with its output in error().
    bool run(const QString &program, const QStringList &arguments, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_port = 0;
    bool m_running = false;
    QString m_error;
};
