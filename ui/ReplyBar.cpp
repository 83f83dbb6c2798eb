#include "ReplyBar.h"

#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace natter::ui {

ReplyBar::ReplyBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("replyBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("replyBarText"));
    // The quoted line and name come from other people: never rich text.
    m_label->setTextFormat(Qt::PlainText);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("replyBarCancel"));
    m_cancel->setIcon(SymbolicIcon::get(QStringLiteral("close")));
    m_cancel->setAutoRaise(true);
    m_cancel->setAccessibleName(tr("Cancel reply"));
    m_cancel->setToolTip(tr("Cancel reply (Esc)"));
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        clear();
        emit cancelled();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 2, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_cancel);
    ThemeColors::setColor(this, QPalette::Window,
                          ThemeColors::mix(palette().color(QPalette::Base),
                                           palette().color(QPalette::Highlight), 0.12));
    hide();
}

void ReplyBar::setReply(const QString &messageId, const QString &author, const QString &firstLine)
{
    m_messageId = messageId;
    m_full = author.isEmpty() ? tr("Replying to a message not loaded")
                              : tr("Replying to %1: %2").arg(author, firstLine);
    setAccessibleName(m_full);
    m_label->setToolTip(QString()); // the label is elided; the full line is the accessible name
    show();
    elide();
}

void ReplyBar::clear()
{
    m_messageId.clear();
    m_full.clear();
    m_label->clear();
    hide();
}

void ReplyBar::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    elide();
}

void ReplyBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        elide();
}

void ReplyBar::elide()
{
    const int width = qMax(40, m_label->width());
    m_label->setText(m_label->fontMetrics().elidedText(m_full, Qt::ElideRight, width));
    m_label->setAccessibleName(m_full);
}

} // namespace natter::ui
