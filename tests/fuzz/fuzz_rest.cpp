// The REST reply parser: an HTTP status and body from the Channels REST API, read the way
// RestReply does when an answer arrives. The first two bytes are the status (100..599). A
// success never carries an error text, a failure always does and never in a 2xx status, and
// the quoted body stays bounded.
#include <pusher/RestReply.h>

#include <QJsonDocument>
#include <QJsonObject>

using natter::pusher::RestReply;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size < 2)
        return 0;
    int status = 100 + (bytes[0] << 8 | bytes[1]) % 500;
    const QByteArray body(reinterpret_cast<const char *>(bytes) + 2, qsizetype(size - 2));
    const QString error = RestReply::readAnswer(status, body);
    const bool success = status >= 200 && status < 300;
    if (error.isEmpty() != success)
        __builtin_trap();
    if (error.size() > 600)
        __builtin_trap(); // "HTTP <status>: " and at most 500 characters of the body, and "..."
    // What natter-cli trigger prints next to the status.
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    (void)QJsonDocument(json).toJson(QJsonDocument::Compact);
    return 0;
}
