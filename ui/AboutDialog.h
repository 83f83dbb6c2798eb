#pragma once

#include <QDialog>

class QLabel;

namespace natter::ui {

// Help → About Natter: the version, the versions of the libraries that matter when reporting a
// problem (Qt at run time; libnotify and simdjson as built against) and the licence. Non-modal.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // "Qt 6.4.2, libnotify 0.8.1, simdjson 3.0.1".
    static QString libraryVersions();
    QLabel *versionsLabel() const { return m_versions; }
    QLabel *licenceLabel() const { return m_licence; }

private:
    QLabel *m_versions;
    QLabel *m_licence;
};

} // namespace natter::ui
