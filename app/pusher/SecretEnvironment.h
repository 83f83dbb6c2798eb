#pragma once

#include <QString>

namespace natter::pusher {

// Secrets handed over in environment variables (NATTER_SECRET, NATTER_AUTH_TOKEN, a join
// password's variable): read once, then gone from the process. unsetenv() alone is not enough:
// it only drops the pointer from `environ`, and /proc/PID/environ (readable by the same user and
// by crash reporters) still shows the original block the kernel copied at exec, so the value is
// overwritten in place first. Call it early, before threads that could read the environment.
class SecretEnvironment
{
public:
    // The variable's value (empty when unset), after which it is wiped and unset.
    static QString take(const char *name);
    // Wipes and unsets the variable without reading it.
    static void forget(const char *name);
};

} // namespace natter::pusher
