#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace natter::desktop {

// Where secrets live (the OS keychain via QtKeychain in the app; fakes in tests). Every call is
// asynchronous and answers exactly once, also on a timeout: a locked keychain never blocks.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        bool notFound = false; // read: no such entry (ok is false)
        QString value; // read only
        QString error; // a sentence for the user when !ok && !notFound
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;
    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;
};

} // namespace natter::desktop
