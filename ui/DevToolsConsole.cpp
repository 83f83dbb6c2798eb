#include "DevToolsConsole.h"

#include <chat/PrivateFiles.h>
#include <devtools/FrameExport.h>
#include <devtools/FrameFilterProxy.h>
#include <devtools/FrameLogModel.h>
#include <devtools/FrameRecorder.h>

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

DevToolsConsole::DevToolsConsole(natter::devtools::FrameLogModel *log,
                                 natter::devtools::FrameRecorder *recorder, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_recorder(recorder)
{
    setAccessibleName(tr("Debug console"));
    // Attached to the log only while a filter is set: unfiltered, the list shows the log itself,
    // and a flood of frames does not pay for the proxy's mapping on every insert.
    m_proxy = new natter::devtools::FrameFilterProxy(this);

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
    m_frames->setModel(log);
    m_frames->setUniformItemSizes(true); // 50,000 rows: no per-row size queries
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
    watchSelection();
    connect(log, &FrameLogModel::droppedCountChanged, this, &DevToolsConsole::updateDropped);
    // Follow new frames while the list is scrolled to the end; stay put when the user scrolled up.
    connect(m_frames->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= m_frames->verticalScrollBar()->maximum(); });
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_log), static_cast<QAbstractItemModel *>(m_proxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, [this, model] {
            if (m_follow && m_frames->model() == model)
                m_frames->scrollToBottom();
        });
    }
    updateDropped();
}

void DevToolsConsole::setFilter(const QString &filter)
{
    const bool filtered = !filter.trimmed().isEmpty();
    if (filtered && !m_proxy->sourceModel())
        m_proxy->setSourceModel(m_log);
    m_proxy->setFilterString(filter);
    QAbstractItemModel *wanted = filtered ? static_cast<QAbstractItemModel *>(m_proxy) : m_log;
    if (m_frames->model() == wanted)
        return;
    m_frames->setModel(wanted); // a new selection model: watch it
    watchSelection();
    if (!filtered)
        m_proxy->setSourceModel(nullptr);
    m_frames->scrollToBottom();
    showCurrent();
}

void DevToolsConsole::watchSelection()
{
    connect(m_frames->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DevToolsConsole::showCurrent);
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

QByteArray DevToolsConsole::jsonLines(const QList<int> &viewRows) const
{
    QAbstractItemModel *model = m_frames->model();
    QByteArray out;
    for (int row : viewRows) {
        const QModelIndex index = model->index(row, 0);
        const QModelIndex source = model == m_proxy ? m_proxy->mapToSource(index) : index;
        if (source.isValid())
            out += FrameExport::jsonLine(m_log->at(source.row()));
    }
    return out;
}

QByteArray DevToolsConsole::selectedJsonLines() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_frames->selectionModel()->selectedRows())
        rows.append(i.row());
    if (rows.isEmpty())
        return shownJsonLines();
    std::sort(rows.begin(), rows.end());
    return jsonLines(rows);
}

QByteArray DevToolsConsole::shownJsonLines() const
{
    QList<int> rows;
    const int count = m_frames->model()->rowCount();
    rows.reserve(count);
    for (int row = 0; row < count; ++row)
        rows.append(row);
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
