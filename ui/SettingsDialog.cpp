#include "SettingsDialog.h"

#include "KeychainBanner.h"
#include "LogUi.h"
#include "PlainToolTip.h"
#include "ProfileEditor.h"
#include "ProfileSecrets.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/ProfileStore.h>

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace natter::ui {

using natter::chat::ProfileStore;
using natter::chat::ServerProfile;

namespace {
constexpr int NameRole = Qt::UserRole;
constexpr int CommandLineRole = Qt::UserRole + 1;
} // namespace

SettingsDialog::SettingsDialog(ProfileStore *profiles, ProfileSecrets *secrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Natter Settings"));
    setAccessibleName(tr("Settings"));
    setModal(false);

    m_banner = new KeychainBanner(this);
    m_banner->setSettingsButtonVisible(false);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Server profiles"));
    m_add = new QPushButton(SymbolicIcon::get(QStringLiteral("add")), tr("&Add"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    m_editor = new ProfileEditor(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    m_save->setDefault(true);
    // Ours, not QDialogButtonBox::Close: Qt's own translations are often not installed.
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("closeSettings"));
    // Save must not close the dialog: handle the buttons ourselves.
    connect(m_save, &QPushButton::clicked, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Server profiles"), this));
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    auto *body = new QHBoxLayout;
    body->addLayout(left);
    body->addWidget(scroll, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    // Never narrower than the editor's content (long German labels): no horizontal scroll bar,
    // nothing cut off. The editor's rows come and go with the profile type, so follow it.
    m_scroll = scroll;
    m_editor->installEventFilter(this);
    fitEditor();
    resize(QSize(760, 560).expandedTo(minimumSizeHint()));

    m_confirmRemove = new QTimer(this);
    m_confirmRemove->setSingleShot(true);
    m_confirmRemove->setInterval(4000);
    connect(m_confirmRemove, &QTimer::timeout, this, [this] { m_remove->setText(tr("&Remove")); });

    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsDialog::onCurrentRowChanged);
    connect(m_add, &QPushButton::clicked, this, &SettingsDialog::startNewProfile);
    connect(m_remove, &QPushButton::clicked, this, &SettingsDialog::removeSelected);
    connect(m_editor, &ProfileEditor::changed, this, [this] { showStatus({}); });
    if (m_secrets) {
        connect(m_secrets, &ProfileSecrets::keychainUnavailable, m_banner,
                &KeychainBanner::showReason);
        if (m_secrets->keychainFailed())
            m_banner->showReason(m_secrets->keychainFailure());
    }
    reloadList(m_profiles->lastProfile());
}

bool SettingsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::LayoutRequest)
        fitEditor();
    return QDialog::eventFilter(watched, event);
}

void SettingsDialog::fitEditor()
{
    const int width = m_editor->minimumSizeHint().width()
        + m_scroll->verticalScrollBar()->sizeHint().width() + 2 * m_scroll->frameWidth();
    if (m_scroll->minimumWidth() != width)
        m_scroll->setMinimumWidth(width);
}

void SettingsDialog::setSettingsFileName(const QString &path)
{
    m_editor->setSettingsFileName(path);
}

QString SettingsDialog::profileNameOf(const QListWidgetItem *item)
{
    return item ? item->data(NameRole).toString() : QString();
}

void SettingsDialog::setCommandLineProfile(const std::optional<ServerProfile> &profile)
{
    m_commandLine = profile;
    reloadList(profile ? profile->name : m_profiles->lastProfile());
}

void SettingsDialog::reloadList(const QString &select)
{
    m_reloading = true;
    m_list->clear();
    int row = -1;
    if (m_commandLine) {
        auto *item = new QListWidgetItem(tr("%1 (from the command line)").arg(m_commandLine->name));
        item->setData(NameRole, m_commandLine->name);
        item->setData(CommandLineRole, true);
        item->setToolTip(tr("Made from --host, --port and --key for this run; not saved."));
        m_list->addItem(item);
        if (m_commandLine->name == select)
            row = 0;
    }
    const QList<ServerProfile> all = m_profiles->profiles();
    for (const ServerProfile &p : all) {
        auto *item = new QListWidgetItem(p.name);
        item->setData(NameRole, p.name);
        m_list->addItem(item);
        if (p.name == select && row < 0)
            row = m_list->count() - 1;
    }
    m_reloading = false;
    fitList();
    if (m_list->count() == 0) {
        startNewProfile();
        return;
    }
    m_list->setCurrentRow(row >= 0 ? row : 0);
    onCurrentRowChanged(m_list->currentRow());
}

void SettingsDialog::selectProfile(const QString &name)
{
    for (int row = 0; row < m_list->count() && !name.isEmpty(); ++row) {
        if (profileNameOf(m_list->item(row)) == name) {
            m_list->setCurrentRow(row);
            return;
        }
    }
    startNewProfile();
}

void SettingsDialog::startNewProfile()
{
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    ServerProfile fresh;
    fresh.kind = ServerProfile::Kind::SelfHosted;
    fresh.host = QStringLiteral("127.0.0.1");
    fresh.port = 6001;
    fresh.tls = false;
    m_editor->setProfile(fresh);
    m_editor->setSecretPlaceholder(tr("Not set"));
    m_editor->nameField()->setFocus();
    m_remove->setEnabled(false);
    showStatus(tr("New profile: fill in the server details and press Save."));
}

void SettingsDialog::onCurrentRowChanged(int row)
{
    if (m_reloading || row < 0)
        return;
    const QListWidgetItem *item = m_list->item(row);
    const bool commandLine = item->data(CommandLineRole).toBool() && m_commandLine;
    const auto profile = commandLine ? m_commandLine : m_profiles->profile(profileNameOf(item));
    if (!profile)
        return;
    m_editor->setProfile(*profile);
    // Nothing is stored for it, so nothing to remove: it goes when Natter runs without them.
    m_remove->setEnabled(!commandLine);
    m_remove->setText(tr("&Remove"));
    if (commandLine) {
        showStatus(tr("This profile comes from the command line and lasts until Natter quits. "
                      "Save keeps it as a profile of its own."));
        m_editor->setSecretPlaceholder(tr("Given on the command line; type to save one"));
        return;
    }
    showStatus({});
    refreshSecretPlaceholder(*profile);
}

void SettingsDialog::refreshSecretPlaceholder(const ServerProfile &profile)
{
    if (!m_secrets)
        return;
    m_editor->setSecretPlaceholder(tr("Checking the keychain…"));
    const int request = ++m_placeholderRequest;
    QPointer<SettingsDialog> self(this);
    m_secrets->read(profile, ProfileSecrets::kindFor(profile),
                    [self, request, profile](const ProfileSecrets::Result &r) {
                        if (!self || request != self->m_placeholderRequest)
                            return;
                        QString text;
                        if (r.ok && profile.allowPlainTextSecret && !r.sessionOnly)
                            text = tr("Stored unencrypted; type to replace");
                        else if (r.ok && r.sessionOnly)
                            text = tr("Kept in memory for this run; type to replace");
                        else if (r.ok)
                            text = tr("Stored in the keychain; type to replace");
                        else if (r.notFound)
                            text = profile.authMode == ServerProfile::AuthMode::LocalSigning
                                ? tr("Not set")
                                : tr("None (optional)");
                        else
                            text = tr("Keychain not available");
                        self->m_editor->setSecretPlaceholder(text);
                    });
}

void SettingsDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    ThemeColors::setColor(m_status, QPalette::WindowText,
                          error ? ThemeColors::error(palette())
                                : palette().color(QPalette::WindowText));
}

void SettingsDialog::save()
{
    const QString why = m_editor->validate();
    if (!why.isEmpty()) {
        showStatus(why, true);
        emit saveFinished(m_editor->profile().name, false);
        return;
    }
    const ServerProfile profile = m_editor->profile();
    const QString original = m_editor->originalName();
    if (profile.name != original && m_profiles->profile(profile.name)) {
        showStatus(tr("A profile named “%1” already exists: choose another name.").arg(profile.name),
                   true);
        emit saveFinished(profile.name, false);
        return;
    }
    const std::optional<ServerProfile> before = original.isEmpty() ? std::nullopt
                                                                   : m_profiles->profile(original);
    const QString typed = m_editor->secret();
    m_profiles->save(profile, original);
    m_editor->setProfile(profile); // now the original; clears the secret fields
    qCInfo(lcUi) << "saved profile" << profile.name;

    QPointer<SettingsDialog> self(this);
    const auto kind = ProfileSecrets::kindFor(profile);
    auto done = [self, profile](const ProfileSecrets::Result &r) {
        if (self)
            self->finishSave(profile, r.sessionOnly, r.ok ? QString() : r.error);
    };
    if (!m_secrets) {
        finishSave(profile, false, {});
        return;
    }
    if (!typed.isEmpty()) {
        // A new secret: written where the profile says; the old name's copies go away.
        if (before && before->name != profile.name) {
            m_secrets->rename(*before, profile,
                              [self, profile, kind, typed, done](const ProfileSecrets::Result &) {
                                  if (self && self->m_secrets)
                                      self->m_secrets->write(profile, kind, typed, done);
                              });
        } else {
            m_secrets->write(profile, kind, typed, done);
        }
        return;
    }
    if (before
        && (before->name != profile.name
            || before->allowPlainTextSecret != profile.allowPlainTextSecret)) {
        // Renamed, or the storage choice changed: move what is stored.
        if (before->name != profile.name) {
            m_secrets->rename(*before, profile, done);
        } else {
            m_secrets->read(*before, kind,
                            [self, profile, kind, done](const ProfileSecrets::Result &found) {
                                if (!self || !self->m_secrets)
                                    return;
                                if (!found.ok) {
                                    ProfileSecrets::Result r = found;
                                    r.ok = found.notFound; // nothing to move is fine
                                    done(r);
                                    return;
                                }
                                self->m_secrets->write(profile, kind, found.value, done);
                            });
        }
        return;
    }
    finishSave(profile, false, {});
}

void SettingsDialog::finishSave(const ServerProfile &profile, bool sessionOnly, const QString &error)
{
    reloadList(profile.name);
    if (!error.isEmpty())
        showStatus(tr("Saved the profile, but not its secret: %1").arg(error), true);
    else if (sessionOnly)
        showStatus(
            tr("Saved. The system keychain is not available, so the secret is kept in memory until "
               "Natter quits."));
    else if (profile.allowPlainTextSecret)
        showStatus(
            tr("Saved. Its secret is stored unencrypted in the settings file, as you chose."));
    else
        showStatus(tr("Saved."));
    emit saved(profile.name);
    emit saveFinished(profile.name, error.isEmpty());
}

void SettingsDialog::removeSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (!m_confirmRemove->isActive()) {
        // Two clicks, no modal question: the button asks for confirmation for a few seconds.
        m_remove->setText(tr("Click again to remove"));
        m_confirmRemove->start();
        return;
    }
    m_confirmRemove->stop();
    m_remove->setText(tr("&Remove"));
    if (item->data(CommandLineRole).toBool())
        return;
    const QString name = profileNameOf(item);
    const auto profile = m_profiles->profile(name);
    m_profiles->remove(name);
    if (profile && m_secrets) {
        m_secrets->remove(*profile, ProfileSecrets::Kind::Token,
                          [](const ProfileSecrets::Result &) {});
        m_secrets->remove(*profile, ProfileSecrets::Kind::AppSecret,
                          [](const ProfileSecrets::Result &) {});
    }
    showStatus(tr("Removed the profile “%1” and its secrets.").arg(name));
    reloadList({});
}

void SettingsDialog::fitList()
{
    // Wide enough for every row ("127.0.0.1:PORT (von der Befehlszeile)" scrolled sideways in
    // German), up to MaxListWidth; a longer name is elided in the middle (host and port stay
    // readable), the whole of it in the tooltip. Room for the vertical scroll bar is kept so
    // that its appearing never brings a horizontal one.
    constexpr int MinListWidth = 150;
    constexpr int MaxListWidth = 320;
    const int chrome = 2 * m_list->frameWidth() + m_list->verticalScrollBar()->sizeHint().width();
    const int maxRow = MaxListWidth - chrome;
    const QFontMetrics metrics = m_list->fontMetrics();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const int excess = m_list->sizeHintForIndex(m_list->model()->index(row, 0)).width()
            - maxRow;
        if (excess <= 0)
            continue;
        const QString full = item->text();
        item->setText(
            metrics.elidedText(full, Qt::ElideMiddle, metrics.horizontalAdvance(full) - excess));
        // The command-line row explains itself in its tool tip: the name goes first.
        const QString why = item->data(CommandLineRole).toBool()
            ? tr("Made from --host, --port and --key for this run; not saved.")
            : QString();
        item->setToolTip(plainToolTip(why.isEmpty() ? full : full + u'\n' + why));
    }
    const int width = qBound(MinListWidth, m_list->sizeHintForColumn(0) + chrome, MaxListWidth);
    m_list->setMinimumWidth(width);
}

} // namespace natter::ui
