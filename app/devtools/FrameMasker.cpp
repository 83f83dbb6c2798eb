#include "FrameMasker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <string_view>

namespace natter::devtools {

namespace {

// One pass, ASCII case folding by hand: this runs on every frame the console records, and six
// case-insensitive QString searches cost several times more than the rest of the recording.
bool mayHoldSecret(QStringView text)
{
    static constexpr std::string_view words[] = {"auth",   "secret", "token",
                                                 "signat", "passw",  "bearer"};
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        // |0x20 lower-cases an ASCII letter and maps nothing else onto one.
        const char16_t c = p[i] | 0x20;
        if (c != u'a' && c != u's' && c != u't' && c != u'p' && c != u'b')
            continue;
        for (const std::string_view w : words) {
            if (char16_t(w[0]) != c || n - i < qsizetype(w.size()))
                continue;
            size_t k = 1;
            while (k < w.size() && char16_t(p[i + qsizetype(k)] | 0x20) == char16_t(w[k]))
                ++k;
            if (k == w.size())
                return true;
        }
    }
    return false;
}

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k == QLatin1String("auth") || k == QLatin1String("shared_secret")
        || k == QLatin1String("authorization") || k.contains(QLatin1String("secret"))
        || k.contains(QLatin1String("token")) || k.contains(QLatin1String("password"))
        || k.contains(QLatin1String("signature")) || k == QLatin1String("bearer");
}

QString maskValue(const QString &key, const QJsonValue &value)
{
    // Channel and user auth is "<app key>:<signature>": the key is public and tells which app
    // signed, so it stays.
    if (key.compare(QLatin1String("auth"), Qt::CaseInsensitive) == 0 && value.isString()) {
        const QString s = value.toString();
        const qsizetype colon = s.indexOf(u':');
        if (colon > 0)
            return s.left(colon + 1) + FrameMasker::Mask;
    }
    return FrameMasker::Mask;
}

QJsonValue maskJson(const QJsonValue &value);

QJsonObject maskObject(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isSecretKey(it.key()))
            out.insert(it.key(), maskValue(it.key(), it.value()));
        else
            out.insert(it.key(), maskJson(it.value()));
    }
    return out;
}

QJsonValue maskJson(const QJsonValue &value)
{
    if (value.isObject())
        return maskObject(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(maskJson(v));
        return out;
    }
    if (value.isString()) {
        // Pusher encodes "data" twice: a string that holds an object is looked into.
        const QString s = value.toString();
        if (s.startsWith(u'{') || s.startsWith(u'[')) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(s.toUtf8(), &error);
            if (error.error == QJsonParseError::NoError) {
                const QJsonDocument masked = doc.isObject()
                    ? QJsonDocument(maskObject(doc.object()))
                    : QJsonDocument(maskJson(doc.array()).toArray());
                return QString::fromUtf8(masked.toJson(QJsonDocument::Compact));
            }
        }
    }
    return value;
}

} // namespace

void FrameMasker::setSecrets(const QStringList &secrets)
{
    m_secrets.clear();
    for (const QString &s : secrets) {
        if (!s.isEmpty())
            m_secrets.append(s);
    }
}

QString FrameMasker::mask(const QString &text) const
{
    QString out = text;
    bool touched = false;
    for (const QString &secret : m_secrets) {
        if (out.contains(secret)) {
            out.replace(secret, Mask);
            touched = true;
        }
    }
    if (!touched && !mayHoldSecret(out))
        return text;

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        out = QString::fromUtf8(
            QJsonDocument(maskObject(doc.object())).toJson(QJsonDocument::Compact));

    // What the structure does not say: signatures quoted in error messages, bearer headers.
    static const QRegularExpression hexDigest(QStringLiteral("\\b[0-9a-fA-F]{64}\\b"));
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)[^\\s\"',;]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    out.replace(hexDigest, Mask);
    out.replace(bearer, QStringLiteral("\\1") + Mask);
    return out;
}

} // namespace natter::devtools
