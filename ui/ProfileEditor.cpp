#include "ProfileEditor.h"

#include "ThemeColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>

namespace natter::ui {

using natter::chat::ServerProfile;

namespace {

QLabel *warningLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAutoFillBackground(true);
    label->setMargin(6);
    // Take the field column's full width, so the wrapped text gets the height it needs.
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    label->setSizePolicy(policy);
    return label;
}

// An http:// endpoint anywhere but on this machine: the token crosses a network in clear.
bool sendsInClear(const QString &endpoint)
{
    const QUrl url(endpoint);
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0)
        return false;
    const QString host = url.host();
    if (host.isEmpty())
        return false; // not a URL yet; validate() says so
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return false;
    return !QHostAddress(host).isLoopback();
}

} // namespace

ProfileEditor::ProfileEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("profileEditor"));
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Profile name"));
    m_kind = new QComboBox(this);
    m_kind->setAccessibleName(tr("Server type"));
    m_kind->addItem(tr("Hosted Pusher"), int(ServerProfile::Kind::Hosted));
    m_kind->addItem(tr("Self-hosted (soketi, …)"), int(ServerProfile::Kind::SelfHosted));
    m_kind->addItem(tr("Natter server"), int(ServerProfile::Kind::NatterServer));
    m_serverUrl = new QLineEdit(this);
    m_serverUrl->setObjectName(QStringLiteral("serverUrlField"));
    m_serverUrl->setAccessibleName(tr("Server address"));
    m_serverUrl->setPlaceholderText(tr("e.g. https://chat.example.com"));
    m_serverUrlProblem = new QLabel(this);
    m_serverUrlProblem->setObjectName(QStringLiteral("serverUrlProblem"));
    m_serverUrlProblem->setAccessibleName(tr("Server address problem"));
    m_serverUrlProblem->setTextFormat(Qt::PlainText);
    m_serverUrlProblem->setWordWrap(true);
    m_key = new QLineEdit(this);
    m_key->setAccessibleName(tr("App key"));
    m_cluster = new QComboBox(this);
    m_cluster->setAccessibleName(tr("Cluster"));
    m_cluster->setEditable(true);
    m_cluster->addItems({QStringLiteral("mt1"), QStringLiteral("us2"), QStringLiteral("us3"),
                         QStringLiteral("eu"), QStringLiteral("ap1"), QStringLiteral("ap2"),
                         QStringLiteral("ap3"), QStringLiteral("ap4"), QStringLiteral("sa1")});
    m_host = new QLineEdit(this);
    m_host->setAccessibleName(tr("Host"));
    m_host->setPlaceholderText(tr("e.g. chat.example.com or 127.0.0.1"));
    m_port = new QSpinBox(this);
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(6001);
    m_tls = new QCheckBox(tr("Use TLS (wss://)"), this);
    m_pathPrefix = new QLineEdit(this);
    m_pathPrefix->setAccessibleName(tr("Path prefix"));
    m_pathPrefix->setPlaceholderText(tr("optional, e.g. /ws"));
    m_caRow = new QWidget(this);
    m_caFile = new QLineEdit(m_caRow);
    m_caFile->setAccessibleName(tr("CA file"));
    m_caFile->setPlaceholderText(tr("optional: your own certificate authority (PEM)"));
    auto *browse = new QPushButton(tr("Browse…"), m_caRow);
    auto *caLayout = new QHBoxLayout(m_caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, &ProfileEditor::browseCaFile);

    m_auth = new QComboBox(this);
    m_auth->setAccessibleName(tr("Authorization"));
    m_auth->addItem(tr("Auth endpoint"), int(ServerProfile::AuthMode::Endpoint));
    m_auth->addItem(tr("Local signing (development only)"),
                    int(ServerProfile::AuthMode::LocalSigning));
    m_endpoint = new QLineEdit(this);
    m_endpoint->setAccessibleName(tr("Auth endpoint URL"));
    m_endpoint->setPlaceholderText(tr("https://example.com/pusher/auth"));
    m_token = new QLineEdit(this);
    m_token->setAccessibleName(tr("Bearer token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_appSecret = new QLineEdit(this);
    m_appSecret->setAccessibleName(tr("App secret"));
    m_appSecret->setEchoMode(QLineEdit::Password);
    m_localWarning = warningLabel(this, QStringLiteral("localSigningWarning"));
    m_localWarning->setText(
        tr("Local signing keeps the app secret on this computer, and anyone who has it can "
           "act as any user. Use it only with your own development server, never with a "
           "shared or production app secret."));
    m_insecureWarning = warningLabel(this, QStringLiteral("insecureEndpointWarning"));
    m_plainText = new QCheckBox(tr("Store the token or secret unencrypted in the settings file"),
                                this);
    m_plainText->setObjectName(QStringLiteral("plainTextSecret"));
    m_plainWarning = warningLabel(this, QStringLiteral("plainTextWarning"));

    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("Ser&ver:"), m_kind);
    m_form->addRow(tr("Server &address:"), m_serverUrl);
    m_form->addRow(QString(), m_serverUrlProblem);
    m_form->addRow(tr("App &key:"), m_key);
    m_form->addRow(tr("&Cluster:"), m_cluster);
    m_form->addRow(tr("&Host:"), m_host);
    m_form->addRow(tr("&Port:"), m_port);
    m_form->addRow(QString(), m_tls);
    m_form->addRow(tr("Path p&refix:"), m_pathPrefix);
    m_form->addRow(tr("CA &file:"), m_caRow);
    m_form->addRow(tr("&Authorization:"), m_auth);
    m_form->addRow(tr("&Endpoint URL:"), m_endpoint);
    m_form->addRow(QString(), m_insecureWarning);
    m_form->addRow(tr("Bearer &token:"), m_token);
    m_form->addRow(tr("App &secret:"), m_appSecret);
    m_form->addRow(QString(), m_localWarning);
    m_form->addRow(QString(), m_plainText);
    m_form->addRow(QString(), m_plainWarning);

    for (QLineEdit *e : {m_name, m_serverUrl, m_key, m_host, m_pathPrefix, m_caFile, m_endpoint,
                         m_token, m_appSecret})
        connect(e, &QLineEdit::textEdited, this, &ProfileEditor::changed);
    // textChanged, not textEdited: a loaded profile must show the warning too.
    connect(m_endpoint, &QLineEdit::textChanged, this, &ProfileEditor::updateVisibility);
    connect(m_serverUrl, &QLineEdit::textChanged, this, &ProfileEditor::updateVisibility);
    connect(m_cluster, &QComboBox::currentTextChanged, this, &ProfileEditor::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &ProfileEditor::changed);
    connect(m_tls, &QCheckBox::toggled, this, &ProfileEditor::changed);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit changed();
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit changed();
    });
    connect(m_plainText, &QCheckBox::toggled, this, [this] {
        updateVisibility();
        emit changed();
    });
    applyColors();
    setProfile(ServerProfile());
}

void ProfileEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void ProfileEditor::applyColors()
{
    const QColor bg = ThemeColors::warningBackground(palette());
    ThemeColors::setColor(m_localWarning, QPalette::Window, bg);
    ThemeColors::setColor(m_plainWarning, QPalette::Window, bg);
    ThemeColors::setColor(m_insecureWarning, QPalette::Window, bg);
    ThemeColors::setColor(m_serverUrlProblem, QPalette::WindowText, ThemeColors::error(palette()));
}

bool ProfileEditor::isNatterServer() const
{
    return ServerProfile::Kind(m_kind->currentData().toInt()) == ServerProfile::Kind::NatterServer;
}

void ProfileEditor::setProfile(const ServerProfile &p)
{
    m_originalName = p.name;
    m_name->setText(p.name);
    m_kind->setCurrentIndex(m_kind->findData(int(p.kind)));
    m_key->setText(p.key);
    m_cluster->setCurrentText(p.cluster.isEmpty() ? QStringLiteral("mt1") : p.cluster);
    m_host->setText(p.host);
    m_serverUrl->setText(p.serverUrl);
    m_port->setValue(p.port > 0 ? p.port : 6001);
    m_tls->setChecked(p.tls);
    m_pathPrefix->setText(p.pathPrefix);
    m_caFile->setText(p.caFile);
    m_auth->setCurrentIndex(m_auth->findData(int(p.authMode)));
    m_endpoint->setText(p.authEndpoint);
    m_plainText->setChecked(p.allowPlainTextSecret);
    clearSecrets();
    updateVisibility();
}

ServerProfile ProfileEditor::profile() const
{
    ServerProfile p;
    p.name = m_name->text().trimmed();
    p.kind = ServerProfile::Kind(m_kind->currentData().toInt());
    p.key = m_key->text().trimmed();
    if (p.kind == ServerProfile::Kind::NatterServer) {
        // Everything else comes from the server's /config at login.
        p.key.clear();
        p.serverUrl = m_serverUrl->text().trimmed();
        p.tls = QUrl(p.serverUrl).scheme() == QLatin1String("https");
        p.caFile = m_caFile->text().trimmed();
        p.allowPlainTextSecret = m_plainText->isChecked();
        return p;
    }
    if (p.kind == ServerProfile::Kind::Hosted) {
        p.cluster = m_cluster->currentText().trimmed();
        p.tls = true;
    } else {
        p.host = m_host->text().trimmed();
        p.port = m_port->value();
        p.tls = m_tls->isChecked();
        p.pathPrefix = m_pathPrefix->text().trimmed();
    }
    p.caFile = m_caFile->text().trimmed();
    p.authMode = ServerProfile::AuthMode(m_auth->currentData().toInt());
    if (p.authMode == ServerProfile::AuthMode::Endpoint)
        p.authEndpoint = m_endpoint->text().trimmed();
    p.allowPlainTextSecret = m_plainText->isChecked();
    return p;
}

QString ProfileEditor::secret() const
{
    if (isNatterServer())
        return {}; // its token comes from logging in, never typed here
    return ServerProfile::AuthMode(m_auth->currentData().toInt())
            == ServerProfile::AuthMode::LocalSigning
        ? m_appSecret->text()
        : m_token->text();
}

void ProfileEditor::clearSecrets()
{
    m_token->clear();
    m_appSecret->clear();
}

void ProfileEditor::setSecretPlaceholder(const QString &text)
{
    m_token->setPlaceholderText(text);
    m_appSecret->setPlaceholderText(text);
}

void ProfileEditor::setSettingsFileName(const QString &path)
{
    m_settingsFile = path;
    updateVisibility();
}

QString ProfileEditor::serverUrlProblemText() const
{
    const QString typed = m_serverUrl->text().trimmed();
    if (typed.isEmpty())
        return tr("Enter the Natter server's address, e.g. https://chat.example.com.");
    const QUrl url(typed, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.host().isEmpty())
        return tr("The address must start with https:// or http:// and name "
                  "a host, e.g. https://chat.example.com.");
    // Saved in the settings file as typed: no place for a credential.
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return tr("The address must not contain a user name, password, query (after “?”) or "
                  "fragment (after “#”): it is saved unencrypted in the settings file. You log "
                  "in by name on the login page.");
    return {};
}

QString ProfileEditor::validate() const
{
    const ServerProfile p = profile();
    if (p.kind == ServerProfile::Kind::NatterServer) {
        if (p.name.isEmpty())
            return p.validate(); // "Give the profile a name."
        const QString problem = serverUrlProblemText();
        return problem.isEmpty() ? p.validate() : problem;
    }
    QString why = p.validate();
    if (!why.isEmpty())
        return why;
    if (p.authMode == ServerProfile::AuthMode::Endpoint) {
        const QUrl url(p.authEndpoint);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty())
            return tr("The auth endpoint must be an http:// or https:// URL.");
        // The URL is saved in the settings file as typed: no place for a credential. Any query
        // is refused, not only names that look like one ("?t=…" is a token too).
        if (url.hasQuery() || !url.password().isEmpty())
            return tr("The auth endpoint URL must not contain a password or a query (the part "
                      "after “?”): it is saved unencrypted in the settings file. Remove it and "
                      "enter the token in the Bearer token field, which is kept in the system "
                      "keychain.");
    }
    return {};
}

void ProfileEditor::updateVisibility()
{
    const bool natter = isNatterServer();
    const bool hosted = ServerProfile::Kind(m_kind->currentData().toInt())
        == ServerProfile::Kind::Hosted;
    const bool pusher = !natter; // app key, host or cluster, auth typed here
    const bool local = pusher
        && ServerProfile::AuthMode(m_auth->currentData().toInt())
            == ServerProfile::AuthMode::LocalSigning;
    m_form->setRowVisible(m_serverUrl, natter);
    // Said while typing, not only on Save; an empty field is not scolded before anything is typed.
    const QString urlProblem = natter && !m_serverUrl->text().trimmed().isEmpty()
        ? serverUrlProblemText()
        : QString();
    m_serverUrlProblem->setText(urlProblem);
    m_form->setRowVisible(m_serverUrlProblem, !urlProblem.isEmpty());
    m_form->setRowVisible(m_key, pusher);
    m_form->setRowVisible(m_cluster, pusher && hosted);
    m_form->setRowVisible(m_host, pusher && !hosted);
    m_form->setRowVisible(m_port, pusher && !hosted);
    m_form->setRowVisible(m_tls, pusher && !hosted);
    m_form->setRowVisible(m_pathPrefix, pusher && !hosted);
    m_form->setRowVisible(m_auth, pusher);
    m_form->setRowVisible(m_endpoint, pusher && !local);
    m_form->setRowVisible(m_token, pusher && !local);
    m_form->setRowVisible(m_appSecret, local);
    m_form->setRowVisible(m_localWarning, local);
    const QString clearUrl = natter ? m_serverUrl->text().trimmed() : m_endpoint->text().trimmed();
    m_insecureWarning->setText(
        natter ? tr("This server address is plain http://: your session token and every message "
                    "travel unencrypted, readable by anyone on the network path. Use https://.")
               : tr("This endpoint is plain http://: the bearer token and every authorization "
                    "travel unencrypted, readable and reusable by anyone on the network path. "
                    "Use https://."));
    m_form->setRowVisible(m_insecureWarning, (natter || !local) && sendsInClear(clearUrl));
    m_form->setRowVisible(m_plainWarning, m_plainText->isChecked());
    QString warning = tr(
        "Secrets of this profile will be written UNENCRYPTED to the settings file");
    warning += m_settingsFile.isEmpty() ? QStringLiteral(".")
                                        : QStringLiteral(" (%1).").arg(m_settingsFile);
    warning += u' '
        + tr("Anyone who can read that file can use them. Leave this off to use the system "
             "keychain.");
    m_plainWarning->setText(warning);
}

void ProfileEditor::browseCaFile()
{
    // Asynchronous: open() + fileSelected, no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Choose a CA certificate file"), QString(),
                                   tr("PEM certificates (*.pem *.crt);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_caFile->setText(file);
        emit changed();
    });
    dialog->open();
}

} // namespace natter::ui
