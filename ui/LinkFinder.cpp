#include "LinkFinder.h"

#include <QRegularExpression>

#include <string_view>

namespace natter::ui {

namespace {
// Longer candidates are left as text: nobody types a link of more than a few kB, and QUrl would
// parse a megabyte-long one again whenever the text is laid out.
constexpr qsizetype MaxLinkLength = 8192;
} // namespace

QList<LinkFinder::Link> LinkFinder::find(const QString &text)
{
    static const QRegularExpression candidate(
        QStringLiteral(R"((?<![\w@/.])(?:https?://|www\.)[^\s<>"'`]+)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QList<Link> links;
    if (!text.contains(QLatin1String("http"), Qt::CaseInsensitive)
        && !text.contains(QLatin1String("www."), Qt::CaseInsensitive))
        return links;
    auto it = candidate.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString s = m.captured();
        // Trim trailing punctuation, and closing brackets that have no opening one in the link.
        // The brackets are counted once and the counts kept up to date while trimming, so a link
        // followed by 100,000 ')' costs one pass, not one pass per ')'.
        static constexpr char16_t openers[] = u"([{";
        static constexpr char16_t closers[] = u")]}";
        int opened[3] = {};
        int closed[3] = {};
        for (const QChar c : std::as_const(s)) {
            for (int k = 0; k < 3; ++k) {
                opened[k] += c == QChar(openers[k]);
                closed[k] += c == QChar(closers[k]);
            }
        }
        while (!s.isEmpty()) {
            const char16_t last = s.back().unicode();
            if (std::u16string_view(u".,;:!?*").find(last) != std::u16string_view::npos) {
                s.chop(1);
                continue;
            }
            const auto k = std::u16string_view(closers).find(last);
            if (k != std::u16string_view::npos && closed[k] > opened[k]) {
                --closed[k];
                s.chop(1);
                continue;
            }
            break;
        }
        if (s.size() > MaxLinkLength)
            continue;
        const bool www = s.startsWith(QLatin1String("www."), Qt::CaseInsensitive);
        if (s.size() <= (www ? 4 : 8))
            continue;
        QUrl url = QUrl::fromUserInput(www ? QStringLiteral("https://") + s : s);
        if (!url.isValid() || url.host().isEmpty())
            continue;
        if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            continue;
        links.append({int(m.capturedStart()), int(s.size()), url});
    }
    return links;
}

} // namespace natter::ui
