// The Debug console's window over the frame log: the newest rows only, so the list's cost does
// not grow with the log (issue 11, "must not affect the throughput benchmark by more than 5 %").
// The model under QAbstractItemModelTester as entries are appended and dropped, over the filter,
// with a selection; then the console: the list stays small under 50,000 entries, scrolling up
// reaches the oldest kept entry, copy and export still cover what is above the window.
#include <devtools/FrameFilterProxy.h>
#include <devtools/FrameLogModel.h>
#include <devtools/FrameRecorder.h>
#include <devtools/FrameWindowModel.h>

#include "DevToolsConsole.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace natter::devtools;
using natter::ui::DevToolsConsole;

namespace {

constexpr qint64 kT0 = 1700000000000;

FrameEntry entry(int n, const QString &channel)
{
    FrameEntry e;
    e.timeMs = kT0 + n;
    e.kind = FrameEntry::Kind::In;
    e.event = QStringLiteral("new_message");
    e.channel = channel;
    e.text = QStringLiteral("{\"event\":\"new_message\",\"channel\":\"%1\",\"data\":{\"n\":%2}}")
                 .arg(channel)
                 .arg(n);
    e.size = int(e.text.size());
    return e;
}

// Entries from..from+count-1; every third on "odd", the rest on "lobby".
std::vector<FrameEntry> batch(int from, int count)
{
    std::vector<FrameEntry> out;
    for (int n = from; n < from + count; ++n)
        out.push_back(entry(n, n % 3 == 0 ? QStringLiteral("odd") : QStringLiteral("lobby")));
    return out;
}

// Which entry a row of any of these models shows.
int entryAt(const QAbstractItemModel *model, int row)
{
    return int(model->index(row, 0).data(FrameLogModel::TimeRole).toLongLong() - kT0);
}

} // namespace

class TestFrameWindow : public QObject
{
    Q_OBJECT
private slots:
    void showsTheNewestRowsAsEntriesArriveAndGo()
    {
        FrameLogModel log(nullptr, 100);
        FrameWindowModel window(nullptr, 10);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.setSourceModel(&log);
        QCOMPARE(window.rowCount(), 0);
        log.append(batch(0, 4));
        QCOMPARE(window.rowCount(), 4);
        QCOMPARE(entryAt(&window, 0), 0);
        // 14 rows: 4 over the window, under half a window, so not trimmed yet (one relayout
        // per half window, not one per batch).
        log.append(batch(4, 10));
        QCOMPARE(window.rowCount(), 14);
        log.append(batch(14, 3)); // 17: trimmed to the newest 10
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(window.firstSourceRow(), 7);
        QCOMPARE(entryAt(&window, 0), 7);
        QCOMPARE(entryAt(&window, 9), 16);
        QCOMPARE(window.index(3).data().toString(), log.index(10).data().toString());
        QCOMPARE(window.mapToSource(window.index(3)), log.index(10));

        // The log drops its oldest at capacity: above the window, nothing the list sees moves.
        log.append(batch(17, 90)); // 107 entries, 100 kept
        QCOMPARE(log.droppedCount(), quint64(7));
        QVERIFY(window.rowCount() >= 10 && window.rowCount() < 15);
        QCOMPARE(entryAt(&window, window.rowCount() - 1), 106);
        QCOMPARE(window.firstSourceRow() + window.rowCount(), log.rowCount());
        for (int row = 0; row < window.rowCount(); ++row)
            QCOMPARE(entryAt(&window, row), entryAt(&log, window.sourceRow(row)));

        log.clear();
        QCOMPARE(window.rowCount(), 0);
        QVERIFY(!window.hasOlder());
    }

    void growsUpwardsWhileTheUserReadsBack()
    {
        FrameLogModel log(nullptr, 100);
        FrameWindowModel window(nullptr, 10);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.append(batch(0, 40));
        window.setSourceModel(&log);
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(window.firstSourceRow(), 30);
        window.setTrimming(false);
        QCOMPARE(window.showOlder(25), 25);
        QCOMPARE(entryAt(&window, 0), 5);
        log.append(batch(40, 20)); // not trimmed while reading
        QCOMPARE(window.rowCount(), 55);
        QCOMPARE(window.showOlder(1000), 5); // no further than the oldest kept entry
        QVERIFY(!window.hasOlder());
        QCOMPARE(entryAt(&window, 0), 0);
        // The log drops entries the window shows: they leave the list too.
        log.append(batch(60, 45)); // 105: the 5 oldest dropped
        QCOMPARE(window.rowCount(), 100);
        QCOMPARE(entryAt(&window, 0), 5);
        window.setTrimming(true); // back at the newest
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(entryAt(&window, 9), 104);
    }

    void windowsTheFilter()
    {
        FrameLogModel log(nullptr, 1000);
        FrameFilterProxy proxy;
        proxy.setSourceModel(&log);
        FrameWindowModel window(nullptr, 10);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.append(batch(0, 60));
        proxy.setFilterString(QStringLiteral("channel:odd"));
        window.setSourceModel(&proxy);
        QCOMPARE(proxy.rowCount(), 20); // 0, 3, ..., 57
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(entryAt(&window, 0), 30);
        QCOMPARE(entryAt(&window, 9), 57);
        log.append(batch(60, 30)); // 10 more on "odd": trimmed to the newest 10
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(entryAt(&window, 9), 87);
        for (int row = 0; row < window.rowCount(); ++row)
            QCOMPARE(window.index(row).data(FrameLogModel::ChannelRole).toString(),
                     QStringLiteral("odd"));
        // A wider filter inserts rows above and inside the window: each still maps to its entry.
        proxy.setFilterString(QString());
        for (int row = 0; row < window.rowCount(); ++row)
            QCOMPARE(entryAt(&window, row), entryAt(&proxy, window.sourceRow(row)));
        QCOMPARE(entryAt(&window, window.rowCount() - 1), 89);
    }

    void selectionIsKeptWhileEntriesArrive()
    {
        FrameLogModel log(nullptr, 1000);
        FrameWindowModel window(nullptr, 10);
        QAbstractItemModelTester tester(&window,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QItemSelectionModel selection(&window);
        window.setSelectionModel(&selection);
        window.setSourceModel(&log);
        log.append(batch(0, 10));
        selection.select(window.index(7), QItemSelectionModel::ClearAndSelect);
        selection.select(window.index(8), QItemSelectionModel::Select);
        log.append(batch(10, 200)); // trimmed down to the selected rows, not past them
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 2);
        QList<int> entries{entryAt(&window, selected.at(0).row()),
                           entryAt(&window, selected.at(1).row())};
        std::sort(entries.begin(), entries.end());
        QCOMPARE(entries, (QList<int>{7, 8}));
        QCOMPARE(window.firstSourceRow(), 7);
        QCOMPARE(window.rowCount(), 203);
        // A bare current row (the list sets one when it gets the focus) keeps nothing.
        selection.clearSelection();
        selection.setCurrentIndex(window.index(0), QItemSelectionModel::NoUpdate);
        log.append(batch(210, 5));
        QCOMPARE(window.rowCount(), 10);
        QCOMPARE(entryAt(&window, 9), 214);
    }

    // The list's model stays a window under a flood into the full 50,000-entry log: before, it
    // was the log itself, and QListView laid out all 50,000 rows on every batch.
    void consoleListStaysSmallUnderAFlood()
    {
        FrameLogModel log;
        FrameRecorder recorder(&log);
        DevToolsConsole console(&log, &recorder);
        console.resize(600, 400);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        QListView *list = console.frames();
        for (int n = 0; n < 60000; n += 250)
            log.append(batch(n, 250));
        QCOMPARE(log.rowCount(), 50000);
        QVERIFY2(list->model()->rowCount() <= 2 * FrameWindowModel::DefaultWindow,
                 qPrintable(QString::number(list->model()->rowCount())));
        QCOMPARE(entryAt(list->model(), list->model()->rowCount() - 1), 59999);
        // Following: scrolled to the newest.
        const QScrollBar *bar = list->verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());

        // Scrolling up reaches the oldest kept entry, the row at the top staying in place.
        int scrolls = 0;
        while (entryAt(list->model(), 0) != 10000 && scrolls < 100) {
            const int topEntry = entryAt(list->model(), 0);
            list->verticalScrollBar()->setValue(0);
            ++scrolls;
            QCoreApplication::processEvents(); // the list's delayed layout
            QCOMPARE(entryAt(list->model(), list->indexAt(QPoint(2, 2)).row()), topEntry);
        }
        QVERIFY2(scrolls <= 10, qPrintable(QString::number(scrolls)));
        QCOMPARE(list->model()->rowCount(), 50000);
        list->verticalScrollBar()->setValue(0);
        QCOMPARE(entryAt(list->model(), 0), 10000);

        // Select the oldest: its JSON in the details, copied alone.
        list->setCurrentIndex(list->model()->index(0, 0));
        QVERIFY2(console.details()->toPlainText().contains(QStringLiteral("\"n\": 10000")),
                 qPrintable(console.details()->toPlainText()));
        QCOMPARE(console.selectedJsonLines().count('\n'), 1);
        QVERIFY(console.selectedJsonLines().contains("10000"));

        // Back at the newest: trimmed again with the next batch, the selection above it let go.
        list->clearSelection();
        list->scrollToBottom();
        log.append(batch(60000, 250));
        QVERIFY(list->model()->rowCount() <= 2 * FrameWindowModel::DefaultWindow);
        QCOMPARE(entryAt(list->model(), list->model()->rowCount() - 1), 60249);
    }

    void consoleCopiesAndExportsMoreThanTheWindow()
    {
        FrameLogModel log;
        FrameRecorder recorder(&log);
        DevToolsConsole console(&log, &recorder);
        console.resize(600, 400);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        log.append(batch(0, 6000));
        QListView *list = console.frames();
        QVERIFY(list->model()->rowCount() < 6000);
        // No selection: everything shown, the rows above the window too.
        QCOMPARE(console.selectedJsonLines().count('\n'), 6000);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("frames.jsonl"));
        QCOMPARE(console.exportTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 6000);

        // Filtered: the window moves to the newest matching rows, the export has all 2,000.
        console.filterField()->setText(QStringLiteral("channel:odd"));
        // Not grown: the reset's moment at the top of the list is not the user scrolling up.
        QCOMPARE(list->model()->rowCount(), FrameWindowModel::DefaultWindow);
        QCOMPARE(entryAt(list->model(), list->model()->rowCount() - 1), 5997);
        QCOMPARE(console.shownJsonLines().count('\n'), 2000);
        list->selectionModel()->select(list->model()->index(list->model()->rowCount() - 1, 0),
                                       QItemSelectionModel::ClearAndSelect);
        const QByteArray selected = console.selectedJsonLines();
        QCOMPARE(selected.count('\n'), 1);
        QVERIFY2(selected.contains("\"n\":5997"), selected.constData());
    }
};

QTEST_MAIN(TestFrameWindow)
#include "tst_framewindow.moc"
