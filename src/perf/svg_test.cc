#include "perf/svg.h"

#include <gtest/gtest.h>

namespace hypergen::perf {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST(PerfSvg, AxisFractionLinearAndLog) {
  EXPECT_DOUBLE_EQ(axis_fraction(5, 0, 10, false), 0.5);
  EXPECT_DOUBLE_EQ(axis_fraction(100, 10, 1000, true), 0.5);
  EXPECT_DOUBLE_EQ(axis_fraction(10, 10, 1000, true), 0);
  EXPECT_DOUBLE_EQ(axis_fraction(-1, 10, 1000, true), 0);
}

TEST(PerfSvg, Ticks) {
  EXPECT_EQ(axis_ticks(10, 25000, true), (std::vector<double>{10, 100, 1000, 10000}));
  EXPECT_EQ(axis_ticks(1, 50, true), (std::vector<double>{1, 2, 5, 10, 20, 50}));
  EXPECT_EQ(axis_ticks(0, 10, false), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_TRUE(axis_ticks(5, 5, false).empty());
}

TEST(PerfSvg, RendersPanelsSeriesAndEscapes) {
  Panel time{"time <ms>", "templates", "ms", true, true, {}};
  time.series.push_back({"render & plan", {{50, 1}, {500, 3}, {25000, 40}}});
  time.series.push_back({"empty", {}});
  Panel mem{"memory", "templates", "MB", true, true, {{"rss", {{50, 5}, {25000, 30}}}}};
  std::string svg = render_svg("scale", {time, mem});
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(occurrences(svg, "class=\"series\""), 2u);
  EXPECT_NE(svg.find("render &amp; plan"), std::string::npos);
  EXPECT_NE(svg.find("time &lt;ms&gt;"), std::string::npos);
  EXPECT_NE(svg.find("width=\"1040\""), std::string::npos);
}

TEST(PerfSvg, EmptyPanelSaysNoData) {
  std::string svg = render_svg("t", {Panel{"p", "x", "y", false, false, {}}});
  EXPECT_NE(svg.find("no data"), std::string::npos);
}

}  // namespace
}  // namespace hypergen::perf
