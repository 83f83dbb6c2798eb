#pragma once

#include <chat/ServerProfile.h>

#include <QDialog>
#include <QPointer>

#include "ProfileSecrets.h"

class QLabel;
class QListWidget;
class QListWidgetItem;
class QScrollArea;
class QPushButton;
class QTimer;

namespace natter::chat {
class ProfileStore;
}

namespace natter::ui {

class KeychainBanner;
class ProfileEditor;
class ProfileSecrets;

// Server profiles: the list on the left, the editor on the right, Save / Remove / Add. Shown
// non-modally (show(), never exec()); every outcome is reported inline. Profiles go to the
// ProfileStore (QSettings), secrets to ProfileSecrets (keychain; memory when it fails; plain
// text only after the explicit opt-in).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(natter::chat::ProfileStore *profiles, ProfileSecrets *secrets,
                   QWidget *parent = nullptr);

    // Selects a profile (or starts a new one when the name is unknown/empty).
    void selectProfile(const QString &name);
    void startNewProfile();
    // Where the settings file is, for the plain-text warning.
    void setSettingsFileName(const QString &path);
    // The profile made from --host/--port/--key (none: nullopt). Listed first, marked "from the
    // command line"; it cannot be removed (it is not stored), Save keeps it as a saved profile.
    void setCommandLineProfile(const std::optional<natter::chat::ServerProfile> &profile);
    // The profile name of a list row (the row's text can say more).
    static QString profileNameOf(const QListWidgetItem *item);

    ProfileEditor *editor() const { return m_editor; }
    QListWidget *profileList() const { return m_list; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *statusLabel() const { return m_status; }
    KeychainBanner *banner() const { return m_banner; }

public slots:
    void save();
    void removeSelected();

signals:
    void saved(const QString &profileName);
    // Every save finished (secret stored or failed): for tests and the login page.
    void saveFinished(const QString &profileName, bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitEditor();
    void reloadList(const QString &select);
    void onCurrentRowChanged(int row);
    void showStatus(const QString &text, bool error = false);
    void refreshSecretPlaceholder(const natter::chat::ServerProfile &profile);
    void finishSave(const natter::chat::ServerProfile &profile, bool sessionOnly,
                    const QString &error);
    void fitList();

    natter::chat::ProfileStore *m_profiles;
    QPointer<ProfileSecrets> m_secrets;
    KeychainBanner *m_banner;
    QListWidget *m_list;
    ProfileEditor *m_editor;
    QScrollArea *m_scroll;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_save;
    QLabel *m_status;
    QTimer *m_confirmRemove;
    std::optional<natter::chat::ServerProfile> m_commandLine;
    bool m_reloading = false;
    int m_placeholderRequest = 0;
};

} // namespace natter::ui
