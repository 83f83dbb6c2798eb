#pragma once

#include <QPointer>

#include <QStatusBar>
#include <chat/ConnectionStatus.h>

class QLabel;
class QPushButton;

namespace natter::chat {
class ConnectionStatus;
}

namespace natter::ui {

// The window's status bar, driven by a ConnectionStatus: a coloured dot and "Connected" /
// "Connecting…" / "Reconnecting in N s" (with Retry now) / "Offline" / "Failed: why", and the
// fix for a failure next to it.
class ConnectionStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit ConnectionStatusBar(QWidget *parent = nullptr);

    void setStatus(
        natter::chat::ConnectionStatus *status); // nullptr: hidden texts, nothing to retry
    QLabel *textLabel() const { return m_text; }
    QLabel *hintLabel() const { return m_hint; }
    QPushButton *retryButton() const { return m_retry; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QPointer<natter::chat::ConnectionStatus> m_status;
    QMetaObject::Connection m_link;
    QLabel *m_dot;
    QLabel *m_text;
    QLabel *m_hint;
    QPushButton *m_retry;
};

} // namespace natter::ui
