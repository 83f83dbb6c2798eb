#pragma once

#include <chat/ChatController.h>

#include <QSet>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace natter::ui {

// The first page: your name (letters, digits, _ and -; anything else is explained inline under the
// field), the server profile, Log in. While logging in a busy bar runs and Cancel is offered;
// a failure is shown inline with what to do about it. Never an alert box.
// For a natter-server profile the server's refusals are shown under the field they are about
// (name taken, bad name under the name; a wrong join password under the password field, which is
// shown when the server asks for one), and focus returns to that field.
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

    // natter-server: this profile's server wants a join password (its /config, or a refusal said
    // so). The field is shown while such a profile is selected.
    void setJoinPasswordRequired(const QString &profile, bool required);
    bool joinPasswordRequired() const;
    // What was typed in the join password field (not trimmed); for the keychain, never settings.
    QString joinPassword() const;
    void clearJoinPassword();

    static QString hintFor(natter::chat::ChatController::LoginError error);
    static QString titleFor(natter::chat::ChatController::LoginError error);

    QLineEdit *nameField() const { return m_name; }
    QLabel *nameError() const { return m_nameError; }
    QLineEdit *joinPasswordField() const { return m_password; }
    QLabel *joinPasswordError() const { return m_passwordError; }
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
    void updatePasswordRow();
    // A refusal about the name typed: shown until the name is edited.
    void showNameError(const QString &message);

    bool m_busy = false;
    bool m_nameTouched = false;
    QLineEdit *m_name;
    QLabel *m_nameError;
    QString m_serverNameError; // the server's refusal of m_refusedName
    QString m_refusedName;
    QSet<QString> m_passwordProfiles; // profiles whose server wants a join password
    QFormLayout *m_form;
    QLineEdit *m_password;
    QLabel *m_passwordError;
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
