#include "Composer.h"

#include "CharacterCounter.h"
#include "EmojiHighlighter.h"
#include "EmojiText.h"
#include "MessageEdit.h"
#include "ReplyBar.h"
#include "SymbolicIcon.h"
#include "ThemeColors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::ui {

Composer::Composer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composer"));
    m_typing = new QLabel(this);
    m_typing->setObjectName(QStringLiteral("typingIndicator"));
    m_typing->setTextFormat(Qt::PlainText);
    QFont tf = m_typing->font();
    tf.setItalic(true);
    m_typing->setFont(tf);
    // Reserve the line so the field does not jump when someone starts typing.
    m_typing->setMinimumHeight(m_typing->fontMetrics().height());

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("clientEventsNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setAutoFillBackground(true);
    m_notice->setMargin(8);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sendError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    m_edit = new MessageEdit(this);
    m_send = new QPushButton(SymbolicIcon::get(QStringLiteral("send")), tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setToolTip(tr("Send (Enter). Shift+Enter starts a new line."));
    m_send->setAutoDefault(false);
    m_counter = new CharacterCounter(this);
    new EmojiHighlighter(m_edit->document(), EmojiText::colorFamily());

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_counter, 0, Qt::AlignBottom);
    row->addWidget(m_send, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 0, 10, 8);
    layout->setSpacing(4);
    layout->addWidget(m_typing);
    layout->addWidget(m_notice);
    layout->addWidget(m_error);
    m_replyBar = new ReplyBar(this);
    layout->addWidget(m_replyBar);
    layout->addLayout(row);

    applyColors();
    connect(m_edit, &MessageEdit::submitted, this, &Composer::submit);
    connect(m_send, &QPushButton::clicked, this, &Composer::submit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::onTextChanged);
    setRoom({});
}

void Composer::applyColors()
{
    ThemeColors::setColor(m_typing, QPalette::WindowText, ThemeColors::dimText(palette()));
    ThemeColors::setColor(m_notice, QPalette::Window, ThemeColors::warningBackground(palette()));
    ThemeColors::setColor(m_error, QPalette::WindowText, ThemeColors::error(palette()));
}

void Composer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void Composer::setRoom(const QString &room)
{
    m_room = room;
    m_edit->setEnabled(!room.isEmpty());
    m_edit->setPlaceholderText(room.isEmpty() ? tr("Join a room to start chatting")
                                              : tr("Message #%1").arg(room));
    // QPlainTextEdit repaints only when the placeholder appears or disappears, not when its
    // text changes: without this the field can keep naming the previous room.
    m_edit->viewport()->update();
    setTypingUsers({});
    m_error->hide();
    updateSendEnabled();
}

void Composer::setTypingUsers(const QStringList &names)
{
    const QString text = typingText(names);
    m_typing->setText(text);
    m_typing->setAccessibleName(text);
}

QString Composer::typingText(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    case 3:
        return tr("%1, %2 and %3 are typing…").arg(names.at(0), names.at(1), names.at(2));
    default:
        return tr("Several people are typing…");
    }
}

void Composer::clearText()
{
    m_programmatic = true;
    m_edit->clear();
    m_programmatic = false;
    updateSendEnabled();
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::setText(const QString &text)
{
    m_programmatic = true;
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
    m_programmatic = false;
    updateSendEnabled();
}

void Composer::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void Composer::setClientEventsDisabled(const QString &serverMessage)
{
    QString text = tr(
        "This server does not accept client events, so messages cannot be sent. The server "
        "must have client events enabled for this app (Pusher: App Settings → Enable client "
        "events; soketi: SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true).");
    if (!serverMessage.isEmpty())
        text += u'\n' + tr("Server: %1").arg(serverMessage);
    m_notice->setText(text);
    m_notice->setAccessibleName(text);
    m_notice->show();
}

void Composer::submit()
{
    const QString text = m_edit->toPlainText();
    if (m_room.isEmpty() || text.trimmed().isEmpty())
        return;
    // Kept as typed or pasted (never cut), but not sent until it is short enough.
    if (m_counter->isOverLimit()) {
        showError(m_counter->reason());
        return;
    }
    emit sendRequested(text);
}

void Composer::onTextChanged()
{
    updateSendEnabled();
    emit textEdited(m_edit->toPlainText());
    if (m_programmatic)
        return;
    m_error->hide();
    if (!m_edit->toPlainText().isEmpty())
        emit typing();
}

void Composer::updateSendEnabled()
{
    const QString text = m_edit->toPlainText();
    m_counter->setCount(int(text.size()));
    const bool tooLong = m_counter->isOverLimit();
    m_send->setEnabled(!m_room.isEmpty() && !text.trimmed().isEmpty() && !tooLong);
    m_send->setToolTip(tooLong ? m_counter->reason()
                               : tr("Send (Enter). Shift+Enter starts a new line."));
    m_send->setAccessibleDescription(m_counter->reason());
}

void Composer::insertQuote(const QString &quote)
{
    if (quote.isEmpty())
        return;
    QString text = m_edit->toPlainText();
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text += u'\n';
    text += quote + u'\n';
    // Typed by the user (an edit, not a restored draft): it is saved and announces typing.
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
    m_edit->setFocus(Qt::OtherFocusReason);
}

} // namespace natter::ui
