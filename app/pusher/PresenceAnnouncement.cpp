#include "PresenceAnnouncement.h"

#include <QHash>
#include <QJsonDocument>

#include <simdjson.h>

namespace natter::pusher {

using namespace simdjson;

namespace {

QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Ids are strings in the protocol, but some backends send numbers: same text as json::idString.
QString idOf(dom::element e)
{
    std::string_view s;
    if (e.get_string().get(s) == SUCCESS)
        return fromView(s);
    double number = 0;
    if (e.is_number() && e.get_double().get(number) == SUCCESS)
        return QString::number(number, 'g', 17);
    return {};
}

// Only the kept members' info is converted to Qt JSON; anything but an object is no info.
QJsonObject infoOf(dom::element e)
{
    if (!e.is_object())
        return {};
    const std::string text = simdjson::minify(e);
    return QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), qsizetype(text.size())))
        .object();
}

} // namespace

QList<Member> PresenceAnnouncement::members(const QString &data, qsizetype limit)
{
    QList<Member> list;
    if (limit <= 0)
        return list;
    // The DOM parser validates all of it (as QJsonDocument did) at a small fraction of the cost.
    const QByteArray utf8 = data.toUtf8();
    dom::parser parser;
    dom::element root;
    if (parser.parse(utf8.constData(), size_t(utf8.size())).get(root) != SUCCESS)
        return list;
    dom::object presence;
    if (root["presence"].get_object().get(presence) != SUCCESS)
        return list;
    dom::object hash;
    const bool haveHash = presence["hash"].get_object().get(hash) == SUCCESS;
    dom::array ids;
    const bool haveIds = presence["ids"].get_array().get(ids) == SUCCESS && ids.size() > 0;

    if (!haveIds) {
        if (!haveHash)
            return list;
        QHash<QString, bool> seen; // a key twice in the text: the first one counts
        for (const dom::key_value_pair field : hash) {
            const QString id = fromView(field.key);
            if (id.isEmpty() || seen.contains(id))
                continue;
            seen.insert(id, true);
            list.append({id, infoOf(field.value)});
            if (list.size() >= limit)
                break;
        }
        return list;
    }

    // Keep the server's order of ids; one pass over the hash fills in the kept members' info.
    QHash<QByteArray, qsizetype> rowOfId;
    for (const dom::element v : ids) {
        const QString id = idOf(v);
        const QByteArray key = id.toUtf8();
        if (id.isEmpty() || rowOfId.contains(key))
            continue;
        rowOfId.insert(key, list.size());
        list.append({id, {}});
        if (list.size() >= limit)
            break;
    }
    qsizetype missing = haveHash ? list.size() : 0;
    if (missing == 0)
        return list;
    for (const dom::key_value_pair field : hash) {
        if (missing == 0)
            break;
        // fromRawData: no copy for each of the (possibly 100,000) keys that are looked up.
        const auto it = rowOfId.constFind(
            QByteArray::fromRawData(field.key.data(), qsizetype(field.key.size())));
        if (it == rowOfId.constEnd() || it.value() < 0)
            continue;
        list[it.value()].info = infoOf(field.value);
        rowOfId[it.key()] = -1; // QJsonObject kept the last of duplicate keys; the first is as good
        --missing;
    }
    return list;
}

} // namespace natter::pusher
