#pragma once

#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace natter::devtools {
class FrameRecorder;
}

namespace natter::ui {

class RateSparkline;

// Rates: events per second in and out over the last minutes, and per-channel counts, redrawn
// once a second while shown.
class DevToolsRates : public QWidget
{
    Q_OBJECT
public:
    explicit DevToolsRates(natter::devtools::FrameRecorder *recorder, QWidget *parent = nullptr);

    RateSparkline *sparkline() const { return m_sparkline; }
    QTreeWidget *perChannel() const { return m_perChannel; }
    void refresh(qint64 nowMs);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    natter::devtools::FrameRecorder *m_recorder;
    RateSparkline *m_sparkline;
    QLabel *m_totals;
    QTreeWidget *m_perChannel;
    QTimer *m_timer;
};

} // namespace natter::ui
