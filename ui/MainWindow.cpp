#include "MainWindow.h"

#include "AboutDialog.h"
#include "ChatPage.h"
#include "ChatSession.h"
#include "Composer.h"
#include "ConnectionStatusBar.h"
#include "DevToolsWindow.h"
#include "KeyboardShortcutsDialog.h"
#include "KeychainBanner.h"
#include "LogUi.h"
#include "LoginPage.h"
#include "MessageAppearance.h"
#include "MessageEdit.h"
#include "MessageView.h"
#include "NotificationPromptBar.h"
#include "ProfileSecrets.h"
#include "RoomPicker.h"
#include "RoomSidebar.h"
#include "SessionManager.h"
#include "SettingsDialog.h"
#include "SymbolicIcon.h"

#include <chat/ChatController.h>
#include <chat/ConnectionStatus.h>
#include <chat/Outbox.h>
#include <chat/ProfileStore.h>
#include <chat/RoomListModel.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::ChatController;

MainWindow::MainWindow(SessionManager *sessions, natter::chat::ProfileStore *profiles,
                       ProfileSecrets *secrets, QSettings *uiSettings, QWidget *parent)
    : QMainWindow(parent)
    , m_sessions(sessions)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_uiSettings(uiSettings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(SymbolicIcon::appIcon());
    m_login = new LoginPage(this);
    m_chat = new ChatPage(this);
    m_banner = new KeychainBanner(this);
    m_outboxBanner = new KeychainBanner(this);
    m_outboxBanner->setObjectName(QStringLiteral("outboxBanner"));
    m_outboxBanner->setAccessibleName(tr("Outbox warning"));
    m_outboxBanner->setSettingsButtonVisible(false);
    m_prompt = new NotificationPromptBar(this);
    m_statusBar = new ConnectionStatusBar(this);
    m_picker = new RoomPicker(this);
    m_picker->hide();

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_login);
    m_stack->addWidget(m_chat);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_outboxBanner);
    layout->addWidget(m_prompt);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    setStatusBar(m_statusBar);
    createMenus();

    // Login page <-> sessions.
    connect(m_login, &LoginPage::loginRequested, m_sessions,
            [this](const QString &profile, const QString &user) {
                // A natter-server's join password, when its server asked for one: handed to
                // the session manager for this login, never written to the settings.
                if (m_login->joinPasswordRequired())
                    m_sessions->setJoinPassword(m_login->joinPassword());
                m_sessions->login(profile, user);
            });
    connect(m_login, &LoginPage::cancelRequested, this, [this] {
        m_sessions->cancel();
        m_login->setBusy(false);
    });
    connect(m_login, &LoginPage::settingsRequested, this,
            [this] { openSettings(m_login->profileName()); });
    connect(m_sessions, &SessionManager::loginStarted, this,
            [this](const QString &profile, const QString &user) {
                m_login->setProfiles(m_sessions->profileNames(), profile);
                if (m_login->userName() != user)
                    m_login->setUserName(user);
                m_login->setBusy(true, tr("Connecting to %1 as %2…").arg(profile, user));
                showPage(Page::Login);
            });
    connect(m_sessions, &SessionManager::loginFailed, m_login, &LoginPage::showError);
    connect(m_sessions, &SessionManager::loginRetrying, m_login, &LoginPage::showRetrying);
    connect(m_sessions, &SessionManager::loginProblem, m_login, &LoginPage::showProblem);
    connect(m_sessions, &SessionManager::loggedIn, this, &MainWindow::onLoggedIn);
    connect(m_sessions, &SessionManager::sessionChanged, this, &MainWindow::onSessionChanged);
    connect(m_sessions, &SessionManager::loggedOut, this, [this] {
        m_chat->setController(nullptr);
        showPage(Page::Login);
    });

    connect(m_chat, &ChatPage::currentRoomChanged, this, [this](const QString &room) {
        if (m_session)
            m_session->setCurrentRoom(room);
        updateTitle();
    });
    connect(m_chat, &ChatPage::linkActivated, this, [](const QUrl &url) {
        qCInfo(lcUi) << "opening link" << url.toString();
        QDesktopServices::openUrl(url);
    });
    connect(m_picker, &RoomPicker::roomChosen, this, [this](const QString &room) {
        m_chat->showRoom(room);
        m_chat->focusComposer();
    });
    connect(m_picker, &RoomPicker::joinRequested, m_chat, &ChatPage::joinRoom);

    if (m_secrets) {
        connect(m_secrets, &ProfileSecrets::keychainUnavailable, m_banner,
                &KeychainBanner::showReason);
        if (m_secrets->keychainFailed())
            m_banner->showReason(m_secrets->keychainFailure());
    }
    connect(m_banner, &KeychainBanner::settingsRequested, this, [this] {
        openSettings(m_session ? m_session->profile().name : m_login->profileName());
    });
    connect(m_profiles, &natter::chat::ProfileStore::profilesChanged, this,
            &MainWindow::refreshProfiles);

    m_login->setUserName(m_profiles->lastUser());
    refreshProfiles();
    resize(1080, 720);
    // Room list at its narrowest and a usable conversation; Who's Online steps aside by itself.
    setMinimumSize(520, 380);
    showPage(Page::Login);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *app = menuBar()->addMenu(tr("&Natter"));
    QAction *settings = app->addAction(SymbolicIcon::get(QStringLiteral("settings")),
                                       tr("&Settings…"));
    // Ctrl+, everywhere; QKeySequence::Preferences has no key on most Linux desktops.
    settings->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    settings->setObjectName(QStringLiteral("settingsAction"));
    connect(settings, &QAction::triggered, this, [this] {
        openSettings(m_session ? m_session->profile().name : m_login->profileName());
    });
    QAction *notifications = app->addAction(tr("&Notifications…"));
    connect(notifications, &QAction::triggered, this, &MainWindow::notificationSettingsRequested);
    m_logout = app->addAction(tr("&Log Out"));
    connect(m_logout, &QAction::triggered, m_sessions, &SessionManager::logout);
    app->addSeparator();
    QAction *quit = app->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcutContext(Qt::ApplicationShortcut);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, [this] {
        saveWindowState();
        QCoreApplication::quit();
    });

    QMenu *room = menuBar()->addMenu(tr("&Room"));
    QAction *jump = room->addAction(tr("&Jump to Room…"));
    jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(jump, &QAction::triggered, this, &MainWindow::openRoomPicker);
    QAction *join = room->addAction(SymbolicIcon::get(QStringLiteral("add")), tr("J&oin Room…"));
    join->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(join, &QAction::triggered, m_chat->sidebar(), &RoomSidebar::showJoinField);
    QAction *leave = room->addAction(SymbolicIcon::get(QStringLiteral("leave")), tr("&Leave Room"));
    leave->setObjectName(QStringLiteral("leaveRoomAction"));
    leave->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(leave, &QAction::triggered, m_chat, &ChatPage::leaveCurrentRoom);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_membersAction = view->addAction(tr("&Who's Online"));
    m_membersAction->setObjectName(QStringLiteral("toggleMembersAction"));
    m_membersAction->setCheckable(true);
    m_membersAction->setChecked(true);
    m_membersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_membersAction, &QAction::toggled, this, [this](bool on) {
        m_chat->setMembersPanelWanted(on);
        if (m_uiSettings)
            m_uiSettings->setValue(QStringLiteral("window/membersPanel"), on);
    });
    m_chatActions = {jump, join, leave, m_logout, m_membersAction};
    m_appearance = new MessageAppearance(m_uiSettings, this);
    m_appearance->addToMenu(view);
    m_appearance->attach(m_chat->messageView(), m_chat->composer()->editor());

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *devTools = tools->addAction(tr("Developer tools"));
    devTools->setObjectName(QStringLiteral("developerToolsAction"));
    devTools->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(devTools, &QAction::triggered, this, &MainWindow::openDevTools);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, &MainWindow::openShortcuts);
    QAction *about = help->addAction(tr("&About Natter"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::openAbout);
    m_shortcutActions = {settings, quit, jump, join, leave, m_membersAction, devTools, keys};
    m_shortcutActions << m_appearance->actions();
}

KeyboardShortcutsDialog *MainWindow::shortcutsDialog() const
{
    return m_shortcuts;
}

AboutDialog *MainWindow::aboutDialog() const
{
    return m_about;
}

void MainWindow::openShortcuts()
{
    if (!m_shortcuts) {
        m_shortcuts = new KeyboardShortcutsDialog(m_shortcutActions, this);
        m_shortcuts->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_shortcuts->show();
    m_shortcuts->raise();
    m_shortcuts->activateWindow();
}

void MainWindow::openAbout()
{
    if (!m_about) {
        m_about = new AboutDialog(this);
        m_about->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_about->show();
    m_about->raise();
    m_about->activateWindow();
}

int MainWindow::unreadTotal() const
{
    natter::chat::RoomListModel *rooms = m_session ? m_session->controller()->roomList() : nullptr;
    int total = 0;
    for (int row = 0; rooms && row < rooms->rowCount(); ++row)
        total += rooms->index(row, 0).data(natter::chat::RoomListModel::UnreadRole).toInt();
    return total;
}

void MainWindow::refreshProfiles()
{
    QString current = m_login->profileName();
    if (current.isEmpty())
        current = m_sessions->adHocProfile() ? m_sessions->adHocProfile()->name
                                             : m_profiles->lastProfile();
    m_login->setProfiles(m_sessions->profileNames(), current);
}

void MainWindow::showPage(Page page)
{
    m_page = page;
    m_stack->setCurrentWidget(page == Page::Login ? static_cast<QWidget *>(m_login) : m_chat);
    for (QAction *a : std::as_const(m_chatActions))
        a->setEnabled(page == Page::Chat);
    // The login page reports progress and failures itself.
    m_statusBar->setVisible(page == Page::Chat);
    if (page == Page::Login)
        m_login->setFocus();
    else
        m_chat->focusComposer();
    updateTitle();
    emit pageChanged(page);
}

void MainWindow::onSessionChanged(ChatSession *session)
{
    m_session = session;
    disconnect(m_outboxErrors);
    m_outboxBanner->hide();
    if (session) {
        natter::chat::Outbox *outbox = session->outbox();
        m_outboxErrors = connect(outbox, &natter::chat::Outbox::storageError, m_outboxBanner,
                                 &KeychainBanner::showMessage);
        // Found while opening (before anyone could connect): e.g. another Natter has the file.
        if (!outbox->lastError().isEmpty())
            m_outboxBanner->showMessage(outbox->lastError());
    }
    m_statusBar->setStatus(session ? session->controller()->status() : nullptr);
    if (m_devTools)
        m_devTools->setSession(session);
    m_picker->setRooms(session ? session->controller()->roomList() : nullptr);
    for (const auto &link : std::as_const(m_unreadLinks))
        disconnect(link);
    m_unreadLinks.clear();
    if (session) {
        natter::chat::RoomListModel *rooms = session->controller()->roomList();
        const auto update = [this] { updateTitle(); };
        m_unreadLinks << connect(rooms, &QAbstractItemModel::dataChanged, this, update)
                      << connect(rooms, &QAbstractItemModel::rowsInserted, this, update)
                      << connect(rooms, &QAbstractItemModel::rowsRemoved, this, update)
                      << connect(rooms, &QAbstractItemModel::modelReset, this, update);
    }
    updateTitle();
}

void MainWindow::onLoggedIn(ChatSession *session)
{
    m_session = session;
    m_login->setBusy(false);
    m_chat->setDraftStore(m_profiles, session->profile().name, session->user());
    m_chat->setController(session->controller());
    m_chat->setServerApi(session->serverApi());
    m_chat->showRoom(session->initialRoom());
    if (m_devTools)
        m_devTools->setSession(session);
    showPage(Page::Chat);
    qCInfo(lcUi) << "logged in as" << session->user() << "on" << session->profile().name;
}

void MainWindow::updateTitle()
{
    if (m_page == Page::Chat && m_session) {
        const QString room = m_chat->currentRoom();
        QString title = room.isEmpty()
            ? QStringLiteral("Natter — %1").arg(m_session->user())
            : QStringLiteral("Natter — #%1 — %2").arg(room, m_session->user());
        // What waits in the other rooms, visible in the task bar and the window switcher.
        if (const int unread = unreadTotal(); unread > 0)
            title.prepend(QStringLiteral("(%1) ").arg(unread));
        if (windowTitle() != title)
            setWindowTitle(title);
    } else {
        setWindowTitle(QStringLiteral("Natter"));
    }
}

void MainWindow::raiseAndActivate()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::openSettings(const QString &profile)
{
    if (!m_settings) {
        m_settings = new SettingsDialog(m_profiles, m_secrets, this);
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        if (m_uiSettings)
            m_settings->setSettingsFileName(m_uiSettings->fileName());
        m_settings->setCommandLineProfile(m_sessions->adHocProfile());
    }
    const auto adHoc = m_sessions->adHocProfile();
    if (!profile.isEmpty() && (m_profiles->profile(profile) || (adHoc && adHoc->name == profile)))
        m_settings->selectProfile(profile);
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

void MainWindow::openRoomPicker()
{
    if (m_page != Page::Chat)
        return;
    m_picker->popup(this);
}

void MainWindow::openDevTools()
{
    if (!m_devTools)
        m_devTools = new DevToolsWindow(m_uiSettings, this);
    m_devTools->setSession(m_session);
    m_devTools->show();
    m_devTools->raise();
    m_devTools->activateWindow();
}

void MainWindow::restoreWindowState()
{
    if (!m_uiSettings)
        return;
    const QByteArray geometry = m_uiSettings->value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray splitter = m_uiSettings->value(QStringLiteral("window/splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_chat->splitter()->restoreState(splitter);
    m_membersAction->setChecked(
        m_uiSettings->value(QStringLiteral("window/membersPanel"), true).toBool());
    // The panel's visibility is the page's business (narrow windows, no room), not the state's.
    m_chat->setMembersPanelWanted(m_membersAction->isChecked());
}

void MainWindow::saveWindowState()
{
    if (!m_uiSettings)
        return;
    m_uiSettings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_uiSettings->setValue(QStringLiteral("window/splitter"), m_chat->splitter()->saveState());
    m_uiSettings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (m_settings)
        m_settings->close();
    if (m_devTools)
        m_devTools->close();
    if (m_shortcuts)
        m_shortcuts->close();
    if (m_about)
        m_about->close();
    m_picker->hide();
    QMainWindow::closeEvent(event);
}

} // namespace natter::ui
