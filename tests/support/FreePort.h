#pragma once

#include <QtGlobal>

// Loopback ports for servers started by tests.
class FreePort
{
public:
    static quint16 pick(); // a port nothing listens on right now
    static bool isFree(quint16 port); // nothing can be bound there? (a second soketi would share it)
};
