#pragma once

#include <QString>

namespace natter::devtools {

// The Event creator's checks, run as the user types: channel name rules, event name rules,
// JSON syntax of the data and the 10 KB limit. Each problem is a sentence that says what to fix.
struct EventDraft
{
    enum class SendAs { RestApi, ClientEvent, NatterServer };
    static constexpr int MaxDataBytes = 10240;
    static constexpr int MaxEventNameLength = 200;

    QString channel;
    QString event;
    QString data;
    SendAs sendAs = SendAs::RestApi;

    struct Check
    {
        QString channelError;
        QString eventError;
        QString dataError;
        int dataBytes = 0;
        bool ok() const
        {
            return channelError.isEmpty() && eventError.isEmpty() && dataError.isEmpty();
        }
        QString firstError() const;
    };

    Check check() const;
    // Empty when `data` is one JSON value, else "JSON syntax: <what> at character N".
    static QString jsonError(const QString &data);
};

} // namespace natter::devtools
