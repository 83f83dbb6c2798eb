#pragma once

#include <QList>
#include <QString>
#include <QTextLayout>

namespace natter::ui {

// Where emoji are in a text, so they can be drawn with a colour emoji font. Qt 6.4 picks a
// fallback font per character only when the main font lacks it, and DejaVu Sans (the usual
// default) has monochrome outlines for many emoji: without an explicit font for these runs
// "😀" is drawn as a black outline even with Noto Color Emoji installed.
class EmojiText
{
public:
    struct Run
    {
        int start = 0; // UTF-16 offsets, whole sequences (ZWJ, skin tones, flags, keycaps)
        int length = 0;
    };

    // Emoji sequences in `text`, in order, adjacent ones merged.
    static QList<Run> runs(const QString &text);
    // The installed colour emoji family ("Noto Color Emoji" first); empty when there is none.
    // Looked up in the font database: call it once and keep the result.
    static QString colorFamily();
    // One format per run that sets `family` (nothing when `family` is empty).
    static QList<QTextLayout::FormatRange> formats(const QString &text, const QString &family);
};

} // namespace natter::ui
