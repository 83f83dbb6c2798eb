#include "SecretEnvironment.h"

#include <cstdlib>
#include <cstring>

namespace natter::pusher {

QString SecretEnvironment::take(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    forget(name);
    return value;
}

void SecretEnvironment::forget(const char *name)
{
    if (!name || !*name)
        return;
    // getenv() points into the string environ holds: for a variable inherited at exec that is
    // the block /proc/PID/environ reads.
    if (char *value = std::getenv(name)) {
        volatile char *p = value; // the write must happen although nothing reads it afterwards
        for (; *p; ++p)
            *p = '\0';
    }
    qunsetenv(name);
}

} // namespace natter::pusher
