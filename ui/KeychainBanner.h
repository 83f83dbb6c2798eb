#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace natter::ui {

// A non-modal strip at the top of a window: the system keychain could not store a secret, so
// Natter keeps it in memory for this run only. "Settings…" leads to the plain-text opt-in;
// × hides it until the next failure. showMessage() shows another storage warning the same way
// (the window's outbox banner).
class KeychainBanner : public QFrame
{
    Q_OBJECT
public:
    explicit KeychainBanner(QWidget *parent = nullptr);

    QLabel *label() const { return m_label; }
    QPushButton *settingsButton() const { return m_settings; }
    void setSettingsButtonVisible(bool visible);

public slots:
    void showReason(const QString &reason);
    // The text as given (plain text), e.g. the outbox cannot keep unsent messages.
    void showMessage(const QString &text);

signals:
    void settingsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_settings;
    QToolButton *m_close;
};

} // namespace natter::ui
