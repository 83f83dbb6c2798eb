#include "EventDraft.h"

#include <pusher/ChannelName.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace natter::devtools {

using natter::pusher::ChannelName;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("natter::devtools::EventDraft", text);
}
} // namespace

QString EventDraft::Check::firstError() const
{
    if (!channelError.isEmpty())
        return channelError;
    if (!eventError.isEmpty())
        return eventError;
    return dataError;
}

QString EventDraft::jsonError(const QString &data)
{
    if (data.trimmed().isEmpty())
        return tr("Event data is empty: enter JSON, e.g. {}");
    // QJsonDocument reads only objects and arrays; Pusher data may be any JSON value, so the
    // text is read as the one element of an array.
    const QByteArray wrapped = '[' + data.toUtf8() + ']';
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError) {
        const int at = qBound(1, error.offset, int(wrapped.size()) - 1);
        // The offset counts UTF-8 bytes; the user counts characters.
        const int chars = int(QString::fromUtf8(wrapped.constData() + 1, at - 1).size()) + 1;
        return tr("JSON syntax: %1 at character %2").arg(error.errorString()).arg(chars);
    }
    if (doc.array().size() != 1)
        return tr("JSON syntax: more than one value");
    return {};
}

EventDraft::Check EventDraft::check() const
{
    Check c;
    c.channelError = channel.isEmpty() ? tr("Enter a channel name.")
                                       : ChannelName::validate(channel);
    if (c.channelError.isEmpty() && sendAs == SendAs::ClientEvent
        && !ChannelName::allowsClientEvents(channel))
        c.channelError = tr("Client events can only be sent on private- and presence- channels.");

    if (event.isEmpty())
        c.eventError = tr("Enter an event name.");
    else if (event.size() > MaxEventNameLength)
        c.eventError = tr("Event names are at most %1 characters (this one has %2).")
                           .arg(MaxEventNameLength)
                           .arg(event.size());
    else if (event.startsWith(QLatin1String("pusher:"))
             || event.startsWith(QLatin1String("pusher_internal:")))
        c.eventError = tr("Event names starting with \"pusher:\" are reserved for the protocol.");
    else if (sendAs == SendAs::ClientEvent && !event.startsWith(QLatin1String("client-")))
        c.eventError = tr("Client event names must start with \"client-\".");

    c.dataBytes = int(data.toUtf8().size());
    c.dataError = jsonError(data);
    if (c.dataError.isEmpty() && c.dataBytes > MaxDataBytes)
        c.dataError = tr("Event data is %1 bytes: over the 10 KB limit (%2 bytes).")
                          .arg(c.dataBytes)
                          .arg(MaxDataBytes);
    return c;
}

} // namespace natter::devtools
