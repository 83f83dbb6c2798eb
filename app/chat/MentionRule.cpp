#include "MentionRule.h"

namespace natter::chat {

MentionRule::MentionRule(const QString &name)
    : m_name(name.trimmed())
{
}

bool MentionRule::isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == u'_' || c == u'-';
}

bool MentionRule::boundaryBefore(const QString &text, int at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    // A name character, '.', '@' or '+' before the '@' makes it part of an address or a word.
    return !isNameChar(before) && before != u'.' && before != u'@' && before != u'+';
}

int MentionRule::matchAt(const QString &text, int at) const
{
    const int end = at + 1 + int(m_name.size());
    if (end > text.size() || !boundaryBefore(text, at))
        return 0;
    if (QStringView(text).mid(at + 1, m_name.size()).compare(m_name, Qt::CaseInsensitive) != 0)
        return 0;
    if (end < text.size() && isNameChar(text.at(end)))
        return 0;
    return end - at;
}

bool MentionRule::matches(const QString &text) const
{
    if (m_name.isEmpty())
        return false;
    for (qsizetype at = text.indexOf(u'@'); at >= 0; at = text.indexOf(u'@', at + 1)) {
        if (matchAt(text, int(at)) > 0)
            return true;
    }
    return false;
}

QList<MentionRule::Span> MentionRule::find(const QString &text) const
{
    QList<Span> spans;
    if (m_name.isEmpty())
        return spans;
    for (qsizetype at = text.indexOf(u'@'); at >= 0; at = text.indexOf(u'@', at + 1)) {
        if (const int length = matchAt(text, int(at)); length > 0)
            spans.append({int(at), length});
    }
    return spans;
}

int MentionRule::typedMentionStart(const QString &text, int cursor)
{
    if (cursor < 0 || cursor > text.size())
        return -1;
    int at = cursor;
    while (at > 0 && isNameChar(text.at(at - 1)))
        --at;
    if (at == 0 || text.at(at - 1) != u'@')
        return -1;
    return boundaryBefore(text, at - 1) ? at - 1 : -1;
}

} // namespace natter::chat
