// private-encrypted- channels: decryption with the shared secret from the auth response, one
// key refresh on failure, then decryptionFailed.
#include "ClientRig.h"
#include "Frames.h"

#include "pusher/EncryptedChannel.h"
#include "pusher/SecretBox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace natter::pusher;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const QString Name = QStringLiteral("private-encrypted-room");

QByteArray keyA()
{
    return QByteArray(32, 'A');
}

QByteArray keyB()
{
    return QByteArray::fromHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
}

// A server frame carrying `plaintext` sealed under `key`, double encoded as Pusher sends it.
QString encryptedFrame(const QString &event, const QByteArray &plaintext, const QByteArray &key)
{
    return frames::frame(event, QString::fromUtf8(SecretBox::sealEnvelope(plaintext, key)), Name);
}

AuthResponse responseWithKey(const QByteArray &key)
{
    AuthResponse r;
    r.auth = QStringLiteral("KEY:sig");
    r.sharedSecret = key;
    return r;
}

struct Failure
{
    QString event;
    QString reason;
};

struct Rig : ClientRig
{
    // Subscribes the encrypted channel with `key` and completes the subscription.
    EncryptedChannel *subscribe(const QByteArray &key)
    {
        connect();
        channel = client->subscribeEncrypted(Name);
        if (!channel)
            return nullptr;
        QObject::connect(channel, &Channel::eventReceived, channel,
                         [this](const Event &e) { delivered.append(e); });
        QObject::connect(channel, &EncryptedChannel::decryptionFailed, channel,
                         [this](const QString &event, const QString &reason) {
                             failures.append({event, reason});
                         });
        auth.respond(auth.count() - 1, responseWithKey(key));
        serverSend(frames::subscriptionSucceeded(Name));
        return channel;
    }

    EncryptedChannel *channel = nullptr;
    QList<Event> delivered;
    QList<Failure> failures;
};

} // namespace

class TestEncryptedChannel : public QObject
{
    Q_OBJECT
private slots:
    void subscribeNeverSendsTheSecret()
    {
        Rig rig;
        rig.connect();
        EncryptedChannel *c = rig.client->subscribeEncrypted(Name);
        QVERIFY(c);
        QVERIFY(!c->hasKey());
        QCOMPARE(rig.auth.count(), 1);
        QCOMPARE(rig.auth.at(0).channel, Name);
        rig.auth.respond(0, responseWithKey(keyA()));
        QVERIFY(c->hasKey());
        QCOMPARE(rig.t()->sent.size(), 1);
        const QJsonObject data = rig.t()->sentJson(0).value(QLatin1String("data")).toObject();
        QCOMPARE(data.keys(), (QStringList{S("auth"), S("channel")}));
        QVERIFY(!rig.t()->sent.first().contains(QString::fromLatin1(keyA().toBase64())));
        QVERIFY(!rig.t()->sent.first().contains(S("AAAA")));
        QVERIFY(!rig.t()->sent.first().contains(S("shared_secret")));
    }

    void eventsAreDecrypted()
    {
        Rig rig;
        QVERIFY(rig.subscribe(keyA()));
        QVERIFY(rig.channel->isSubscribed());
        rig.serverSend(encryptedFrame(S("message"), "{\"text\":\"hello \xc3\xa9\"}", keyA()));
        QCOMPARE(rig.delivered.size(), 1);
        const Event &e = rig.delivered.first();
        QCOMPARE(e.event, S("message"));
        QCOMPARE(e.channel, Name);
        QCOMPARE(e.data, S("{\"text\":\"hello \xc3\xa9\"}"));
        QCOMPARE(e.dataKind, Event::DataKind::Json);
        QCOMPARE(e.dataObject().value(QLatin1String("text")).toString(), S("hello \xc3\xa9"));
        QVERIFY(rig.failures.isEmpty());
        QCOMPARE(rig.auth.count(), 1); // no refresh needed

        // The envelope inline (not double encoded) works too.
        const QJsonObject envelope
            = QJsonDocument::fromJson(SecretBox::sealEnvelope("[1,2]", keyA())).object();
        rig.serverSend(frames::frame(S("list"), envelope, Name));
        QCOMPARE(rig.delivered.size(), 2);
        QCOMPARE(rig.delivered.last().dataJson().toArray().size(), 2);

        // bindGlobal sees the plaintext as well.
        QStringList global;
        QObject ctx;
        rig.client->bindGlobal(&ctx, [&](const Event &ev) { global << ev.data; });
        rig.serverSend(encryptedFrame(S("message"), "\"plain string\"", keyA()));
        QCOMPARE(global, QStringList{S("\"plain string\"")});
        QCOMPARE(rig.delivered.last().dataJson().toString(), S("plain string"));
    }

    void internalEventsAreNotDecrypted()
    {
        Rig rig;
        rig.subscribe(keyA());
        rig.serverSend(frames::frame(S("pusher_internal:subscription_count"),
                                     frames::json(QJsonObject{{S("subscription_count"), 3}}), Name));
        QCOMPARE(rig.channel->subscriptionCount(), 3);
        QVERIFY(rig.failures.isEmpty());
        QCOMPARE(rig.auth.count(), 1);
    }

    void wrongKeyTriggersOneRefreshThenDelivers()
    {
        Rig rig;
        rig.subscribe(keyA());
        // The key was rotated on the server: this event is sealed under B.
        rig.serverSend(encryptedFrame(S("message"), "{\"n\":1}", keyB()));
        QVERIFY(rig.delivered.isEmpty());
        QVERIFY(rig.failures.isEmpty());
        QCOMPARE(rig.auth.count(), 2);
        QCOMPARE(rig.auth.at(1).channel, Name);
        QCOMPARE(rig.auth.at(1).socketId, S("1.1"));
        // More events while the refresh runs wait for it (no second refresh).
        rig.serverSend(encryptedFrame(S("message"), "{\"n\":2}", keyB()));
        QCOMPARE(rig.auth.count(), 2);
        QVERIFY(rig.delivered.isEmpty());
        rig.auth.respond(1, responseWithKey(keyB()));
        QCOMPARE(rig.delivered.size(), 2);
        QCOMPARE(rig.delivered.at(0).dataObject().value(QLatin1String("n")).toInt(), 1); // in order
        QCOMPARE(rig.delivered.at(1).dataObject().value(QLatin1String("n")).toInt(), 2);
        QVERIFY(rig.failures.isEmpty());
        // The refresh only fetched a key: no second subscribe.
        QCOMPARE(rig.t()->sentCount(S("pusher:subscribe")), 1);
        // From now on B works directly.
        rig.serverSend(encryptedFrame(S("message"), "{\"n\":3}", keyB()));
        QCOMPARE(rig.delivered.size(), 3);
        QCOMPARE(rig.auth.count(), 2);
        QVERIFY(rig.channel->isSubscribed());
    }

    void refreshedKeyStillFailsEmitsOncePerEvent()
    {
        Rig rig;
        rig.subscribe(keyA());
        rig.serverSend(encryptedFrame(S("first"), "{}", keyB()));
        rig.serverSend(encryptedFrame(S("second"), "{}", keyB()));
        QCOMPARE(rig.auth.count(), 2);
        rig.auth.respond(1, responseWithKey(keyA())); // same old key: still wrong
        QCOMPARE(rig.failures.size(), 2);
        QCOMPARE(rig.failures.at(0).event, S("first"));
        QCOMPARE(rig.failures.at(1).event, S("second"));
        QVERIFY(!rig.failures.at(0).reason.isEmpty());
        QVERIFY(rig.delivered.isEmpty());
        // Nothing more happens later for those events.
        rig.clock.advance(60000);
        FakeClock::pumpEvents();
        QCOMPARE(rig.failures.size(), 2);
        QCOMPARE(rig.auth.count(), 2);
        // The channel still works for events under the current key.
        rig.serverSend(encryptedFrame(S("third"), "{}", keyA()));
        QCOMPARE(rig.delivered.size(), 1);
        QCOMPARE(rig.failures.size(), 2);
        QVERIFY(rig.channel->isSubscribed());
    }

    void refreshFailureEmitsOncePerEvent()
    {
        Rig rig;
        rig.subscribe(keyA());
        rig.serverSend(encryptedFrame(S("first"), "{}", keyB()));
        rig.auth.reject(1, FakeAuthorizer::error(AuthError::Kind::Transient, 503, S("down")));
        QCOMPARE(rig.failures.size(), 1);
        QCOMPARE(rig.failures.first().event, S("first"));
        QVERIFY(rig.failures.first().reason.contains(S("down")));

        // A refresh answer without a key counts as a failure too.
        rig.serverSend(encryptedFrame(S("second"), "{}", keyB()));
        QCOMPARE(rig.auth.count(), 3);
        AuthResponse noKey;
        noKey.auth = S("KEY:sig");
        rig.auth.respond(2, noKey);
        QCOMPARE(rig.failures.size(), 2);
        QCOMPARE(rig.failures.last().event, S("second"));
        QVERIFY(rig.channel->hasKey()); // the old key is kept
        rig.serverSend(encryptedFrame(S("third"), "{}", keyA()));
        QCOMPARE(rig.delivered.size(), 1);
    }

    void garbagePayloadFailsAfterOneRefresh()
    {
        Rig rig;
        rig.subscribe(keyA());
        rig.serverSend(frames::frame(S("plain"), S("not an envelope"), Name));
        rig.serverSend(
            frames::frame(S("tampered"), S("{\"nonce\":\"AAAA\",\"ciphertext\":\"AAAA\"}"), Name));
        QCOMPARE(rig.auth.count(), 2);
        rig.auth.respond(1, responseWithKey(keyA()));
        QCOMPARE(rig.failures.size(), 2);
        QVERIFY(rig.delivered.isEmpty());
        // A tampered ciphertext under the right key fails the MAC the same way.
        QByteArray sealed = SecretBox::sealEnvelope("{}", keyA());
        QJsonObject env = QJsonDocument::fromJson(sealed).object();
        QByteArray ct = QByteArray::fromBase64(
            env.value(QLatin1String("ciphertext")).toString().toLatin1());
        ct[ct.size() - 1] = char(ct.at(ct.size() - 1) ^ 1);
        env.insert(S("ciphertext"), QString::fromLatin1(ct.toBase64()));
        rig.serverSend(frames::frame(S("flipped"), frames::json(env), Name));
        QCOMPARE(rig.auth.count(), 3);
        rig.auth.respond(2, responseWithKey(keyA()));
        QCOMPARE(rig.failures.size(), 3);
        QCOMPARE(rig.failures.last().event, S("flipped"));
    }

    void missingSharedSecretFails()
    {
        QList<QByteArray> bad{QByteArray(), QByteArray(31, 'x'), QByteArray(33, 'x')};
        for (const QByteArray &secret : bad) {
            Rig rig;
            rig.connect();
            EncryptedChannel *c = rig.client->subscribeEncrypted(Name);
            QList<ChannelError> errors;
            QObject::connect(c, &Channel::subscriptionFailed, c,
                             [&](const ChannelError &e) { errors.append(e); });
            AuthResponse r;
            r.auth = S("KEY:sig");
            r.sharedSecret = secret;
            rig.auth.respond(0, r);
            QCOMPARE(c->state(), Channel::State::Failed);
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.first().kind, ChannelError::Kind::AuthBadResponse);
            QVERIFY(!errors.first().message.isEmpty());
            QCOMPARE(rig.t()->sentCount(S("pusher:subscribe")), 0);
            QVERIFY(!c->hasKey());
        }
    }

    void connectionDropDuringRefresh()
    {
        Rig rig;
        rig.subscribe(keyA());
        rig.serverSend(encryptedFrame(S("message"), "{}", keyB()));
        QCOMPARE(rig.auth.count(), 2);
        rig.t()->fail();
        QVERIFY(rig.auth.isCancelled(1));
        QVERIFY(!rig.auth.respond(1, responseWithKey(keyB())));
        QVERIFY(rig.delivered.isEmpty());
        // The new subscription's auth brings the new key.
        rig.reconnect(S("2.2"));
        QCOMPARE(rig.auth.count(), 3);
        rig.auth.respond(2, responseWithKey(keyB()));
        rig.serverSend(frames::subscriptionSucceeded(Name));
        rig.serverSend(encryptedFrame(S("message"), "{\"after\":true}", keyB()));
        QCOMPARE(rig.delivered.size(), 1);
        QCOMPARE(rig.delivered.first().dataObject().value(QLatin1String("after")).toBool(), true);
    }

    void keyRotatesOnResubscribe()
    {
        Rig rig;
        rig.subscribe(keyA());
        rig.reconnect(S("2.2"));
        rig.auth.respond(1, responseWithKey(keyB()));
        rig.serverSend(frames::subscriptionSucceeded(Name));
        rig.serverSend(encryptedFrame(S("message"), "{}", keyB()));
        QCOMPARE(rig.delivered.size(), 1);
        QCOMPARE(rig.auth.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEncryptedChannel)
#include "tst_encryptedchannel.moc"
