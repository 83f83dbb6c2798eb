#include "KeychainBanner.h"

#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace natter::ui {

KeychainBanner::KeychainBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("keychainBanner"));
    setAccessibleName(tr("Keychain warning"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    m_icon = new QLabel(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("keychainBannerText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settings = new QPushButton(tr("Settings…"), this);
    m_settings->setObjectName(QStringLiteral("keychainBannerSettings"));
    m_close = new QToolButton(this);
    m_close->setIcon(SymbolicIcon::get(QStringLiteral("close")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Hide"));
    m_close->setAccessibleName(tr("Hide keychain warning"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_settings, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_settings, &QPushButton::clicked, this, &KeychainBanner::settingsRequested);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    applyColors();
    hide();
}

void KeychainBanner::setSettingsButtonVisible(bool visible)
{
    m_settings->setVisible(visible);
}

void KeychainBanner::showReason(const QString &reason)
{
    QString text = tr(
        "Natter cannot use the system keychain, so secrets are kept in memory until Natter "
        "quits and you will be asked again next time.");
    if (!reason.isEmpty())
        text += u' ' + tr("Details: %1").arg(reason);
    showMessage(text);
}

void KeychainBanner::showMessage(const QString &text)
{
    m_label->setText(text);
    setAccessibleDescription(text);
    show();
}

void KeychainBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void KeychainBanner::applyColors()
{
    m_icon->setPixmap(
        SymbolicIcon::get(QStringLiteral("warning")).pixmap(QSize(18, 18), devicePixelRatioF()));
    ThemeColors::setColor(this, QPalette::Window,
                          ThemeColors::warningBackground(parentWidget() ? parentWidget()->palette()
                                                                        : QApplication::palette()));
}

} // namespace natter::ui
