#include "MemoryCredentialStore.h"

#include <QTimer>

namespace natter::desktop {

MemoryCredentialStore::~MemoryCredentialStore()
{
    clear();
}

void MemoryCredentialStore::clear()
{
    // Overwrite before dropping, so the secrets do not linger in freed heap blocks longer than
    // needed (QString shares data; this is best effort, not a guarantee).
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
        it->fill(QLatin1Char('\0'));
    m_values.clear();
}

void MemoryCredentialStore::answer(Callback done, const Result &result)
{
    if (!done)
        return;
    // Queued: the answer never arrives inside read()/write()/remove(). Dropped if the store is
    // destroyed first (the context object is `this`).
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

void MemoryCredentialStore::read(const QString &key, Callback done)
{
    Result result;
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd()) {
        result.notFound = true;
    } else {
        result.ok = true;
        result.value = *it;
    }
    answer(std::move(done), result);
}

void MemoryCredentialStore::write(const QString &key, const QString &value, Callback done)
{
    m_values.insert(key, value);
    Result result;
    result.ok = true;
    answer(std::move(done), result);
}

void MemoryCredentialStore::remove(const QString &key, Callback done)
{
    Result result;
    result.ok = true;
    result.notFound = !m_values.contains(key);
    if (!result.notFound) {
        m_values[key].fill(QLatin1Char('\0'));
        m_values.remove(key);
    }
    answer(std::move(done), result);
}

} // namespace natter::desktop
