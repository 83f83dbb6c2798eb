#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace natter::pusher {

struct Member
{
    QString id; // always a string, whatever the server sent
    QJsonObject info;
};

} // namespace natter::pusher

Q_DECLARE_METATYPE(natter::pusher::Member)
