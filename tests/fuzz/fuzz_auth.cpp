// The auth response parser: an auth endpoint's body read the way HttpAuthorizer and AuthBatch
// read it, for every purpose, plus the refusal text. A reason must never quote the body (it may
// hold a signature), and a key for an encrypted channel is always 32 bytes.
#include <pusher/AuthResponseReader.h>
#include <pusher/SecretBox.h>

#include <QJsonDocument>
#include <QJsonObject>

using natter::pusher::AuthResponseReader;
using Purpose = AuthResponseReader::Purpose;

namespace {

void readAs(const QJsonObject &object, Purpose purpose)
{
    QString reason;
    const auto response = AuthResponseReader::read(object, purpose, &reason);
    const QString auth = object.value(QLatin1String("auth")).toString();
    if (!response) {
        if (reason.isEmpty())
            __builtin_trap(); // a refusal always says why
        if (auth.size() >= 16 && reason.contains(auth))
            __builtin_trap(); // never quote the signature
        return;
    }
    if (response->auth.isEmpty())
        __builtin_trap();
    if (purpose == Purpose::EncryptedChannel
        && response->sharedSecret.size() != natter::pusher::SecretBox::KeyBytes)
        __builtin_trap();
    if (purpose == Purpose::User && response->userData.isEmpty())
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const QString shortened = AuthResponseReader::shortened(QString::fromUtf8(body));
    if (shortened.size() > 203)
        __builtin_trap();
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return 0;
    const QJsonObject object = document.object();
    (void)AuthResponseReader::errorText(object);
    for (Purpose purpose : {Purpose::Channel, Purpose::EncryptedChannel, Purpose::User})
        readAs(object, purpose);
    // A batched answer: {"<channel>": {"status": .., "data": {..}}, ..}.
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const int status = entry.value(QLatin1String("status")).toInt(200);
        (void)AuthResponseReader::kindForStatus(status);
        const QJsonValue data = entry.value(QLatin1String("data"));
        if (data.isObject()) {
            (void)AuthResponseReader::errorText(data.toObject());
            readAs(data.toObject(), AuthResponseReader::purposeOf(it.key()));
        }
    }
    return 0;
}
