// The chat wire decoder: the payload of a client-message or client-typing client event, or of
// natter-server's new_message, as it reaches the chat routes. Input: one selector byte (the
// event, and whether the server stamped a user_id), then the `data` text. A decoded message
// never claims a sender the server did not stamp, and its text stays bounded.
#include <chat/ChatWire.h>
#include <chat/NatterServerApi.h>
#include <pusher/Event.h>

#include <QCoreApplication>
#include <QJsonObject>

using natter::chat::ChatMessage;
using natter::chat::ChatWire;
using natter::chat::NatterServerApi;
using natter::pusher::Event;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // ChatWire translates its "more characters" marker.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t selector = bytes[0];
    Event event;
    event.channel = QStringLiteral("presence-room");
    event.data = QString::fromUtf8(reinterpret_cast<const char *>(bytes) + 1, qsizetype(size - 1));
    event.dataKind = (selector & 4) ? Event::DataKind::Json : Event::DataKind::String;
    const bool stamped = selector & 8;
    if (stamped)
        event.userId = QStringLiteral("stamped-user");

    switch (selector % 4) {
    case 0:
    case 1: {
        event.event = selector % 4 == 0 ? ChatWire::messageEvent() : ChatWire::typingEvent();
        QString why;
        const std::optional<ChatMessage> m = ChatWire::decodeMessage(event, &why);
        if (!m) {
            if (why.isEmpty())
                __builtin_trap();
            break;
        }
        if (m->senderVerified != stamped || (stamped && m->senderId != event.userId))
            __builtin_trap(); // the sender is the server's stamp, never the payload's claim
        if (m->text.size() > ChatWire::MaxReceivedTextLength + 100 || m->senderName.size() > 200
            || m->id.isEmpty() || !m->sentAt.isValid())
            __builtin_trap();
        // What the sender side would send back out must encode.
        (void)ChatWire::encodeMessage(*m);
        break;
    }
    default: {
        event.event = QStringLiteral("new_message");
        const std::optional<ChatMessage> m = NatterServerApi::parseMessage(event.dataObject());
        if (m && (m->serverId <= 0 || m->senderId.isEmpty() || m->id.isEmpty()))
            __builtin_trap();
        break;
    }
    }
    return 0;
}
