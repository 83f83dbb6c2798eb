#pragma once

#include <QMetaType>

namespace natter::notify {

// Per room: notify for every message, only when the user's name is mentioned, or never.
enum class RoomMode { All, Mentions, Muted };

} // namespace natter::notify

Q_DECLARE_METATYPE(natter::notify::RoomMode)
