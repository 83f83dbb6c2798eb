#include "NotificationPromptBar.h"

#include "ThemeColors.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>

namespace natter::ui {

using natter::notify::Permission;

NotificationPromptBar::NotificationPromptBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("notificationPrompt"));
    setAccessibleName(tr("Notification permission"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("notificationPromptText"));
    m_label->setTextFormat(Qt::PlainText); // the origin comes from a server profile
    m_label->setWordWrap(true);
    m_allow = new QPushButton(tr("Allow"), this);
    m_allow->setAccessibleName(tr("Allow notifications"));
    m_block = new QPushButton(tr("Block"), this);
    m_block->setAccessibleName(tr("Block notifications"));
    m_notNow = new QPushButton(tr("Not now"), this);
    m_notNow->setAccessibleName(tr("Not now"));
    for (QPushButton *b : {m_allow, m_block, m_notNow}) {
        b->setFocusPolicy(Qt::StrongFocus);
        b->setAutoDefault(false);
    }

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_allow);
    layout->addWidget(m_block);
    layout->addWidget(m_notNow);

    connect(m_allow, &QPushButton::clicked, this, [this] { answer(Permission::Allowed); });
    connect(m_block, &QPushButton::clicked, this, [this] { answer(Permission::Denied); });
    connect(m_notNow, &QPushButton::clicked, this, [this] { answer(Permission::NotAsked); });
    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    esc->setContext(Qt::WidgetWithChildrenShortcut);
    connect(esc, &QShortcut::activated, this, [this] { answer(Permission::NotAsked); });
    applyColors();
    hide();
}

void NotificationPromptBar::ask(const QString &origin)
{
    m_origin = origin;
    const QString text = tr("Allow desktop notifications from %1?").arg(origin);
    m_label->setText(text);
    setAccessibleDescription(text);
    show();
}

void NotificationPromptBar::answer(Permission permission)
{
    if (isHidden())
        return;
    const bool hadFocus = isAncestorOf(QApplication::focusWidget());
    hide();
    if (hadFocus && parentWidget())
        parentWidget()->setFocus();
    emit answered(m_origin, permission);
}

void NotificationPromptBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void NotificationPromptBar::applyColors()
{
    const QPalette base = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    ThemeColors::setColor(this, QPalette::Window, base.color(QPalette::AlternateBase));
}

} // namespace natter::ui
