// A minimal Qt Widgets window for checking the headless session's accessibility stack without
// Natter: a list "Messages", a field "Message" and a button "Send" that appends the field's text.
// Prints "ready" once shown. Used by tests/desktop/headless_selftest.sh.
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("natter-a11y-probe"));
    QWidget window;
    window.setWindowTitle(QStringLiteral("Natter a11y probe"));
    auto *layout = new QVBoxLayout(&window);
    auto *list = new QListWidget;
    list->setAccessibleName(QStringLiteral("Messages"));
    list->addItem(QStringLiteral("first line"));
    auto *edit = new QLineEdit;
    edit->setAccessibleName(QStringLiteral("Message"));
    auto *send = new QPushButton(QStringLiteral("Send"));
    send->setAccessibleName(QStringLiteral("Send"));
    layout->addWidget(list);
    layout->addWidget(edit);
    layout->addWidget(send);
    QObject::connect(send, &QPushButton::clicked, &window, [list, edit] {
        list->addItem(edit->text());
        edit->clear();
    });
    window.resize(400, 300);
    window.show();
    QTimer::singleShot(0, &window, [] {
        std::puts("ready");
        std::fflush(stdout);
    });
    return app.exec();
}
