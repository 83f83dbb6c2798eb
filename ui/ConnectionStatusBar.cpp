#include "ConnectionStatusBar.h"

#include "PlainToolTip.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <chat/ConnectionStatus.h>

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>

namespace natter::ui {

using natter::chat::ConnectionStatus;

namespace {

QPixmap dot(const QColor &color, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pm;
}

} // namespace

ConnectionStatusBar::ConnectionStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    setObjectName(QStringLiteral("connectionStatusBar"));
    setAccessibleName(tr("Connection status"));
    setSizeGripEnabled(true);
    m_dot = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("connectionStatusText"));
    m_text->setTextFormat(Qt::PlainText);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("connectionStatusHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(false);
    m_hint->setSizePolicy(QSizePolicy::Ignored,
                          QSizePolicy::Preferred); // long hints clip; full text in the tool tip
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(SymbolicIcon::get(QStringLiteral("retry")), tr("Retry now"), this);
    m_retry->setObjectName(QStringLiteral("retryNowButton"));
    m_retry->setFlat(true);
    m_retry->hide();
    addWidget(m_dot);
    addWidget(m_text);
    addWidget(m_hint, 1);
    addPermanentWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_status)
            m_status->retryNow();
    });
    refresh();
}

void ConnectionStatusBar::setStatus(ConnectionStatus *status)
{
    disconnect(m_link);
    m_status = status;
    if (status)
        m_link = connect(status, &ConnectionStatus::changed, this, &ConnectionStatusBar::refresh);
    refresh();
}

void ConnectionStatusBar::changeEvent(QEvent *event)
{
    QStatusBar::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void ConnectionStatusBar::refresh()
{
    const QPalette pal = palette();
    QColor color = ThemeColors::dimText(pal);
    QString text = tr("Not connected");
    QString hint;
    bool retry = false;
    if (m_status) {
        text = m_status->text();
        hint = m_status->fixHint();
        switch (m_status->kind()) {
        case ConnectionStatus::Kind::Connected:
            color = QColor::fromHslF(140 / 360.0f, 0.55f, ThemeColors::isDark(pal) ? 0.55f : 0.40f);
            break;
        case ConnectionStatus::Kind::Connecting:
        case ConnectionStatus::Kind::Reconnecting:
            color = QColor::fromHslF(40 / 360.0f, 0.85f, ThemeColors::isDark(pal) ? 0.60f : 0.48f);
            retry = m_status->kind() == ConnectionStatus::Kind::Reconnecting;
            break;
        case ConnectionStatus::Kind::Offline:
            retry = true;
            break;
        case ConnectionStatus::Kind::Failed:
            color = ThemeColors::error(pal);
            retry = true;
            break;
        }
        retry = retry && m_status->connection();
    }
    m_dot->setPixmap(dot(color, 10, devicePixelRatioF()));
    m_text->setText(text);
    m_hint->setText(hint);
    m_hint->setToolTip(plainToolTip(hint)); // may quote a server's error text
    ThemeColors::setColor(m_hint, QPalette::WindowText, ThemeColors::dimText(pal));
    m_retry->setVisible(retry);
    setAccessibleDescription(hint.isEmpty() ? text : text + QStringLiteral(". ") + hint);
}

} // namespace natter::ui
