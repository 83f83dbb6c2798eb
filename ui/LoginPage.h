#pragma once

#include <chat/ChatController.h>

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace natter::ui {

// The first page: your name (letters, digits, _ and -; anything else is explained inline under the
// field), the server profile, Log in. While logging in a busy bar runs and Cancel is offered;
// a failure is shown inline with what to do about it. Never an alert box.
class LoginPage : public QWidget
{
    Q_OBJECT
public:
    explicit LoginPage(QWidget *parent = nullptr);

    void setProfiles(const QStringList &names, const QString &current);
    QString profileName() const;
    void setUserName(const QString &name);
    QString userName() const;

    void setBusy(bool busy, const QString &what = {});
    bool isBusy() const { return m_busy; }
    void showError(natter::chat::ChatController::LoginError error, const QString &message);
    // A problem found before connecting (no profile, no secret): message + what to do.
    void showProblem(const QString &message, const QString &hint);
    // A problem that may pass: shown with its fix while the login keeps trying (Cancel stays).
    void showRetrying(natter::chat::ChatController::LoginError error, const QString &message);
    void clearError();

    static QString hintFor(natter::chat::ChatController::LoginError error);
    static QString titleFor(natter::chat::ChatController::LoginError error);

    QLineEdit *nameField() const { return m_name; }
    QLabel *nameError() const { return m_nameError; }
    QComboBox *profileBox() const { return m_profile; }
    QPushButton *loginButton() const { return m_login; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *busyIndicator() const { return m_progress; }
    QFrame *errorBox() const { return m_errorBox; }
    QLabel *errorTitle() const { return m_errorTitle; }
    QLabel *errorText() const { return m_errorText; }
    QLabel *errorHint() const { return m_errorHint; }

signals:
    void loginRequested(const QString &profile, const QString &user);
    void cancelRequested();
    void settingsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void submit();
    void applyColors();

    bool m_busy = false;
    bool m_nameTouched = false;
    QLineEdit *m_name;
    QLabel *m_nameError;
    QComboBox *m_profile;
    QPushButton *m_editProfiles;
    QPushButton *m_login;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_busyText;
    QFrame *m_errorBox;
    QLabel *m_errorTitle;
    QLabel *m_errorText;
    QLabel *m_errorHint;
    QPushButton *m_noProfiles;
};

} // namespace natter::ui
