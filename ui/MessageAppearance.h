#pragma once

#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSettings;
class QWidget;

namespace natter::ui {

class MessageView;

// View → Zoom In / Zoom Out / Actual Size (Ctrl+= or Ctrl++, Ctrl+-, Ctrl+0) and Compact Mode for
// the conversation: the message font is scaled in steps from 80 % to 200 %, compact mode packs
// the rows tighter and leaves the avatars out. Both are kept in the UI settings and applied to the
// attached views as they change. Ctrl+wheel over the messages zooms too.
class MessageAppearance : public QObject
{
    Q_OBJECT
public:
    static constexpr int Steps[] = {80, 90, 100, 110, 125, 150, 175, 200};
    static constexpr int DefaultZoom = 100;

    // `settings` (not owned; nullptr: nothing is remembered) holds view/zoom and view/compact.
    explicit MessageAppearance(QSettings *settings, QObject *parent = nullptr);

    // Scales the messages and, at the same zoom, the text being typed (`editor`, may be null).
    void attach(MessageView *view, QWidget *editor = nullptr);
    // Adds the zoom and compact actions to `menu`.
    void addToMenu(QMenu *menu);
    QList<QAction *> actions() const;

    int zoom() const { return m_zoom; }
    bool isCompact() const { return m_compact; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *zoomResetAction() const { return m_zoomReset; }
    QAction *compactAction() const { return m_compactAction; }

public slots:
    void setZoom(int percent); // snapped to the nearest step
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void setCompact(bool compact);

signals:
    void zoomChanged(int percent);
    void compactChanged(bool compact);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();
    static QFont scaled(const QFont &base, int percent);

    QSettings *m_settings;
    QPointer<MessageView> m_view;
    QPointer<QWidget> m_editor;
    QFont m_viewFont; // the attached widgets' own fonts at 100 %
    QFont m_editorFont;
    int m_zoom = DefaultZoom;
    bool m_compact = false;
    int m_wheelDelta = 0;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_zoomReset;
    QAction *m_compactAction;
};

} // namespace natter::ui
