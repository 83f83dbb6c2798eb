#include "GeometryReporter.h"

#include "MainWindow.h"

#include <QEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace natter::ui {

GeometryReporter::GeometryReporter(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(250); // after layout and the window manager settled
    connect(m_timer, &QTimer::timeout, this, &GeometryReporter::print);
    connect(window, &MainWindow::pageChanged, m_timer, qOverload<>(&QTimer::start));
    window->installEventFilter(this);
}

bool GeometryReporter::enabledByEnvironment()
{
    return qEnvironmentVariableIntValue("NATTER_TEST_PRINT_GEOMETRY") == 1;
}

bool GeometryReporter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window
        && (event->type() == QEvent::Show || event->type() == QEvent::Resize
            || event->type() == QEvent::Move))
        m_timer->start();
    return QObject::eventFilter(watched, event);
}

void GeometryReporter::print()
{
    if (!m_window || !m_window->isVisible())
        return;
    const QString page = m_window->page() == MainWindow::Page::Login ? QStringLiteral("login")
                                                                     : QStringLiteral("chat");
    static const QStringList keyNames = {
        QStringLiteral("userNameField"),       QStringLiteral("profileBox"),
        QStringLiteral("loginButton"),         QStringLiteral("messageView"),
        QStringLiteral("messageEdit"),         QStringLiteral("sendButton"),
        QStringLiteral("memberList"),          QStringLiteral("roomList"),
        QStringLiteral("connectionStatusBar"), QStringLiteral("joinRoomButton"),
    };
    QJsonObject window{{QStringLiteral("type"), QStringLiteral("window")},
                       {QStringLiteral("page"), page},
                       {QStringLiteral("title"), m_window->windowTitle()},
                       {QStringLiteral("x"), m_window->frameGeometry().center().x()},
                       {QStringLiteral("y"), m_window->frameGeometry().center().y()},
                       {QStringLiteral("width"), m_window->width()},
                       {QStringLiteral("height"), m_window->height()}};
    QByteArray out = QJsonDocument(window).toJson(QJsonDocument::Compact) + '\n';
    for (const QString &objectName : keyNames) {
        const QWidget *w = m_window->findChild<QWidget *>(objectName);
        if (!w || !w->isVisible())
            continue;
        const QPoint centre = w->mapToGlobal(w->rect().center());
        const QJsonObject line{{QStringLiteral("type"), QStringLiteral("geometry")},
                               {QStringLiteral("page"), page},
                               {QStringLiteral("name"), w->accessibleName()},
                               {QStringLiteral("object"), objectName},
                               {QStringLiteral("x"), centre.x()},
                               {QStringLiteral("y"), centre.y()},
                               {QStringLiteral("width"), w->width()},
                               {QStringLiteral("height"), w->height()}};
        out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
}

} // namespace natter::ui
