// The secretbox decrypt path of private-encrypted- channels with random keys and nonces: the
// `data` envelope through SecretBox and through an EncryptedChannel holding the key, raw
// secretbox opening with keys and nonces of any length, and a seal/open round trip that must
// give the plaintext back and refuse any tampered byte.
// Input: a flags byte; with flags & 1 the next 32 bytes are the key (else the V7 test key); with
// flags & 2 the next 24 bytes are a nonce; flags >> 2 is the key length for raw opening; the
// rest is the payload.
#include <pusher/AuthResponse.h>
#include <pusher/EncryptedChannel.h>
#include <pusher/SecretBox.h>
#include <pusher/SystemClock.h>

using natter::pusher::AuthResponse;
using natter::pusher::EncryptedChannel;
using natter::pusher::Event;
using natter::pusher::SecretBox;

namespace {

// Reaches the channel's protected auth and delivery steps, as Connection does.
class ProbeChannel : public EncryptedChannel
{
public:
    using EncryptedChannel::acceptAuth;
    using EncryptedChannel::deliver;
    using EncryptedChannel::EncryptedChannel;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size < 1)
        return 0;
    const char *in = reinterpret_cast<const char *>(bytes);
    const uint8_t flags = bytes[0];
    size_t at = 1;
    // V7 of shared/reference/pusher-protocol.md: the key the corpus envelopes are sealed with.
    QByteArray key = QByteArray::fromBase64("nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=");
    if ((flags & 1) && size >= at + 32) {
        key = QByteArray(in + at, 32);
        at += 32;
    }
    QByteArray nonce(24, '\0');
    if ((flags & 2) && size >= at + 24) {
        nonce = QByteArray(in + at, 24);
        at += 24;
    }
    const QByteArray payload(in + at, qsizetype(size - at));

    // The envelope, as EncryptedChannel hands it over.
    const auto opened = SecretBox::openEnvelope(payload, key);

    // Raw opening with any key and nonce length (a short key or nonce must be refused).
    const QByteArrayView oddKey(key.constData(), std::min(flags >> 2, 32));
    const auto raw = SecretBox::open(payload, nonce, oddKey);
    if (raw && oddKey.size() != SecretBox::KeyBytes)
        __builtin_trap();

    // Round trip: what we seal opens to the same bytes; one flipped byte is refused.
    const QByteArray sealed = SecretBox::sealEnvelope(payload, key, nonce);
    const auto back = SecretBox::openEnvelope(sealed, key);
    if (!back || *back != payload)
        __builtin_trap();
    const QByteArray box = SecretBox::seal(payload, nonce, key);
    if (box.size() != payload.size() + SecretBox::MacBytes)
        __builtin_trap();
    QByteArray tampered = box;
    tampered[qsizetype(flags) % tampered.size()] ^= char(1 + (flags & 0x7f));
    if (SecretBox::open(tampered, nonce, key))
        __builtin_trap();

    // The channel: each event is either delivered decrypted or reported, exactly once.
    static natter::pusher::SystemClock clock;
    ProbeChannel channel(QStringLiteral("private-encrypted-fuzz"),
                         {nullptr, nullptr, &clock, nullptr});
    AuthResponse auth;
    auth.auth = QStringLiteral("key:signature");
    auth.sharedSecret = key;
    QString whyNot;
    if (!channel.acceptAuth(auth, &whyNot))
        __builtin_trap();
    int outcomes = 0;
    QString delivered;
    QObject::connect(&channel, &EncryptedChannel::eventReceived, [&](const Event &e) {
        ++outcomes;
        delivered = e.data;
    });
    QObject::connect(&channel, &EncryptedChannel::decryptionFailed, [&] { ++outcomes; });
    Event event;
    event.event = QStringLiteral("my-event");
    event.channel = channel.name();
    event.data = QString::fromUtf8(payload);
    event.dataKind = Event::DataKind::String;
    channel.deliver(event);
    if (outcomes != 1)
        __builtin_trap();
    return 0;
}
