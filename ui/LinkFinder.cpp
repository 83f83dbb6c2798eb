#include "LinkFinder.h"

#include <QRegularExpression>

namespace natter::ui {

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
        while (!s.isEmpty()) {
            const QChar last = s.back();
            if (QStringLiteral(".,;:!?*").contains(last)) {
                s.chop(1);
                continue;
            }
            const QString closers = QStringLiteral(")]}");
            const QString openers = QStringLiteral("([{");
            const qsizetype k = closers.indexOf(last);
            if (k >= 0 && s.count(closers.at(k)) > s.count(openers.at(k))) {
                s.chop(1);
                continue;
            }
            break;
        }
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
