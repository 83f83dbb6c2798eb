#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

namespace natter::desktop {

// One desktop notification, shaped like the Webkit API (createNotification(icon, title, body),
// show(), cancel()/close(), ondisplay/onclick/onclose/onerror). The fields may be changed and
// show() called again: a shown notification is then replaced in place, not stacked.
// Created by a Notifier; the creator owns it.
class Notification : public QObject
{
    Q_OBJECT
public:
    // The freedesktop.org NotificationClosed reasons.
    enum class CloseReason { Expired = 1, Dismissed = 2, Closed = 3, Undefined = 4 };
    Q_ENUM(CloseReason)

    // Action names as sent on the bus; "default" is the click on the notification itself.
    static constexpr const char *DefaultAction = "default";
    static constexpr const char *MarkReadAction = "mark-read";
    static constexpr const char *BlockOriginAction = "block-origin";
    static constexpr const char *ReplyAction = "inline-reply";

    struct Action
    {
        QString name;
        QString label;
        bool operator==(const Action &) const = default;
    };

    Notification(const QString &icon, const QString &title, const QString &body,
                 QObject *parent = nullptr);
    ~Notification() override;

    QString icon() const { return m_icon; }
    QString title() const { return m_title; }
    // Plain text: backends escape it when the server interprets markup.
    QString body() const { return m_body; }
    void setContent(const QString &icon, const QString &title, const QString &body);

    // Where it comes from (server host or cluster + app key), shown in the notification.
    QString origin() const { return m_origin; }
    void setOrigin(const QString &origin) { m_origin = origin; }
    // The sender's or room's picture, sent as pixels (the spec's image-data hint): the avatars
    // are painted, there is no file or icon name for them. Null: none.
    QImage image() const { return m_image; }
    void setImage(const QImage &image) { m_image = image; }
    QString category() const { return m_category; }
    void setCategory(const QString &category) { m_category = category; }
    // Freedesktop sound theme name; empty: silent.
    QString soundName() const { return m_soundName; }
    void setSoundName(const QString &name) { m_soundName = name; }
    QList<Action> actions() const { return m_actions; }
    // Backends drop actions the server cannot show (inline-reply without that capability).
    void setActions(const QList<Action> &actions) { m_actions = actions; }

    bool isShown() const { return m_shown; }
    // The XDG activation token of the last click (empty if the server sent none).
    QByteArray activationToken() const { return m_activationToken; }

    virtual void show() = 0;
    virtual void close() = 0;

signals:
    void displayed();
    void clicked(); // the default action; activationToken() is set
    void actionInvoked(const QString &name);
    void replied(const QString &text);
    void closed(natter::desktop::Notification::CloseReason reason);
    void failed(const QString &why);

protected:
    // For backends: keep isShown() and the token in step with what the server reported.
    void reportDisplayed();
    void reportAction(const QString &name, const QByteArray &activationToken = {});
    void reportReplied(const QString &text);
    void reportClosed(CloseReason reason);
    void reportFailed(const QString &why);

private:
    QString m_icon;
    QString m_title;
    QString m_body;
    QString m_origin;
    QImage m_image;
    QString m_category = QStringLiteral("im.received");
    QString m_soundName;
    QList<Action> m_actions;
    QByteArray m_activationToken;
    bool m_shown = false;
};

} // namespace natter::desktop
