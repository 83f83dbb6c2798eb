#include "FrameFilterProxy.h"

#include "FrameLogModel.h"

namespace natter::devtools {

void FrameFilterProxy::setChannelFilter(const QString &channel)
{
    apply(channel, m_event, m_text);
}

void FrameFilterProxy::setEventFilter(const QString &event)
{
    apply(m_channel, event, m_text);
}

void FrameFilterProxy::setTextFilter(const QString &text)
{
    apply(m_channel, m_event, text);
}

void FrameFilterProxy::setFilterString(const QString &filter)
{
    QString channel;
    QString event;
    QStringList words;
    for (const QString &word : filter.split(u' ', Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1String("channel:"), Qt::CaseInsensitive))
            channel = word.mid(8);
        else if (word.startsWith(QLatin1String("event:"), Qt::CaseInsensitive))
            event = word.mid(6);
        else
            words.append(word);
    }
    // A leading '#' is how the list shows channels.
    if (channel.startsWith(u'#'))
        channel.remove(0, 1);
    apply(channel, event, words.join(u' '));
}

void FrameFilterProxy::apply(const QString &channel, const QString &event, const QString &text)
{
    if (channel == m_channel && event == m_event && text == m_text)
        return;
    m_channel = channel;
    m_event = event;
    m_text = text;
    invalidateRowsFilter();
}

bool FrameFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_channel.isEmpty() && m_event.isEmpty() && m_text.isEmpty())
        return true;
    const auto *log = qobject_cast<const FrameLogModel *>(sourceModel());
    if (!log || sourceParent.isValid() || sourceRow < 0 || sourceRow >= log->size())
        return false;
    const FrameEntry &e = log->at(sourceRow);
    if (!m_channel.isEmpty() && !e.channel.contains(m_channel, Qt::CaseInsensitive))
        return false;
    if (!m_event.isEmpty() && !e.event.contains(m_event, Qt::CaseInsensitive))
        return false;
    if (!m_text.isEmpty() && !e.text.contains(m_text, Qt::CaseInsensitive)
        && !e.event.contains(m_text, Qt::CaseInsensitive)
        && !e.channel.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace natter::devtools
