#pragma once

#include <QWidget>

#include <vector>

namespace natter::ui {

// A small painted plot of events per second in and out (one value per second, oldest first).
// Painted by hand: QtCharts would add a library for two lines.
class RateSparkline : public QWidget
{
    Q_OBJECT
public:
    explicit RateSparkline(QWidget *parent = nullptr);

    void setSeries(std::vector<int> in, std::vector<int> out);
    int peak() const { return m_peak; }
    QSize sizeHint() const override { return {480, 140}; }
    QSize minimumSizeHint() const override { return {160, 60}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<int> m_in;
    std::vector<int> m_out;
    int m_peak = 0;
};

} // namespace natter::ui
