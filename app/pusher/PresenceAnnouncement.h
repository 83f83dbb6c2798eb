#pragma once

#include "Member.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace natter::pusher {

// The member list of a pusher_internal:subscription_succeeded, read from its JSON text without
// building a document of it: the server decides how long the list is (100,000 members make a
// 3 MB frame), and only the first `limit` members are ever converted.
//
// One pass of simdjson's on-demand parser that stops once the kept members and their info are
// read: what is read is validated and any fault there refuses the whole list; the text past it
// (the members beyond the limit, the end of the text) is checked only by simdjson's index pass
// (valid UTF-8, closed strings). Validating it all took a DOM parse of the whole text, a third
// of the 100,000-member announcement's stall (soketi_hostilepeers).
class PresenceAnnouncement
{
public:
    // Longer strings in a member's info are cut to this (at a character boundary).
    static constexpr qsizetype MaxInfoTextBytes = 64 * 1024;

    // At most `limit` members, each id once: in the order of presence.ids when the server sends
    // a non-empty one (hash entries give the info), else in the order of presence.hash. Data
    // that is not a JSON object with a presence object gives none.
    static QList<Member> members(const QString &data, qsizetype limit);
    // The same from UTF-8 text, as FrameParser unescaped it (Event::dataUtf8): no UTF-16 round
    // trip of the megabytes.
    static QList<Member> membersFromUtf8(QByteArrayView utf8, qsizetype limit);
    // The same, read in place: `utf8` has json::parsePadding() zero bytes of room past its
    // end, as json::unescapeStringToken leaves them (else it is copied). Copying a list of
    // megabytes means as many fresh pages to fault in, and those cost more than the parse.
    static QList<Member> membersFromPaddedUtf8(const QByteArray &utf8, qsizetype limit);

private:
    static QList<Member> read(const char *utf8, size_t size, size_t capacity, qsizetype limit);
};

} // namespace natter::pusher
