#include "EmojiText.h"

#include <QFontDatabase>

namespace natter::ui {

namespace {

constexpr char32_t kVariationEmoji = 0xFE0F;
constexpr char32_t kZeroWidthJoiner = 0x200D;
constexpr char32_t kKeycap = 0x20E3;

// Characters below U+10000 that are emoji without a U+FE0F (Unicode emoji-data,
// Emoji_Presentation=Yes); others there (☺, ❤, ✔…) are text unless U+FE0F follows.
constexpr char32_t kBmpEmoji[][2] = {
    {0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE},
    {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
    {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4},
    {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA}, {0x26FD, 0x26FD},
    {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E},
    {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
};

bool isPictographic(char32_t c)
{
    // Mahjong tiles … Symbols and Pictographs Extended-A: every emoji outside the BMP.
    if (c >= 0x1F000 && c <= 0x1FAFF)
        return true;
    for (const auto &range : kBmpEmoji) {
        if (c >= range[0] && c <= range[1])
            return true;
    }
    return false;
}

bool isModifier(char32_t c)
{
    return c == kVariationEmoji || c == kKeycap || (c >= 0x1F3FB && c <= 0x1F3FF) // skin tones
        || (c >= 0xE0020 && c <= 0xE007F); // tag sequences (subdivision flags)
}

struct CodePoint
{
    char32_t value = 0;
    int size = 1;
};

CodePoint at(const QString &text, int i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return {QChar::surrogateToUcs4(c, text.at(i + 1)), 2};
    return {c.unicode(), 1};
}

} // namespace

QList<EmojiText::Run> EmojiText::runs(const QString &text)
{
    QList<Run> result;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const CodePoint cp = at(text, i);
        const int next = i + cp.size;
        const CodePoint after = next < n ? at(text, next) : CodePoint{0, 0};
        // A text-style symbol (or a keycap digit) becomes an emoji with U+FE0F or U+20E3 after it.
        const bool base = isPictographic(cp.value) || after.value == kVariationEmoji
            || after.value == kKeycap;
        if (!base) {
            i = next;
            continue;
        }
        int end = next;
        while (end < n) {
            const CodePoint m = at(text, end);
            if (isModifier(m.value)) {
                end += m.size;
            } else if (m.value == kZeroWidthJoiner && end + 1 < n) {
                end += m.size;
                end += at(text, end).size; // the joined emoji
            } else {
                break;
            }
        }
        if (!result.isEmpty() && result.last().start + result.last().length == i)
            result.last().length += end - i;
        else
            result.append({i, end - i});
        i = end;
    }
    return result;
}

QString EmojiText::colorFamily()
{
    const QStringList families = QFontDatabase::families();
    for (const QString &preferred :
         {QStringLiteral("Noto Color Emoji"), QStringLiteral("Twemoji"),
          QStringLiteral("JoyPixels"), QStringLiteral("Apple Color Emoji")}) {
        if (families.contains(preferred))
            return preferred;
    }
    for (const QString &family : families) {
        if (family.contains(QLatin1String("Color Emoji"), Qt::CaseInsensitive))
            return family;
    }
    return {};
}

QList<QTextLayout::FormatRange> EmojiText::formats(const QString &text, const QString &family)
{
    QList<QTextLayout::FormatRange> result;
    if (family.isEmpty())
        return result;
    for (const Run &run : runs(text)) {
        QTextLayout::FormatRange range;
        range.start = run.start;
        range.length = run.length;
        range.format.setFontFamilies({family});
        result.append(range);
    }
    return result;
}

} // namespace natter::ui
