#include "DevToolsRates.h"

#include "RateSparkline.h"

#include <devtools/FrameRecorder.h>

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace natter::ui {

namespace {
constexpr int kShownSeconds = 120;
}

DevToolsRates::DevToolsRates(natter::devtools::FrameRecorder *recorder, QWidget *parent)
    : QWidget(parent)
    , m_recorder(recorder)
{
    setAccessibleName(tr("Rates"));
    m_sparkline = new RateSparkline(this);
    m_totals = new QLabel(this);
    m_totals->setTextFormat(Qt::PlainText);
    m_totals->setAccessibleName(tr("Totals"));
    m_perChannel = new QTreeWidget(this);
    m_perChannel->setAccessibleName(tr("Per-channel counts"));
    m_perChannel->setRootIsDecorated(false);
    m_perChannel->setHeaderLabels({tr("Channel"), tr("In"), tr("Out")});
    m_perChannel->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_perChannel->setSortingEnabled(true);
    m_perChannel->sortByColumn(1, Qt::DescendingOrder);
    auto *reset = new QPushButton(tr("Reset counts"), this);
    reset->setAccessibleName(tr("Reset counts"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sparkline, 2);
    layout->addWidget(m_totals);
    layout->addWidget(m_perChannel, 3);
    layout->addWidget(reset, 0, Qt::AlignRight);
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this,
            [this] { refresh(QDateTime::currentMSecsSinceEpoch()); });
    connect(reset, &QPushButton::clicked, this, [this] {
        m_recorder->clearRates();
        refresh(QDateTime::currentMSecsSinceEpoch());
    });
}

void DevToolsRates::refresh(qint64 nowMs)
{
    const natter::devtools::RateTracker &rates = m_recorder->rates();
    std::vector<int> in = rates.ratesIn(nowMs);
    std::vector<int> out = rates.ratesOut(nowMs);
    if (in.size() > size_t(kShownSeconds)) {
        in.erase(in.begin(), in.end() - kShownSeconds);
        out.erase(out.begin(), out.end() - kShownSeconds);
    }
    m_sparkline->setSeries(std::move(in), std::move(out));
    m_totals->setText(tr("%L1 frames in, %L2 out since the tools opened (blue: in, orange: out)")
                          .arg(rates.totalIn())
                          .arg(rates.totalOut()));
    m_perChannel->setSortingEnabled(false);
    m_perChannel->clear();
    for (auto it = rates.channels().begin(); it != rates.channels().end(); ++it) {
        auto *item = new QTreeWidgetItem(m_perChannel);
        item->setText(0, it.key());
        item->setData(1, Qt::DisplayRole, qulonglong(it.value().in));
        item->setData(2, Qt::DisplayRole, qulonglong(it.value().out));
    }
    m_perChannel->setSortingEnabled(true);
}

void DevToolsRates::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(QDateTime::currentMSecsSinceEpoch());
    m_timer->start();
}

void DevToolsRates::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

} // namespace natter::ui
