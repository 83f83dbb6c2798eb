#include "KeychainCredentialStore.h"

#include "LogDesktop.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace natter::desktop {

namespace {
const char *opName(int op)
{
    switch (op) {
    case 0:
        return "read";
    case 1:
        return "write";
    default:
        return "remove";
    }
}
} // namespace

KeychainCredentialStore::KeychainCredentialStore(QObject *parent)
    : KeychainCredentialStore(QStringLiteral("natter"), parent)
{
}

KeychainCredentialStore::KeychainCredentialStore(const QString &service, QObject *parent)
    : CredentialStore(parent)
    , m_service(service)
{
}

KeychainCredentialStore::~KeychainCredentialStore()
{
    if (!m_pending.isEmpty())
        qCDebug(lcDesktop) << "keychain store destroyed with" << m_pending.size()
                           << "request(s) pending; their answers are dropped";
    // The jobs themselves keep running and delete themselves; their finished() connections die
    // with `this` (the context object).
}

void KeychainCredentialStore::setTimeout(int ms)
{
    m_timeoutMs = ms > 0 ? ms : DefaultTimeoutMs;
}

void KeychainCredentialStore::read(const QString &key, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    track(job, Op::Read, std::move(done));
}

void KeychainCredentialStore::write(const QString &key, const QString &value, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    track(job, Op::Write, std::move(done));
}

void KeychainCredentialStore::remove(const QString &key, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    track(job, Op::Remove, std::move(done));
}

void KeychainCredentialStore::track(QKeychain::Job *job, Op op, Callback done)
{
    const quint64 id = m_nextId++;
    // The job deletes itself after finished(). It has no parent on purpose: deleting a job while
    // its backend call is in flight is not safe, so a hung job is left to finish (or leak) alone.
    job->setAutoDelete(true);

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(m_timeoutMs);
    connect(timer, &QTimer::timeout, this, [this, id] { onTimeout(id); });
    m_pending.insert(id, Pending{op, std::move(done), timer});

    connect(job, &QKeychain::Job::finished, this,
            [this, id](QKeychain::Job *j) { onFinished(id, j); });
    timer->start();
    startJob(job);
}

void KeychainCredentialStore::startJob(QKeychain::Job *job)
{
    job->start(); // queued inside QtKeychain: returns at once
}

void KeychainCredentialStore::onFinished(quint64 id, QKeychain::Job *job)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        qCDebug(lcDesktop).nospace() << "late keychain answer ignored (request " << id << ", error "
                                     << int(job->error()) << ")";
        return;
    }
    Pending pending = std::move(*it);
    m_pending.erase(it);
    pending.timer->stop();
    pending.timer->deleteLater();

    Result result;
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError) {
        result.ok = true;
        if (pending.op == Op::Read)
            result.value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    } else if (error == QKeychain::EntryNotFound && pending.op != Op::Write) {
        result.notFound = true;
        result.ok = pending.op == Op::Remove; // already gone: removed
    } else {
        result.error = messageFor(int(error), job->errorString());
        qCInfo(lcDesktop).nospace() << "keychain " << opName(int(pending.op)) << " failed: error "
                                    << int(error) << ": " << job->errorString();
    }
    // Answer on the next turn: callbacks may start new jobs, and QtKeychain must not be re-entered
    // from inside a job's finished() handler.
    answer(std::move(pending.done), result);
}

void KeychainCredentialStore::onTimeout(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(*it);
    m_pending.erase(it);
    pending.timer->deleteLater();
    const int ms = int(pending.timer->interval());
    qCInfo(lcDesktop).nospace() << "keychain " << opName(int(pending.op)) << " timed out after "
                                << ms << " ms";
    Result result;
    result.error = timeoutMessage(ms);
    answer(std::move(pending.done), result);
}

void KeychainCredentialStore::answer(Callback done, const Result &result)
{
    if (!done)
        return;
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

QString KeychainCredentialStore::messageFor(int keychainError, const QString &detail)
{
    const QString d = detail.trimmed().isEmpty() ? tr("no details") : detail.trimmed();
    switch (QKeychain::Error(keychainError)) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return tr("The system keychain has no such entry (%1).").arg(d);
    case QKeychain::CouldNotDeleteEntry:
        return tr("The system keychain could not delete the entry (%1).").arg(d);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return tr("Access to the system keychain was denied (%1).").arg(d);
    case QKeychain::NoBackendAvailable:
        return tr("No system keychain is available (%1).").arg(d);
    case QKeychain::NotImplemented:
        return tr("The system keychain does not support this operation (%1).").arg(d);
    case QKeychain::OtherError:
        break;
    }
    return tr("The system keychain is locked or unavailable (%1).").arg(d);
}

QString KeychainCredentialStore::timeoutMessage(int ms)
{
    return tr("The system keychain is locked or unavailable (no answer within %1 s; it may be "
              "waiting for you to unlock it).")
        .arg(QString::number(ms / 1000.0, 'g', 3));
}

} // namespace natter::desktop
