#include "LoginPage.h"

#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/UserName.h>

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::ChatController;
using LoginError = natter::chat::ChatController::LoginError;

namespace {

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

LoginPage::LoginPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("loginPage"));

    auto *logo = new QLabel(this);
    logo->setPixmap(SymbolicIcon::appIcon().pixmap(QSize(72, 72)));
    logo->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Natter"), this);
    title->setTextFormat(Qt::PlainText);
    title->setAlignment(Qt::AlignCenter);
    QFont tf = title->font();
    tf.setBold(true);
    if (tf.pointSizeF() > 0)
        tf.setPointSizeF(tf.pointSizeF() * 1.8);
    title->setFont(tf);
    auto *subtitle = plainLabel(this, QStringLiteral("loginSubtitle"));
    subtitle->setText(tr("Chat rooms on any Pusher Channels server"));
    subtitle->setAlignment(Qt::AlignCenter);
    ThemeColors::setColor(subtitle, QPalette::WindowText, ThemeColors::dimText(palette()));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("userNameField"));
    m_name->setAccessibleName(tr("User name"));
    m_name->setPlaceholderText(tr("e.g. alice"));
    m_name->setMaxLength(natter::chat::UserName::MaxLength + 8); // longer input gets the message
    m_nameError = plainLabel(this, QStringLiteral("userNameError"));
    m_nameError->setAccessibleName(tr("User name problem"));
    m_nameError->hide();

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("joinPasswordField"));
    m_password->setAccessibleName(tr("Join password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("this server asks for one"));
    m_passwordError = plainLabel(this, QStringLiteral("joinPasswordError"));
    m_passwordError->setAccessibleName(tr("Join password problem"));
    m_passwordError->hide();

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profileBox"));
    m_profile->setAccessibleName(tr("Server profile"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profile->setMinimumContentsLength(16);
    m_editProfiles = new QPushButton(SymbolicIcon::get(QStringLiteral("settings")), QString(), this);
    m_editProfiles->setObjectName(QStringLiteral("editProfilesButton"));
    m_editProfiles->setToolTip(tr("Edit server profiles"));
    m_editProfiles->setAccessibleName(tr("Edit server profiles"));
    m_noProfiles = new QPushButton(SymbolicIcon::get(QStringLiteral("add")), tr("Add a server…"),
                                   this);
    m_noProfiles->setObjectName(QStringLiteral("addServerButton"));
    m_noProfiles->hide();

    m_login = new QPushButton(tr("Log in"), this);
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setAccessibleName(tr("Log in"));
    m_login->setDefault(true);
    m_login->setAutoDefault(true);
    m_login->setMinimumHeight(m_login->sizeHint().height() + 6);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelLoginButton"));
    m_cancel->hide();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loginBusy"));
    m_progress->setAccessibleName(tr("Logging in"));
    m_progress->setRange(0, 0); // indeterminate: a busy indicator
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    m_busyText = plainLabel(this, QStringLiteral("loginBusyText"));
    m_busyText->setAlignment(Qt::AlignCenter);
    m_busyText->hide();

    m_errorBox = new QFrame(this);
    m_errorBox->setObjectName(QStringLiteral("loginError"));
    m_errorBox->setAccessibleName(tr("Login problem"));
    m_errorBox->setFrameShape(QFrame::StyledPanel);
    m_errorBox->setAutoFillBackground(true);
    m_errorTitle = plainLabel(m_errorBox, QStringLiteral("loginErrorTitle"));
    QFont ef = m_errorTitle->font();
    ef.setBold(true);
    m_errorTitle->setFont(ef);
    m_errorText = plainLabel(m_errorBox, QStringLiteral("loginErrorText"));
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorHint = plainLabel(m_errorBox, QStringLiteral("loginErrorHint"));
    auto *openSettings = new QPushButton(tr("Open Settings"), m_errorBox);
    openSettings->setObjectName(QStringLiteral("loginErrorSettings"));
    auto *errorLayout = new QVBoxLayout(m_errorBox);
    errorLayout->setContentsMargins(12, 10, 12, 10);
    errorLayout->addWidget(m_errorTitle);
    errorLayout->addWidget(m_errorText);
    errorLayout->addWidget(m_errorHint);
    errorLayout->addWidget(openSettings, 0, Qt::AlignLeft);
    m_errorBox->hide();

    auto *profileRow = new QHBoxLayout;
    profileRow->setContentsMargins(0, 0, 0, 0);
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(m_editProfiles);
    profileRow->addWidget(m_noProfiles); // only when there is no profile yet
    profileRow->addStretch(0);

    auto *form = new QFormLayout;
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Your &name:"), m_name);
    // The message's line is reserved (QFormLayout drops hidden rows), so the form does not jump
    // when one appears.
    auto *nameErrorLine = new QWidget(this);
    auto *nameErrorLayout = new QVBoxLayout(nameErrorLine);
    nameErrorLayout->setContentsMargins(0, 0, 0, 0);
    nameErrorLayout->addWidget(m_nameError);
    // Two lines: the longest message wraps once in a narrow window.
    m_nameError->setText(QStringLiteral("X\nX"));
    nameErrorLine->setMinimumHeight(m_nameError->sizeHint().height());
    m_nameError->clear();
    form->addRow(QString(), nameErrorLine);
    form->addRow(tr("Join &password:"), m_password);
    form->addRow(QString(), m_passwordError);
    auto *serverLabel = new QLabel(tr("&Server:"), this);
    serverLabel->setBuddy(m_profile);
    form->addRow(serverLabel, profileRow);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_login);

    auto *card = new QWidget(this);
    card->setObjectName(QStringLiteral("loginCard"));
    card->setMaximumWidth(460);
    card->setMinimumWidth(360);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setSpacing(10);
    cardLayout->addWidget(logo);
    cardLayout->addWidget(title);
    cardLayout->addWidget(subtitle);
    cardLayout->addSpacing(12);
    cardLayout->addLayout(form);
    cardLayout->addSpacing(4);
    cardLayout->addLayout(buttons);
    cardLayout->addWidget(m_progress);
    cardLayout->addWidget(m_busyText);
    cardLayout->addWidget(m_errorBox);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *center = new QHBoxLayout;
    center->addStretch(1);
    center->addWidget(card, 3);
    center->addStretch(1);
    outer->addLayout(center);
    outer->addStretch(3);

    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameTouched = true;
        validate();
    });
    connect(m_name, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_password, &QLineEdit::textEdited, this, [this] {
        m_passwordError->clear();
        updatePasswordRow();
    });
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_serverNameError.clear();
        m_passwordError->clear();
        updatePasswordRow();
        validate();
    });
    connect(m_login, &QPushButton::clicked, this, &LoginPage::submit);
    connect(m_cancel, &QPushButton::clicked, this, &LoginPage::cancelRequested);
    connect(m_editProfiles, &QPushButton::clicked, this, &LoginPage::settingsRequested);
    connect(m_noProfiles, &QPushButton::clicked, this, &LoginPage::settingsRequested);
    connect(openSettings, &QPushButton::clicked, this, &LoginPage::settingsRequested);
    setFocusProxy(m_name);
    applyColors();
    updatePasswordRow();
    validate();
}

void LoginPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void LoginPage::applyColors()
{
    const QPalette pal = palette();
    ThemeColors::setColor(m_nameError, QPalette::WindowText, ThemeColors::error(pal));
    ThemeColors::setColor(m_passwordError, QPalette::WindowText, ThemeColors::error(pal));
    ThemeColors::setColor(m_errorTitle, QPalette::WindowText, ThemeColors::error(pal));
    ThemeColors::setColor(
        m_errorBox, QPalette::Window,
        ThemeColors::mix(pal.color(QPalette::Window), ThemeColors::error(pal), 0.10));
    ThemeColors::setColor(m_busyText, QPalette::WindowText, ThemeColors::dimText(pal));
}

void LoginPage::setProfiles(const QStringList &names, const QString &current)
{
    const QString keep = current.isEmpty() ? m_profile->currentText() : current;
    QSignalBlocker block(m_profile);
    m_profile->clear();
    m_profile->addItems(names);
    const int at = m_profile->findText(keep);
    m_profile->setCurrentIndex(at >= 0 ? at : 0);
    m_noProfiles->setVisible(names.isEmpty());
    m_profile->setVisible(!names.isEmpty());
    m_editProfiles->setVisible(!names.isEmpty());
    updatePasswordRow();
    validate();
}

QString LoginPage::profileName() const
{
    return m_profile->currentText();
}

void LoginPage::setUserName(const QString &name)
{
    m_name->setText(name);
    m_nameTouched = !name.isEmpty();
    validate();
}

QString LoginPage::userName() const
{
    return natter::chat::UserName::normalized(m_name->text());
}

void LoginPage::validate()
{
    const QString name = m_name->text();
    const QString why = natter::chat::UserName::validate(name);
    // An empty field is not an error until the user typed and cleared it.
    const bool show = !why.isEmpty() && (m_nameTouched || !name.isEmpty());
    // The server's refusal stays until the name it refused is changed.
    const bool refused = why.isEmpty() && !m_serverNameError.isEmpty()
        && natter::chat::UserName::normalized(name) == m_refusedName;
    m_nameError->setText(show ? why : refused ? m_serverNameError : QString());
    m_nameError->setVisible(show || refused);
    m_login->setEnabled(!m_busy && why.isEmpty() && m_profile->count() > 0);
}

void LoginPage::submit()
{
    validate();
    if (!m_login->isEnabled())
        return;
    clearError();
    if (joinPasswordRequired() && m_password->text().isEmpty()) {
        m_passwordError->setText(tr("This server needs a join password."));
        updatePasswordRow();
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    emit loginRequested(profileName(), userName());
}

void LoginPage::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_name->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_profile->setEnabled(!busy);
    m_editProfiles->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_busyText->setVisible(busy);
    m_busyText->setText(what.isEmpty() ? tr("Connecting…") : what);
    m_login->setText(busy ? tr("Logging in…") : tr("Log in"));
    if (busy)
        clearError();
    validate();
}

QString LoginPage::titleFor(LoginError error)
{
    switch (error) {
    case LoginError::Unreachable:
        return tr("The server cannot be reached");
    case LoginError::AuthRefused:
        return tr("The server refused the login");
    case LoginError::BadKey:
        return tr("The app key is not known to the server");
    case LoginError::Tls:
        return tr("The secure connection failed");
    case LoginError::BadResponse:
        return tr("The auth endpoint answered something unusable");
    case LoginError::NameTaken:
        return tr("This name is in use");
    case LoginError::BadName:
        return tr("The server does not accept this name");
    case LoginError::BadPassword:
        return tr("Wrong join password");
    case LoginError::Other:
        break;
    }
    return tr("Could not log in");
}

QString LoginPage::hintFor(LoginError error)
{
    switch (error) {
    case LoginError::Unreachable:
        return tr("Check your network, that the server runs, and the server's address (or the "
                  "host, port or cluster and TLS setting) in the server profile. Then try again.");
    case LoginError::AuthRefused:
        return tr("Check the auth endpoint URL and bearer token in Settings, or, with local "
                  "signing, that the app "
                  "secret matches the server's.");
    case LoginError::BadKey:
        return tr("Check the app key in the server profile (Settings).");
    case LoginError::Tls:
        return tr("Add the server's CA file to the profile in Settings, or check the address "
                  "(and whether the server uses TLS at all).");
    case LoginError::BadResponse:
        return tr("Check the auth endpoint URL in Settings: it must answer like Pusher's server "
                  "libraries do, "
                  "with JSON containing \"auth\".");
    case LoginError::NameTaken:
        return tr("Someone who is online now uses it. Choose another name, or try again once "
                  "they have left.");
    case LoginError::BadName:
        return tr("Use 1 to 32 letters, digits, _ and - (no spaces).");
    case LoginError::BadPassword:
        return tr("Enter the password the server's owner gave you.");
    case LoginError::Other:
        break;
    }
    return tr("Check the server profile in Settings, then try again.");
}

void LoginPage::showError(LoginError error, const QString &message)
{
    switch (error) {
    case LoginError::NameTaken:
    case LoginError::BadName:
        // About the name: said under it, where the fix is typed.
        setBusy(false);
        showNameError(titleFor(error) + QStringLiteral(". ") + hintFor(error));
        return;
    case LoginError::BadPassword: {
        setBusy(false);
        setJoinPasswordRequired(profileName(), true);
        m_passwordError->setText(m_password->text().isEmpty()
                                     ? tr("This server needs a join password.") + u' '
                                         + hintFor(error)
                                     : titleFor(error) + QStringLiteral(". ") + hintFor(error));
        updatePasswordRow();
        m_password->setFocus(Qt::OtherFocusReason);
        m_password->selectAll();
        return;
    }
    default:
        break;
    }
    showProblem(message, hintFor(error)); // no message: the title says it all, once
    m_errorTitle->setText(titleFor(error));
    if (message.isEmpty())
        m_errorBox->setAccessibleDescription(titleFor(error) + u' ' + hintFor(error));
}

void LoginPage::showRetrying(LoginError error, const QString &message)
{
    if (!m_busy)
        setBusy(true);
    m_busyText->setText(tr("Still trying to log in…"));
    m_errorTitle->setText(titleFor(error));
    m_errorText->setText(message);
    m_errorText->setVisible(!message.isEmpty());
    m_errorHint->setText(hintFor(error));
    m_errorHint->setVisible(true);
    m_errorBox->setAccessibleDescription((message.isEmpty() ? titleFor(error) : message) + u' '
                                         + m_errorHint->text());
    m_errorBox->show();
}

void LoginPage::showProblem(const QString &message, const QString &hint)
{
    setBusy(false);
    m_errorTitle->setText(tr("Could not log in"));
    m_errorText->setText(message);
    m_errorText->setVisible(!message.isEmpty());
    m_errorHint->setText(hint);
    m_errorHint->setVisible(!hint.isEmpty());
    m_errorBox->setAccessibleDescription(message + u' ' + hint);
    m_errorBox->show();
}

void LoginPage::clearError()
{
    m_errorBox->hide();
    m_errorText->clear();
    m_errorHint->clear();
    m_passwordError->clear();
    updatePasswordRow();
    if (!m_serverNameError.isEmpty()) {
        m_serverNameError.clear();
        validate();
    }
}

void LoginPage::showNameError(const QString &message)
{
    m_serverNameError = message;
    m_refusedName = userName();
    validate();
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void LoginPage::setJoinPasswordRequired(const QString &profile, bool required)
{
    if (required)
        m_passwordProfiles.insert(profile);
    else
        m_passwordProfiles.remove(profile);
    updatePasswordRow();
}

bool LoginPage::joinPasswordRequired() const
{
    return m_profile->count() > 0 && m_passwordProfiles.contains(profileName());
}

QString LoginPage::joinPassword() const
{
    return joinPasswordRequired() ? m_password->text() : QString();
}

void LoginPage::clearJoinPassword()
{
    m_password->clear();
}

void LoginPage::updatePasswordRow()
{
    const bool shown = joinPasswordRequired();
    m_form->setRowVisible(m_password, shown);
    m_form->setRowVisible(m_passwordError, shown && !m_passwordError->text().isEmpty());
}

} // namespace natter::ui
