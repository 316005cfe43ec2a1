#pragma once
// The growth fit of `perf test`: how a measurement (time, memory) grows with
// the size of the workspace. Fits y = c·x^k by least squares on
// (log x, log y) and names the exponent k:
//   flat         k < 0.25   (cost independent of the workspace, the goal)
//   linear       0.25 ≤ k ≤ 1.15
//   superlinear  k > 1.15   (worse than proportional: a problem)
// r2 is the coefficient of determination of the log-log fit.

#include <span>
#include <string_view>

namespace hypergen::perf {

struct GrowthFit {
  bool valid = false;  // needs ≥ 2 points with distinct x, all x, y > 0
  double exponent = 0;
  double coefficient = 0;  // c
  double r2 = 0;
};

GrowthFit fit_growth(std::span<const double> x, std::span<const double> y);
std::string_view growth_class(double exponent);  // "flat" | "linear" | "superlinear"

}  // namespace hypergen::perf
