#pragma once

#include <QStringList>

// `natter-cli trigger`: publish one event through the REST API (signed with the app secret).
class TriggerCommand
{
public:
    static int run(const QStringList &arguments);
};
