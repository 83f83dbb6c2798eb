#include "AppContext.h"

#include "ChatSession.h"
#include "GeometryReporter.h"
#include "LogUi.h"
#include "LoginPage.h"
#include "MainWindow.h"
#include "NotificationCenter.h"
#include "NotificationSettingsDialog.h"
#include "ProfileSecrets.h"
#include "SessionManager.h"
#include "TrayIcon.h"
#include "UnreadBadge.h"

#include <chat/ChatController.h>
#include <chat/ProfileStore.h>
#include <chat/RoomListModel.h>
#include <desktop/FallbackCredentialStore.h>
#include <desktop/KeychainCredentialStore.h>
#include <desktop/NetworkMonitor.h>
#include <desktop/SingleInstance.h>
#include <notify/Origin.h>

#include <QAction>
#include <QCoreApplication>

#include <QSettings>

namespace natter::ui {

AppContext::AppContext(const CommandLine::Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(std::make_unique<QSettings>())
{
    m_profiles = new natter::chat::ProfileStore(m_settings.get(), this);
    m_credentials = new natter::desktop::FallbackCredentialStore(
        new natter::desktop::KeychainCredentialStore, this);
    m_secrets = new ProfileSecrets(m_credentials, m_settings.get(), this);
    m_sessions = new SessionManager(m_profiles, m_secrets, this);
    if (options.adHocProfile) {
        const bool local = options.adHocProfile->authMode
            == natter::chat::ServerProfile::AuthMode::LocalSigning;
        m_sessions->setAdHocProfile(*options.adHocProfile,
                                    local ? options.secret : options.authToken);
        m_sessions->setJoinPassword(options.joinPassword);
    } else if (!options.secret.isEmpty()) {
        m_sessions->setSecretOverride(options.secret);
    }
    m_monitor = new natter::desktop::NetworkMonitor(this);
    connect(m_monitor, &natter::desktop::NetworkMonitor::checkNow, m_sessions,
            &SessionManager::checkConnectionNow);
}

AppContext::~AppContext()
{
    // The window shows the session's models; the session refers to the stores: in this order.
    // The tray icon goes before QApplication (and before the window it hides and shows).
    delete m_notificationSettings;
    m_unread.reset();
    m_notifications.reset();
    m_tray.reset();
    m_window.reset();
    delete m_sessions;
    m_sessions = nullptr;
}

void AppContext::shutdown()
{
    if (m_window)
        m_window->saveWindowState();
}

QString AppContext::optionsProblem() const
{
    const QString name = m_options.profile;
    if (name.isEmpty() || m_sessions->profile(name))
        return {};
    const QStringList known = m_sessions->profileNames();
    return known.isEmpty()
        ? tr("There is no profile named “%1”, and no saved profiles: add one in Settings.").arg(name)
        : tr("There is no profile named “%1”; the saved profiles are: %2.")
              .arg(name, known.join(QStringLiteral(", ")));
}

QString AppContext::profileToUse() const
{
    if (m_options.adHocProfile)
        return m_options.adHocProfile->name;
    if (!m_options.profile.isEmpty())
        return m_options.profile;
    return m_profiles->lastProfile();
}

bool AppContext::acquireInstance()
{
    if (m_options.newInstance)
        return true;
    // One window per profile and chat user: "natter --user bob" twice raises the first.
    const QString key = profileToUse() + u'\n' + m_options.user;
    m_instance = std::make_unique<natter::desktop::SingleInstance>(key);
    if (!m_instance->tryAcquire()) {
        qCInfo(lcUi)
            << "Natter already runs for this profile and user; asking it to come to the front";
        m_instance->sendRaise();
        return false;
    }
    if (!m_instance->errorString().isEmpty())
        qCWarning(lcUi) << "single-instance guard not active:" << m_instance->errorString();
    return true;
}

void AppContext::start()
{
    m_window = std::make_unique<MainWindow>(m_sessions, m_profiles, m_secrets, m_settings.get());
    if (m_instance)
        connect(m_instance.get(), &natter::desktop::SingleInstance::raiseRequested, m_window.get(),
                &MainWindow::raiseAndActivate);
    if (GeometryReporter::enabledByEnvironment())
        new GeometryReporter(m_window.get());
    m_window->restoreWindowState();

    m_tray = std::make_unique<TrayIcon>(m_window.get(), m_settings.get());
    m_notifications = std::make_unique<NotificationCenter>(m_settings.get(), m_sessions,
                                                           m_window.get(), m_tray.get());
    m_unread = std::make_unique<UnreadBadge>(m_tray.get());
    connect(m_sessions, &SessionManager::sessionChanged, m_unread.get(),
            [this](ChatSession *session) {
                m_unread->setRooms(session ? session->controller()->roomList() : nullptr);
            });
    connect(m_window.get(), &MainWindow::notificationSettingsRequested, this,
            &AppContext::openNotificationSettings);
    connect(m_notifications.get(), &NotificationCenter::doNotDisturbChanged, m_tray.get(),
            [this](bool on) {
                const QSignalBlocker quiet(m_tray->doNotDisturbAction());
                m_tray->doNotDisturbAction()->setChecked(on);
            });

    const QString profile = profileToUse();
    if (!m_options.user.isEmpty())
        m_window->loginPage()->setUserName(m_options.user);
    m_window->refreshProfiles();
    if (!profile.isEmpty())
        m_window->loginPage()->setProfiles(m_sessions->profileNames(), profile);
    // Minimized means in the tray: without one the window would be unreachable.
    if (!(m_tray->isAvailable() && (m_options.minimized || m_tray->startMinimized())))
        m_window->show();
    m_monitor->start();

    if (m_options.autoLogin() && !profile.isEmpty())
        m_sessions->login(profile, m_options.user, m_options.rooms);
}

void AppContext::openNotificationSettings()
{
    if (!m_notificationSettings) {
        ChatSession *session = m_sessions->session();
        m_notificationSettings = new NotificationSettingsDialog(
            m_notifications.get(), m_tray.get(), session ? session->controller() : nullptr,
            session ? natter::notify::originOf(session->profile()) : QString(),
            QCoreApplication::applicationFilePath(), m_window.get());
        m_notificationSettings->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_notificationSettings->show();
    m_notificationSettings->raise();
    m_notificationSettings->activateWindow();
}

} // namespace natter::ui
