#pragma once

#include <notify/Permission.h>

#include <QFrame>

class QLabel;
class QPushButton;

namespace natter::ui {

// The in-window permission prompt (Webkit's infobar): "Allow desktop notifications from ORIGIN?"
// with Allow / Block / Not now. Non-modal, never takes the focus by itself; Esc inside it is
// "Not now".
class NotificationPromptBar : public QFrame
{
    Q_OBJECT
public:
    explicit NotificationPromptBar(QWidget *parent = nullptr);

    QString origin() const { return m_origin; }
    QLabel *label() const { return m_label; }
    QPushButton *allowButton() const { return m_allow; }
    QPushButton *blockButton() const { return m_block; }
    QPushButton *notNowButton() const { return m_notNow; }

public slots:
    void ask(const QString &origin);

signals:
    // NotAsked: "Not now".
    void answered(const QString &origin, natter::notify::Permission permission);

private:
    void answer(natter::notify::Permission permission);
    void applyColors();

protected:
    void changeEvent(QEvent *event) override;

private:
    QString m_origin;
    QLabel *m_label;
    QPushButton *m_allow;
    QPushButton *m_block;
    QPushButton *m_notNow;
};

} // namespace natter::ui
