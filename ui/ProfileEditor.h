#pragma once

#include <chat/ServerProfile.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace natter::ui {

// The form for one server profile: Hosted Pusher (app key + cluster, always TLS), Self-hosted
// (host, port, TLS, path prefix, CA file; auth by endpoint (URL, optional bearer token) or local
// signing (app secret, development only)), or a Natter server (only its URL: the app key, host
// and auth endpoint come from the server's /config, the token from logging in by name); and the
// explicit plain-text opt-in for secrets.
// Secrets are never loaded into the form: an empty secret field means "keep the stored one".
class ProfileEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileEditor(QWidget *parent = nullptr);

    void setProfile(const natter::chat::ServerProfile &profile);
    natter::chat::ServerProfile profile() const;
    QString originalName() const { return m_originalName; }

    // The secret typed for the chosen auth mode (token or app secret); empty: keep the stored one.
    QString secret() const;
    void clearSecrets();
    // What the empty secret field says, e.g. "Stored in the keychain" or "Not set".
    void setSecretPlaceholder(const QString &text);
    // Where the settings live, for the plain-text warning.
    void setSettingsFileName(const QString &path);

    // Empty when the form can be saved, else what to fix.
    QString validate() const;

    // For tests and accessibility.
    QLineEdit *nameField() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *keyField() const { return m_key; }
    QComboBox *clusterBox() const { return m_cluster; }
    QLineEdit *serverUrlField() const { return m_serverUrl; }
    QLabel *serverUrlProblem() const { return m_serverUrlProblem; }
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QCheckBox *tlsBox() const { return m_tls; }
    QLineEdit *pathPrefixField() const { return m_pathPrefix; }
    QLineEdit *caFileField() const { return m_caFile; }
    QComboBox *authBox() const { return m_auth; }
    QLineEdit *endpointField() const { return m_endpoint; }
    QLineEdit *tokenField() const { return m_token; }
    QLineEdit *appSecretField() const { return m_appSecret; }
    QCheckBox *plainTextBox() const { return m_plainText; }
    QLabel *plainTextWarning() const { return m_plainWarning; }
    QLabel *localSigningWarning() const { return m_localWarning; }
    QLabel *insecureEndpointWarning() const { return m_insecureWarning; }

signals:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateVisibility();
    void browseCaFile();
    void applyColors();
    bool isNatterServer() const;
    QString serverUrlProblemText() const;

    QString m_originalName;
    QString m_settingsFile;
    QFormLayout *m_form;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_key;
    QComboBox *m_cluster;
    QLineEdit *m_serverUrl;
    QLabel *m_serverUrlProblem;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QCheckBox *m_tls;
    QLineEdit *m_pathPrefix;
    QWidget *m_caRow;
    QLineEdit *m_caFile;
    QComboBox *m_auth;
    QLineEdit *m_endpoint;
    QLineEdit *m_token;
    QLineEdit *m_appSecret;
    QLabel *m_localWarning;
    QLabel *m_insecureWarning;
    QCheckBox *m_plainText;
    QLabel *m_plainWarning;
};

} // namespace natter::ui
