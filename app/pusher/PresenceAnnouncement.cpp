#include "PresenceAnnouncement.h"

#include "JsonStringToken.h"

#include <QHash>
#include <QJsonArray>

#include <simdjson.h>

#include <vector>

namespace natter::pusher {

using namespace simdjson;

namespace {

// Member info nested deeper than this is not kept (the member is, without info): no profile
// needs it, and a hostile one would otherwise take the conversion's stack with it.
constexpr int MaxInfoDepth = 64;

enum class Read { Ok, TooDeep, Malformed };

QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Cut at a character boundary: soketi caps a whole member at 2 KB and Pusher at 1 KB, so only a
// hostile server sends more (a 1 MB name cost 14 M instructions in Qt's JSON containers).
QString infoText(std::string_view s)
{
    if (s.size() > size_t(PresenceAnnouncement::MaxInfoTextBytes)) {
        size_t n = size_t(PresenceAnnouncement::MaxInfoTextBytes);
        while (n > 0 && (uchar(s[n]) & 0xc0) == 0x80) // s[n] continues a character: not there
            --n;
        s = s.substr(0, n);
    }
    return fromView(s);
}

// Straight from the parser's values to Qt's: a QJsonDocument of the text (as before) parsed the
// kept members' info a second time, and a 1 MB name alone cost 25 M instructions that way.
Read toJson(ondemand::value value, QJsonValue &out, int depth)
{
    ondemand::json_type type;
    if (value.type().get(type) != SUCCESS)
        return Read::Malformed;
    switch (type) {
    case ondemand::json_type::object: {
        ondemand::object object;
        if (value.get_object().get(object) != SUCCESS)
            return Read::Malformed;
        if (depth >= MaxInfoDepth)
            return Read::TooDeep; // the caller's iteration skips what is left of it
        QJsonObject result;
        for (auto fieldResult : object) {
            ondemand::field field;
            std::string_view key;
            if (std::move(fieldResult).get(field) != SUCCESS
                || field.unescaped_key().get(key) != SUCCESS)
                return Read::Malformed;
            QJsonValue v;
            if (const Read r = toJson(field.value(), v, depth + 1); r != Read::Ok)
                return r;
            result.insert(fromView(key), v); // a key twice: the last one, as QJsonDocument did
        }
        out = result;
        return Read::Ok;
    }
    case ondemand::json_type::array: {
        ondemand::array array;
        if (value.get_array().get(array) != SUCCESS)
            return Read::Malformed;
        if (depth >= MaxInfoDepth)
            return Read::TooDeep;
        QJsonArray result;
        for (auto element : array) {
            ondemand::value item;
            if (element.get(item) != SUCCESS)
                return Read::Malformed;
            QJsonValue v;
            if (const Read r = toJson(item, v, depth + 1); r != Read::Ok)
                return r;
            result.append(v);
        }
        out = result;
        return Read::Ok;
    }
    case ondemand::json_type::string: {
        std::string_view s;
        if (value.get_string().get(s) != SUCCESS)
            return Read::Malformed;
        out = infoText(s);
        return Read::Ok;
    }
    case ondemand::json_type::number: {
        ondemand::number n;
        if (value.get_number().get(n) != SUCCESS)
            return Read::Malformed;
        if (n.is_int64())
            out = QJsonValue(qint64(n.get_int64()));
        else
            out = n.as_double();
        return Read::Ok;
    }
    case ondemand::json_type::boolean: {
        bool b = false;
        if (value.get_bool().get(b) != SUCCESS)
            return Read::Malformed;
        out = b;
        return Read::Ok;
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        if (value.is_null().get(isNull) != SUCCESS || !isNull)
            return Read::Malformed;
        out = QJsonValue(QJsonValue::Null);
        return Read::Ok;
    }
    }
    return Read::Malformed;
}

// A member's info: anything but an object is no info, but it must still be valid JSON.
bool infoOf(ondemand::value value, QJsonObject &info)
{
    QJsonValue v;
    const Read r = toJson(value, v, 0);
    if (r == Read::Malformed)
        return false;
    info = v.toObject(); // TooDeep leaves v undefined: no info
    return true;
}

// Ids are strings in the protocol, but some backends send numbers: same text as json::idString.
// Anything else gives an empty id (skipped); false only for malformed JSON.
bool idOf(ondemand::value value, QString &id)
{
    ondemand::json_type type;
    if (value.type().get(type) != SUCCESS)
        return false;
    if (type == ondemand::json_type::string) {
        std::string_view s;
        if (value.get_string().get(s) != SUCCESS)
            return false;
        id = fromView(s); // whole: a cut id could name another member
        return true;
    }
    QJsonValue v;
    if (toJson(value, v, MaxInfoDepth) == Read::Malformed) // an id is never a container
        return false;
    id = v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : QString();
    return true;
}

bool validScalar(ondemand::value value)
{
    QJsonValue v;
    return toJson(value, v, MaxInfoDepth) != Read::Malformed;
}

class Reader
{
public:
    Reader(QList<Member> &list, qsizetype limit)
        : m_list(list)
        , m_limit(limit)
    {
    }

    bool readPresence(ondemand::object presence)
    {
        // Pass 1 reads the ids, then the hash when it comes after them (as soketi and Pusher send
        // it); once the hash is read, the rest of the text is left unread. A hash before the ids
        // takes a second pass. Each value is read once: simdjson's string buffer holds each
        // string of the text once.
        bool hashPending = false;
        if (!forEachField(presence, [&](ondemand::field &field) {
                if (!m_idsSeen && field.key().is_equal("ids")) {
                    m_idsSeen = true;
                    if (!readIds(field.value()))
                        return Step::Fault;
                    return hashPending ? Step::Done : Step::Next;
                }
                if (!m_hashSeen && field.key().is_equal("hash")) {
                    m_hashSeen = true;
                    if (!m_idsSeen) {
                        hashPending = true;
                        return Step::Next;
                    }
                    return readHash(field.value()) ? Step::Done : Step::Fault;
                }
                return Step::Next;
            }))
            return false;
        if (!hashPending)
            return true;
        if (presence.reset().error() != SUCCESS)
            return false;
        return forEachField(presence, [&](ondemand::field &field) {
            if (!field.key().is_equal("hash"))
                return Step::Next;
            return readHash(field.value()) ? Step::Done : Step::Fault;
        });
    }

private:
    enum class Step { Next, Done, Fault };

    template<typename Fn>
    static bool forEachField(ondemand::object &object, Fn fn)
    {
        for (auto fieldResult : object) {
            ondemand::field field;
            if (std::move(fieldResult).get(field) != SUCCESS)
                return false;
            switch (fn(field)) {
            case Step::Next:
                break;
            case Step::Done:
                return true;
            case Step::Fault:
                return false;
            }
        }
        return true;
    }

    bool readIds(ondemand::value value)
    {
        ondemand::array ids;
        if (value.get_array().get(ids) != SUCCESS)
            return validScalar(value); // not an array: as if there were no ids
        for (auto element : ids) {
            ondemand::value item;
            QString id;
            if (element.get(item) != SUCCESS || !idOf(item, id))
                return false;
            m_haveIds = true; // a non-empty array, even of unusable ids, decides the order
            const QByteArray key = id.toUtf8();
            if (id.isEmpty() || m_rowOfId.contains(key))
                continue;
            m_rowOfId.insert(key, m_list.size());
            m_list.append({id, {}});
            if (m_list.size() >= m_limit)
                break; // the rest is skipped, not read
        }
        m_missing = m_list.size();
        m_filled.assign(size_t(m_missing), false);
        return true;
    }

    bool readHash(ondemand::value value)
    {
        ondemand::object hash;
        if (value.get_object().get(hash) != SUCCESS)
            return validScalar(value); // not an object: no hash
        return m_haveIds ? fillInfo(hash) : readInHashOrder(hash);
    }

    // Keep the server's order of ids; the hash fills in the kept members' info.
    bool fillInfo(ondemand::object &hash)
    {
        for (auto fieldResult : hash) {
            if (m_missing == 0)
                break;
            ondemand::field field;
            std::string_view key;
            if (std::move(fieldResult).get(field) != SUCCESS
                || field.unescaped_key().get(key) != SUCCESS)
                return false;
            // fromRawData: no copy for each of the (possibly 100,000) keys that are looked up.
            // constFind: find() would detach (check for sharing) on each of them.
            const auto it = m_rowOfId.constFind(
                QByteArray::fromRawData(key.data(), qsizetype(key.size())));
            if (it == m_rowOfId.cend() || m_filled[size_t(it.value())])
                continue; // a key twice in the text: the first one counts
            if (!infoOf(field.value(), m_list[it.value()].info))
                return false;
            m_filled[size_t(it.value())] = true;
            --m_missing;
        }
        return true;
    }

    bool readInHashOrder(ondemand::object &hash)
    {
        for (auto fieldResult : hash) {
            if (m_list.size() >= m_limit)
                break;
            ondemand::field field;
            std::string_view key;
            if (std::move(fieldResult).get(field) != SUCCESS
                || field.unescaped_key().get(key) != SUCCESS)
                return false;
            const QByteArray k(key.data(), qsizetype(key.size()));
            if (key.empty() || m_rowOfId.contains(k))
                continue; // a key twice in the text: the first one counts
            m_rowOfId.insert(k, m_list.size());
            Member member{fromView(key), {}};
            if (!infoOf(field.value(), member.info))
                return false;
            m_list.append(member);
        }
        return true;
    }

    QList<Member> &m_list;
    const qsizetype m_limit;
    QHash<QByteArray, qsizetype> m_rowOfId;
    qsizetype m_missing = 0;
    std::vector<bool> m_filled; // per kept id: its info was read
    bool m_idsSeen = false;
    bool m_hashSeen = false;
    bool m_haveIds = false;
};

} // namespace

QList<Member> PresenceAnnouncement::members(const QString &data, qsizetype limit)
{
    return membersFromUtf8(data.toUtf8(), limit);
}

QList<Member> PresenceAnnouncement::membersFromUtf8(QByteArrayView utf8, qsizetype limit)
{
    if (limit <= 0 || utf8.isEmpty())
        return {};
    const padded_string text(utf8.data(), size_t(utf8.size()));
    return read(text.data(), text.size(), text.size() + SIMDJSON_PADDING, limit);
}

QList<Member> PresenceAnnouncement::membersFromPaddedUtf8(const QByteArray &utf8, qsizetype limit)
{
    const qsizetype room = json::roomAfter(utf8);
    if (room < json::parsePadding())
        return membersFromUtf8(utf8, limit);
    if (limit <= 0 || utf8.isEmpty())
        return {};
    return read(utf8.constData(), size_t(utf8.size()), size_t(utf8.size() + room), limit);
}

QList<Member> PresenceAnnouncement::read(const char *utf8, size_t size, size_t capacity,
                                         qsizetype limit)
{
    QList<Member> list;
    const padded_string_view text(utf8, size, capacity);
    ondemand::parser parser;
    ondemand::document doc;
    ondemand::object root;
    if (parser.iterate(text).get(doc) != SUCCESS || doc.get_object().get(root) != SUCCESS)
        return list;
    Reader reader(list, limit);
    for (auto fieldResult : root) {
        ondemand::field field;
        if (std::move(fieldResult).get(field) != SUCCESS)
            return {};
        if (!field.key().is_equal("presence"))
            continue;
        // What follows is left unread: walking to the end of the text only to find it well
        // formed took 10 M instructions for a 100,000-member announcement.
        ondemand::object presence;
        if (field.value().get_object().get(presence) != SUCCESS || !reader.readPresence(presence))
            return {};
        return list;
    }
    return {};
}

} // namespace natter::pusher
