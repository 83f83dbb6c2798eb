#include "CharacterCounter.h"

#include "ThemeColors.h"

#include <chat/ChatController.h>

#include <QEvent>
#include <QLocale>

namespace natter::ui {

CharacterCounter::CharacterCounter(QWidget *parent)
    : QLabel(parent)
    , m_limit(natter::chat::ChatController::MaxMessageLength)
{
    setObjectName(QStringLiteral("characterCounter"));
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    refresh();
}

void CharacterCounter::setLimit(int limit)
{
    m_limit = qMax(1, limit);
    refresh();
}

void CharacterCounter::setCount(int count)
{
    if (count == m_count)
        return;
    m_count = count;
    refresh();
}

QString CharacterCounter::reason() const
{
    if (!isOverLimit())
        return {};
    const QLocale locale;
    return tr("This message has %1 characters, %2 more than the limit of %3. Shorten it to send "
              "it.")
        .arg(locale.toString(m_count), locale.toString(m_count - m_limit), locale.toString(m_limit));
}

void CharacterCounter::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && parentWidget())
        refresh();
}

void CharacterCounter::refresh()
{
    const bool shown = m_count >= threshold();
    setVisible(shown);
    if (!shown)
        return;
    const QLocale locale;
    setText(QStringLiteral("%1 / %2").arg(locale.toString(m_count), locale.toString(m_limit)));
    setAccessibleName(
        tr("%1 of %2 characters").arg(locale.toString(m_count), locale.toString(m_limit)));
    setAccessibleDescription(reason());
    setToolTip(reason());
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    ThemeColors::setColor(this, QPalette::WindowText,
                          isOverLimit() ? ThemeColors::error(base) : ThemeColors::dimText(base));
}

} // namespace natter::ui
