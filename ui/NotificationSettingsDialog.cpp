#include "NotificationSettingsDialog.h"

#include "NotificationCenter.h"
#include "TrayIcon.h"

#include <chat/ChatController.h>
#include <chat/Room.h>
#include <desktop/Autostart.h>
#include <notify/NotificationPreferences.h>
#include <notify/PermissionStore.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::ui {

using natter::notify::Permission;
using natter::notify::RoomMode;

namespace {

QString permissionText(Permission p)
{
    switch (p) {
    case Permission::Allowed:
        return NotificationSettingsDialog::tr("allowed");
    case Permission::Denied:
        return NotificationSettingsDialog::tr("blocked");
    case Permission::NotAsked:
        break;
    }
    return NotificationSettingsDialog::tr("not asked");
}

} // namespace

NotificationSettingsDialog::NotificationSettingsDialog(NotificationCenter *center, TrayIcon *tray,
                                                       natter::chat::ChatController *controller,
                                                       const QString &origin,
                                                       const QString &program, QWidget *parent)
    : QDialog(parent)
    , m_center(center)
    , m_tray(tray)
    , m_controller(controller)
    , m_origin(origin)
    , m_autostartFile(std::make_unique<natter::desktop::Autostart>(program))
{
    setObjectName(QStringLiteral("notificationSettings"));
    setWindowTitle(tr("Notifications"));
    auto *layout = new QVBoxLayout(this);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notificationNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setText(center->notice());
    m_notice->setVisible(!center->notice().isEmpty());
    connect(center, &NotificationCenter::noticeChanged, m_notice, [this](const QString &text) {
        m_notice->setText(text);
        m_notice->setVisible(!text.isEmpty());
    });
    layout->addWidget(m_notice);

    auto *originsBox = new QGroupBox(tr("Servers allowed to notify"), this);
    auto *originsLayout = new QVBoxLayout(originsBox);
    m_origins = new QListWidget(originsBox);
    m_origins->setAccessibleName(tr("Notification permissions"));
    originsLayout->addWidget(m_origins);
    auto *originButtons = new QHBoxLayout;
    m_allow = new QPushButton(tr("Allow"), originsBox);
    m_block = new QPushButton(tr("Block"), originsBox);
    m_forget = new QPushButton(tr("Forget"), originsBox);
    m_forget->setToolTip(tr("Ask again the next time a message arrives"));
    for (QPushButton *b : {m_allow, m_block, m_forget})
        originButtons->addWidget(b);
    originButtons->addStretch();
    originsLayout->addLayout(originButtons);
    layout->addWidget(originsBox);
    const auto selected = [this] {
        QListWidgetItem *item = m_origins->currentItem();
        return item ? item->data(Qt::UserRole).toString() : QString();
    };
    auto *permissions = center->permissions();
    connect(m_allow, &QPushButton::clicked, this, [=] {
        if (!selected().isEmpty())
            permissions->setPermission(selected(), Permission::Allowed);
    });
    connect(m_block, &QPushButton::clicked, this, [=] {
        if (!selected().isEmpty())
            permissions->setPermission(selected(), Permission::Denied);
    });
    connect(m_forget, &QPushButton::clicked, this, [=] {
        if (!selected().isEmpty())
            permissions->forget(selected());
    });
    connect(permissions, &natter::notify::PermissionStore::permissionChanged, this,
            &NotificationSettingsDialog::reloadOrigins);

    auto *roomsBox = new QGroupBox(tr("Rooms"), this);
    m_rooms = new QFormLayout(roomsBox);
    layout->addWidget(roomsBox);

    auto *general = new QGroupBox(tr("General"), this);
    auto *form = new QFormLayout(general);
    m_sound = new QCheckBox(tr("Play a sound"), general);
    m_sound->setChecked(center->preferences()->soundEnabled());
    connect(m_sound, &QCheckBox::toggled, center->preferences(),
            &natter::notify::NotificationPreferences::setSoundEnabled);
    form->addRow(m_sound);
    m_dnd = new QComboBox(general);
    m_dnd->setAccessibleName(tr("Do not disturb"));
    m_dnd->addItems({tr("Off"), tr("For 1 hour"), tr("Until tomorrow")});
    m_dnd->setCurrentIndex(center->isDoNotDisturb() ? 2 : 0);
    connect(m_dnd, &QComboBox::activated, this, [this](int index) {
        if (index == 1)
            m_center->setDoNotDisturbFor(60 * 60 * 1000);
        else if (index == 2)
            m_center->setDoNotDisturbUntilTomorrow();
        else
            m_center->clearDoNotDisturb();
    });
    form->addRow(tr("Do not disturb:"), m_dnd);
    m_closeToTray = new QCheckBox(tr("Close to tray"), general);
    m_startMinimized = new QCheckBox(tr("Start minimized in the tray"), general);
    form->addRow(m_closeToTray);
    form->addRow(m_startMinimized);
    m_autostart = new QCheckBox(tr("Start Natter at login"), general);
    m_autostart->setChecked(m_autostartFile->isEnabled());
    form->addRow(m_autostart);
    m_autostartError = new QLabel(general);
    m_autostartError->setTextFormat(Qt::PlainText);
    m_autostartError->hide();
    form->addRow(m_autostartError);
    layout->addWidget(general);
    if (m_tray) {
        connect(m_closeToTray, &QCheckBox::toggled, m_tray, &TrayIcon::setCloseToTray);
        connect(m_startMinimized, &QCheckBox::toggled, m_tray, &TrayIcon::setStartMinimized);
        connect(m_tray, &TrayIcon::availableChanged, this,
                &NotificationSettingsDialog::updateTrayOptions);
    }
    connect(m_autostart, &QCheckBox::toggled, this, [this](bool on) {
        const bool minimized = m_tray && m_tray->isAvailable() && m_tray->startMinimized();
        const bool ok = m_autostartFile->setEnabled(on, minimized);
        m_autostartError->setText(ok ? QString() : m_autostartFile->errorString());
        m_autostartError->setVisible(!ok);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);

    reloadOrigins();
    reloadRooms();
    updateTrayOptions();
}

NotificationSettingsDialog::~NotificationSettingsDialog() = default;

QComboBox *NotificationSettingsDialog::roomModeBox(const QString &room) const
{
    return findChild<QComboBox *>(QStringLiteral("roomMode-") + room);
}

void NotificationSettingsDialog::reloadOrigins()
{
    const QString current = m_origins->currentItem()
        ? m_origins->currentItem()->data(Qt::UserRole).toString()
        : QString();
    m_origins->clear();
    auto *permissions = m_center->permissions();
    QStringList origins = permissions->origins();
    if (!m_origin.isEmpty() && !origins.contains(m_origin))
        origins.prepend(m_origin);
    for (const QString &origin : std::as_const(origins)) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(origin, permissionText(permissions->checkPermission(origin))),
            m_origins);
        item->setData(Qt::UserRole, origin);
        if (origin == current)
            m_origins->setCurrentItem(item);
    }
}

void NotificationSettingsDialog::reloadRooms()
{
    while (m_rooms->rowCount() > 0)
        m_rooms->removeRow(0);
    if (!m_controller) {
        m_rooms->addRow(new QLabel(tr("Log in to choose per-room notifications.")));
        return;
    }
    auto *preferences = m_center->preferences();
    for (natter::chat::Room *room : m_controller->rooms()) {
        auto *box = new QComboBox;
        box->setObjectName(QStringLiteral("roomMode-") + room->name());
        box->setAccessibleName(tr("Notifications for #%1").arg(room->name()));
        box->addItem(tr("All messages"), int(RoomMode::All));
        box->addItem(tr("Mentions only"), int(RoomMode::Mentions));
        box->addItem(tr("Muted"), int(RoomMode::Muted));
        box->setCurrentIndex(int(preferences->roomMode(m_origin, room->name())));
        const QString name = room->name();
        connect(box, &QComboBox::activated, this, [this, box, name] {
            m_center->preferences()->setRoomMode(m_origin, name,
                                                 RoomMode(box->currentData().toInt()));
        });
        m_rooms->addRow(QStringLiteral("#") + room->name(), box);
    }
}

void NotificationSettingsDialog::updateTrayOptions()
{
    // Without a tray these would hide the window with no way back.
    const bool tray = m_tray && m_tray->isAvailable();
    m_closeToTray->setVisible(tray);
    m_startMinimized->setVisible(tray);
    if (tray) {
        const QSignalBlocker a(m_closeToTray), b(m_startMinimized);
        m_closeToTray->setChecked(m_tray->closeToTray());
        m_startMinimized->setChecked(m_tray->startMinimized());
    }
}

} // namespace natter::ui
