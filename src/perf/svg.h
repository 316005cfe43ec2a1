#pragma once
// Line charts as standalone SVG files, for `perf test --plot` (time and
// memory against workspace size, log–log) and `perf export --plot` (the
// benchmark history). No dependencies: the file is written as text.
//
// A chart is one or more panels side by side; each panel has its axes
// (linear or log10), grid lines at "nice" ticks, one polyline with markers
// per series, and a legend.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hypergen::perf {

struct Series {
  std::string name;
  std::vector<std::pair<double, double>> points;  // (x, y); non-positive dropped on a log axis
};

struct Panel {
  std::string title, x_label, y_label;
  bool log_x = false, log_y = false;
  std::vector<Series> series;
};

std::string render_svg(std::string_view title, const std::vector<Panel>& panels);

// Where `value` falls between `lo` and `hi` as a fraction 0…1 (log10 when
// `log`), for the plot and its tests.
double axis_fraction(double value, double lo, double hi, bool log);
// Tick values covering [lo, hi]: powers of ten (and 2·, 5· when the range is
// under three decades) on a log axis, 1/2/5·10^k steps on a linear one.
std::vector<double> axis_ticks(double lo, double hi, bool log);
std::string xml_escape(std::string_view text);

}  // namespace hypergen::perf
