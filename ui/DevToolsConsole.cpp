#include "DevToolsConsole.h"

#include <chat/PrivateFiles.h>
#include <devtools/FrameExport.h>
#include <devtools/FrameFilterProxy.h>
#include <devtools/FrameLogModel.h>
#include <devtools/FrameRecorder.h>
#include <devtools/FrameWindowModel.h>

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace natter::ui {

using natter::devtools::FrameExport;
using natter::devtools::FrameLogModel;

namespace {
// Rows added above the window per scroll to its top: doubling, so the oldest of 50,000 entries
// is a few scrolls away.
constexpr int kOlderStep = natter::devtools::FrameWindowModel::DefaultWindow;
} // namespace

DevToolsConsole::DevToolsConsole(natter::devtools::FrameLogModel *log,
                                 natter::devtools::FrameRecorder *recorder, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_recorder(recorder)
{
    setAccessibleName(tr("Debug console"));
    // Attached to the log only while a filter is set: unfiltered, the list's window is over the
    // log itself, and a flood of frames does not pay for the proxy's mapping on every insert.
    m_proxy = new natter::devtools::FrameFilterProxy(this);
    m_window = new natter::devtools::FrameWindowModel(this);
    m_window->setSourceModel(log);

    m_filter = new QLineEdit(this);
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setPlaceholderText(tr("Filter: text, channel:NAME, event:NAME"));
    m_filter->setClearButtonEnabled(true);
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setAccessibleName(tr("Pause"));
    m_pause->setCheckable(true);
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setAccessibleName(tr("Clear"));
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setAccessibleName(tr("Copy"));
    copy->setToolTip(tr("Copy the selected frames as JSON lines (Ctrl+C)"));
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setAccessibleName(tr("Export"));
    exportButton->setToolTip(tr("Save the shown frames as JSON lines"));
    m_dropped = new QLabel(this);
    m_dropped->setTextFormat(Qt::PlainText);
    m_dropped->setAccessibleName(tr("Dropped frames"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_pause);
    top->addWidget(clear);
    top->addWidget(copy);
    top->addWidget(exportButton);
    top->addWidget(m_dropped);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_frames = new QListView(this);
    m_frames->setAccessibleName(tr("Frames"));
    m_frames->setModel(m_window);
    m_window->setSelectionModel(m_frames->selectionModel());
    m_frames->setUniformItemSizes(true); // no per-row size queries
    m_frames->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_frames->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frames->setFont(mono);
    m_details = new QPlainTextEdit(this);
    m_details->setAccessibleName(tr("Frame details"));
    m_details->setReadOnly(true);
    m_details->setFont(mono);
    m_details->setPlaceholderText(tr("Select a frame to see it here, pretty-printed."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_frames);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_notice = new QLabel(this);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setAccessibleName(tr("Console status"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_notice);

    auto *copyAction = new QAction(tr("Copy"), m_frames);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_frames->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &DevToolsConsole::copySelection);

    connect(m_filter, &QLineEdit::textChanged, this, &DevToolsConsole::setFilter);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_recorder->setPaused(paused);
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        m_pause->setAccessibleName(paused ? tr("Resume") : tr("Pause"));
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_log->clear();
        m_details->clear();
    });
    connect(copy, &QPushButton::clicked, this, &DevToolsConsole::copySelection);
    connect(exportButton, &QPushButton::clicked, this, &DevToolsConsole::chooseExportFile);
    connect(m_frames->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DevToolsConsole::showCurrent);
    connect(log, &FrameLogModel::droppedCountChanged, this, &DevToolsConsole::updateDropped);
    // Follow new frames while the list is scrolled to the end; stay put when the user scrolled up.
    connect(m_frames->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &DevToolsConsole::onScrolled);
    connect(m_window, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_frames->scrollToBottom();
    });
    updateDropped();
}

void DevToolsConsole::onScrolled(int value)
{
    const QScrollBar *bar = m_frames->verticalScrollBar();
    m_follow = value >= bar->maximum();
    // Reading back: the window only grows until the user is at the newest frames again.
    m_window->setTrimming(m_follow);
    if (value == bar->minimum() && bar->maximum() > bar->minimum() && m_window->hasOlder())
        showOlder();
}

void DevToolsConsole::showOlder()
{
    const int added = m_window->showOlder(qMax(kOlderStep, m_window->rowCount()));
    // The row that was at the top stays there; the older ones are above it, a scroll away.
    m_frames->scrollTo(m_window->index(added, 0), QAbstractItemView::PositionAtTop);
}

void DevToolsConsole::setFilter(const QString &filter)
{
    const bool filtered = !filter.trimmed().isEmpty();
    if (filtered && !m_proxy->sourceModel())
        m_proxy->setSourceModel(m_log);
    const auto filters = [this] {
        return QStringList{m_proxy->channelFilter(), m_proxy->eventFilter(), m_proxy->textFilter()};
    };
    const QStringList before = filters();
    m_proxy->setFilterString(filter);
    QAbstractItemModel *wanted = filtered ? static_cast<QAbstractItemModel *>(m_proxy) : m_log;
    if (m_window->sourceModel() == wanted && filters() == before)
        return;
    // The window moves to the newest rows of what the filter lets through (a narrower filter
    // could otherwise leave a few rows in it, too few to scroll up to the older ones).
    m_window->setSourceModel(wanted);
    if (!filtered)
        m_proxy->setSourceModel(nullptr);
    m_follow = true;
    m_window->setTrimming(true);
    m_frames->scrollToBottom();
    showCurrent();
}

void DevToolsConsole::updateDropped()
{
    m_dropped->setText(
        tr("%L1 dropped (buffer %L2)").arg(m_log->droppedCount()).arg(m_log->capacity()));
}

void DevToolsConsole::showCurrent()
{
    const QModelIndex current = m_frames->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const QString text = current.data(FrameLogModel::TextRole).toString();
    m_details->setPlainText(FrameExport::prettyJson(text));
}

int DevToolsConsole::logRow(const QModelIndex &shown) const
{
    const QModelIndex index = shown.model() == m_proxy ? m_proxy->mapToSource(shown)
                                                       : QModelIndex(shown);
    return index.isValid() && index.model() == m_log ? index.row() : -1;
}

QByteArray DevToolsConsole::jsonLines(QList<int> logRows) const
{
    std::sort(logRows.begin(), logRows.end());
    QByteArray out;
    for (int row : std::as_const(logRows)) {
        if (row >= 0)
            out += FrameExport::jsonLine(m_log->at(row));
    }
    return out;
}

QByteArray DevToolsConsole::selectedJsonLines() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_frames->selectionModel()->selectedRows())
        rows.append(logRow(m_window->mapToSource(i)));
    if (rows.isEmpty())
        return shownJsonLines();
    return jsonLines(rows);
}

QByteArray DevToolsConsole::shownJsonLines() const
{
    // Everything the filter lets through, above the window too.
    const QAbstractItemModel *model = m_window->sourceModel();
    QList<int> rows;
    const int count = model ? model->rowCount() : 0;
    rows.reserve(count);
    for (int row = 0; row < count; ++row)
        rows.append(logRow(model->index(row, 0)));
    return jsonLines(rows);
}

void DevToolsConsole::copySelection()
{
    const QByteArray lines = selectedJsonLines();
    QGuiApplication::clipboard()->setText(QString::fromUtf8(lines));
    m_notice->setText(tr("Copied %n frame(s) as JSON lines.", nullptr, int(lines.count('\n'))));
}

QString DevToolsConsole::exportTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    // Before any byte is written: frames are masked, but still nobody else's business.
    file.setPermissions(natter::chat::PrivateFiles::kFileMode);
    file.write(shownJsonLines());
    if (!file.commit())
        return file.errorString();
    return {};
}

void DevToolsConsole::chooseExportFile()
{
    // Not the static getSaveFileName(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Export frames"), QString(),
                                   tr("JSON lines (*.jsonl);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("jsonl"));
    dialog->selectFile(QStringLiteral("natter-frames.jsonl"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString error = exportTo(path);
        m_notice->setText(error.isEmpty() ? tr("Exported to %1.").arg(path)
                                          : tr("Export failed: %1").arg(error));
    });
    dialog->open();
}

} // namespace natter::ui
