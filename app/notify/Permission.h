#pragma once

#include <QMetaType>

namespace natter::notify {

// Webkit's checkPermission() answers, per origin.
enum class Permission { NotAsked, Allowed, Denied };

} // namespace natter::notify

Q_DECLARE_METATYPE(natter::notify::Permission)
