#pragma once

#include <QObject>
#include <QPointer>

#include "MainWindow.h"

class QTimer;

namespace natter::ui {

class MainWindow;

// Test hook (NATTER_TEST_PRINT_GEOMETRY=1): whenever the page changes (and after the window is
// shown, moved or resized) prints one JSON line per key widget to stdout:
//   {"type":"geometry","page":"login","name":"User name","object":"userNameField",
//    "x":640,"y":312,"width":300,"height":30}
// x/y are the widget's centre in global screen coordinates, for xdotool.
class GeometryReporter : public QObject
{
    Q_OBJECT
public:
    explicit GeometryReporter(MainWindow *window);

    static bool enabledByEnvironment();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void print();

    QPointer<MainWindow> m_window;
    QTimer *m_timer;
};

} // namespace natter::ui
