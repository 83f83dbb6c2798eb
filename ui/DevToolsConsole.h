#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace natter::devtools {
class FrameFilterProxy;
class FrameLogModel;
class FrameRecorder;
} // namespace natter::devtools

namespace natter::ui {

// The Debug console: every frame in and out of the current connection, state changes and
// authorizations (masked), filtered by channel, event and text; pause, clear, copy, export as
// JSON lines, and the selected frame pretty-printed.
class DevToolsConsole : public QWidget
{
    Q_OBJECT
public:
    // Neither is owned.
    DevToolsConsole(natter::devtools::FrameLogModel *log, natter::devtools::FrameRecorder *recorder,
                    QWidget *parent = nullptr);

    QListView *frames() const { return m_frames; }
    QLineEdit *filterField() const { return m_filter; }
    QPlainTextEdit *details() const { return m_details; }
    QPushButton *pauseButton() const { return m_pause; }
    QLabel *droppedLabel() const { return m_dropped; }
    natter::devtools::FrameFilterProxy *proxy() const { return m_proxy; }

    // JSON lines of the selected rows (all shown rows when none is selected), in list order.
    QByteArray selectedJsonLines() const;
    QByteArray shownJsonLines() const;
    void copySelection();
    // Writes the shown rows (0600). Empty on success, else the reason.
    QString exportTo(const QString &path) const;

private:
    void chooseExportFile();
    void showCurrent();
    void updateDropped();
    QByteArray jsonLines(const QList<int> &viewRows) const;
    void setFilter(const QString &filter);
    void watchSelection();

    natter::devtools::FrameLogModel *m_log;
    natter::devtools::FrameRecorder *m_recorder;
    natter::devtools::FrameFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QPushButton *m_pause;
    QLabel *m_dropped;
    QLabel *m_notice;
    QListView *m_frames;
    QPlainTextEdit *m_details;
    bool m_follow = true;
};

} // namespace natter::ui
