#pragma once

#include <QList>
#include <QString>

namespace natter::chat {

// Whether a message mentions a user: "@name" as a whole word, case-insensitive. The one rule
// for the message pane's highlight, the room list's mention count and the notification policy's
// "Mentions only", so that all three agree.
// "@name" counts only at the start of the text or after a character that cannot be part of an
// address ("email@alice.com" is no mention), and only when no further name character follows
// ("@al" does not mention "alice", "@alice_b" does not mention "alice").
class MentionRule
{
public:
    struct Span
    {
        int start = 0; // the '@'
        int length = 0; // '@' and the name
    };

    MentionRule() = default;
    explicit MentionRule(const QString &name);

    QString name() const { return m_name; }
    bool isEmpty() const { return m_name.isEmpty(); }
    bool matches(const QString &text) const;
    // Every mention of the name in `text`, in order.
    QList<Span> find(const QString &text) const;

    static bool mentions(const QString &text, const QString &name)
    {
        return MentionRule(name).matches(text);
    }
    // Letters, digits, combining marks, '_' and '-': what a name is made of (UserName).
    static bool isNameChar(QChar c);
    // The mention being typed just before `cursor`: the position of its '@' (what follows up to
    // the cursor is the prefix typed so far), or -1 when the cursor is not in one.
    static int typedMentionStart(const QString &text, int cursor);

private:
    static bool boundaryBefore(const QString &text, int at);
    int matchAt(const QString &text, int at) const; // length of the mention at `at`, or 0

    QString m_name;
};

} // namespace natter::chat
