#pragma once

#include <QString>

namespace natter::chat {
struct ServerProfile;
}

namespace natter::notify {

// The origin notifications are attributed to, as Webkit shows a page's origin: the server
// (host:port, or the hosted cluster) and the app key, e.g. "127.0.0.1:6001/app-key".
QString originOf(const natter::chat::ServerProfile &profile);

} // namespace natter::notify
