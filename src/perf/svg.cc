#include "perf/svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hypergen::perf {

namespace {

constexpr double kPanelW = 520, kPanelH = 360;
constexpr double kLeft = 70, kRight = 20, kTop = 40, kBottom = 90;
constexpr const char* kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                   "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

std::string tick_label(double v) {
  double a = std::fabs(v);
  if (a == 0) return "0";
  if (a >= 1e6) return fmt::format("{:g}M", v / 1e6);
  if (a >= 1e4) return fmt::format("{:g}k", v / 1e3);
  if (a >= 1) return fmt::format("{:g}", v);
  return fmt::format("{:.3g}", v);
}

std::string render_panel(const Panel& p, double ox) {
  std::string out;
  double pw = kPanelW - kLeft - kRight, ph = kPanelH - kTop - kBottom;
  double x0 = ox + kLeft, y0 = kTop;
  double xlo = std::numeric_limits<double>::infinity(), xhi = -xlo, ylo = xlo, yhi = -xlo;
  for (const Series& s : p.series) {
    for (auto [x, y] : s.points) {
      if ((p.log_x && x <= 0) || (p.log_y && y <= 0)) continue;
      xlo = std::min(xlo, x);
      xhi = std::max(xhi, x);
      ylo = std::min(ylo, y);
      yhi = std::max(yhi, y);
    }
  }
  out += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"14\" text-anchor=\"middle\" "
      "font-weight=\"bold\">{}</text>\n",
      x0 + pw / 2, y0 - 14, xml_escape(p.title));
  out += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
      "stroke=\"#333\"/>\n",
      x0, y0, pw, ph);
  if (!(xlo <= xhi)) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">no data</text>\n",
                       x0 + pw / 2, y0 + ph / 2);
    return out;
  }
  if (!p.log_y) ylo = std::min(0.0, ylo);
  if (xlo == xhi) {
    xlo = p.log_x ? xlo / 2 : xlo - 1;
    xhi = p.log_x ? xhi * 2 : xhi + 1;
  }
  if (ylo == yhi) {
    ylo = p.log_y ? ylo / 2 : ylo - 1;
    yhi = p.log_y ? yhi * 2 : yhi + 1;
  }
  auto px = [&](double x) { return x0 + axis_fraction(x, xlo, xhi, p.log_x) * pw; };
  auto py = [&](double y) { return y0 + ph - axis_fraction(y, ylo, yhi, p.log_y) * ph; };
  for (double t : axis_ticks(xlo, xhi, p.log_x)) {
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" font-size=\"11\" text-anchor=\"middle\">{4}</text>\n",
        px(t), y0, y0 + ph, y0 + ph + 15, tick_label(t));
  }
  for (double t : axis_ticks(ylo, yhi, p.log_y)) {
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\" font-size=\"11\" text-anchor=\"end\">{5}</text>\n",
        x0, py(t), x0 + pw, x0 - 5, py(t) + 4, tick_label(t));
  }
  out += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\" text-anchor=\"middle\">{}{}</text>\n",
      x0 + pw / 2, y0 + ph + 34, xml_escape(p.x_label), p.log_x ? " (log)" : "");
  out += fmt::format(
      "<text transform=\"translate({:.1f},{:.1f}) rotate(-90)\" font-size=\"12\" "
      "text-anchor=\"middle\">{}{}</text>\n",
      ox + 16, y0 + ph / 2, xml_escape(p.y_label), p.log_y ? " (log)" : "");
  std::size_t ci = 0;
  double legend_y = y0 + ph + 52;
  double legend_x = x0;
  for (const Series& s : p.series) {
    const char* color = kColors[ci++ % std::size(kColors)];
    std::string pts;
    std::string marks;
    for (auto [x, y] : s.points) {
      if ((p.log_x && x <= 0) || (p.log_y && y <= 0)) continue;
      pts += fmt::format("{:.1f},{:.1f} ", px(x), py(y));
      marks += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>", px(x),
                           py(y), color);
    }
    if (pts.empty()) continue;
    out += fmt::format(
        "<polyline class=\"series\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
        "points=\"{}\"/>{}\n",
        color, pts, marks);
    if (legend_x + 110 > ox + kPanelW) {
      legend_x = x0;
      legend_y += 16;
    }
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\">{}</text>\n",
        legend_x, legend_y - 9, color, legend_x + 14, legend_y, xml_escape(s.name));
    legend_x += 110;
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

double axis_fraction(double value, double lo, double hi, bool log) {
  if (log) {
    if (value <= 0 || lo <= 0 || hi <= lo) return 0;
    return (std::log10(value) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
  }
  if (hi <= lo) return 0;
  return (value - lo) / (hi - lo);
}

std::vector<double> axis_ticks(double lo, double hi, bool log) {
  std::vector<double> ticks;
  if (!(hi > lo)) return ticks;
  if (log) {
    if (lo <= 0) return ticks;
    int e0 = static_cast<int>(std::floor(std::log10(lo)));
    int e1 = static_cast<int>(std::ceil(std::log10(hi)));
    bool fine = e1 - e0 < 3;
    for (int e = e0; e <= e1; ++e) {
      for (double m : {1.0, 2.0, 5.0}) {
        if (m != 1.0 && !fine) continue;
        double t = m * std::pow(10.0, e);
        if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) ticks.push_back(t);
      }
    }
    return ticks;
  }
  double raw = (hi - lo) / 5;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  }
  for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0 : t);
  }
  return ticks;
}

std::string render_svg(std::string_view title, const std::vector<Panel>& panels) {
  double w = kPanelW * static_cast<double>(std::max<std::size_t>(1, panels.size()));
  double h = kPanelH + 30;
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"sans-serif\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<title>{2}</title>\n",
      w, h, xml_escape(title));
  out += "<g transform=\"translate(0,20)\">\n";
  for (std::size_t i = 0; i < panels.size(); ++i) {
    out += render_panel(panels[i], kPanelW * static_cast<double>(i));
  }
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace hypergen::perf
