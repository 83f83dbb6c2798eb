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
class FrameWindowModel;
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
    // What the list shows: the newest rows of the log, or of the filter while one is set.
    natter::devtools::FrameWindowModel *window() const { return m_window; }

    // JSON lines of the selected rows (all shown rows when none is selected), in list order.
    // "Shown" is everything the filter lets through, also what is above the list's window.
    QByteArray selectedJsonLines() const;
    QByteArray shownJsonLines() const;
    void copySelection();
    // Writes the shown rows (0600). Empty on success, else the reason.
    QString exportTo(const QString &path) const;

private:
    void chooseExportFile();
    void showCurrent();
    void updateDropped();
    // The log's row of an index of the log or of the filter; -1 if none.
    int logRow(const QModelIndex &shown) const;
    QByteArray jsonLines(QList<int> logRows) const;
    void setFilter(const QString &filter);
    void onScrolled(int value);
    void showOlder();

    natter::devtools::FrameLogModel *m_log;
    natter::devtools::FrameRecorder *m_recorder;
    natter::devtools::FrameFilterProxy *m_proxy;
    natter::devtools::FrameWindowModel *m_window;
    QLineEdit *m_filter;
    QPushButton *m_pause;
    QLabel *m_dropped;
    QLabel *m_notice;
    QListView *m_frames;
    QPlainTextEdit *m_details;
    bool m_follow = true;
};

} // namespace natter::ui
