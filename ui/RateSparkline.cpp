#include "RateSparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace natter::ui {

RateSparkline::RateSparkline(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Events per second"));
    setFocusPolicy(Qt::TabFocus); // so screen-reader users reach its description
}

void RateSparkline::setSeries(std::vector<int> in, std::vector<int> out)
{
    m_in = std::move(in);
    m_out = std::move(out);
    m_peak = 0;
    for (const auto *s : {&m_in, &m_out}) {
        if (!s->empty())
            m_peak = std::max(m_peak, *std::max_element(s->begin(), s->end()));
    }
    const int lastIn = m_in.empty() ? 0 : m_in.back();
    const int lastOut = m_out.empty() ? 0 : m_out.back();
    setAccessibleDescription(tr("In: %L1/s, out: %L2/s; peak %L3/s over the last %4 s")
                                 .arg(lastIn)
                                 .arg(lastOut)
                                 .arg(m_peak)
                                 .arg(m_in.size()));
    setToolTip(accessibleDescription());
    update();
}

void RateSparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(4, 18, -4, -4);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(area);
    const double peak = std::max(1, m_peak);
    auto line = [&](const std::vector<int> &series, const QColor &color) {
        if (series.size() < 2)
            return;
        QPainterPath path;
        const double step = area.width() / double(series.size() - 1);
        for (size_t i = 0; i < series.size(); ++i) {
            const QPointF pt(area.left() + step * double(i),
                             area.bottom() - area.height() * series[i] / peak);
            i == 0 ? path.moveTo(pt) : path.lineTo(pt);
        }
        p.setPen(QPen(color, 1.5));
        p.drawPath(path);
    };
    const QColor inColor = palette().color(QPalette::Highlight);
    const QColor outColor(0xd0, 0x70, 0x20);
    line(m_in, inColor);
    line(m_out, outColor);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(4, 0, width() - 8, 16), Qt::AlignLeft | Qt::AlignVCenter,
               tr("peak %L1/s").arg(m_peak));
    p.setPen(inColor);
    p.drawText(QRectF(4, 0, width() - 8, 16), Qt::AlignRight | Qt::AlignVCenter,
               tr("in ") + QString::number(m_in.empty() ? 0 : m_in.back()) + QStringLiteral("/s"));
    p.setPen(outColor);
    p.drawText(QRectF(4, 0, width() - 80, 16), Qt::AlignRight | Qt::AlignVCenter,
               tr("out ") + QString::number(m_out.empty() ? 0 : m_out.back())
                   + QStringLiteral("/s"));
}

} // namespace natter::ui
