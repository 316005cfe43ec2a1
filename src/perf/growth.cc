#include "perf/growth.h"

#include <cmath>
#include <vector>

namespace hypergen::perf {

GrowthFit fit_growth(std::span<const double> x, std::span<const double> y) {
  GrowthFit fit;
  if (x.size() != y.size() || x.size() < 2) return fit;
  std::vector<double> lx, ly;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(x[i] > 0) || !(y[i] > 0)) return fit;
    lx.push_back(std::log(x[i]));
    ly.push_back(std::log(y[i]));
  }
  double n = static_cast<double>(lx.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < lx.size(); ++i) {
    mx += lx[i];
    my += ly[i];
  }
  mx /= n;
  my /= n;
  double sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < lx.size(); ++i) {
    sxx += (lx[i] - mx) * (lx[i] - mx);
    sxy += (lx[i] - mx) * (ly[i] - my);
    syy += (ly[i] - my) * (ly[i] - my);
  }
  if (sxx <= 0) return fit;
  fit.valid = true;
  fit.exponent = sxy / sxx;
  fit.coefficient = std::exp(my - fit.exponent * mx);
  fit.r2 = syy <= 0 ? 1.0 : (sxy * sxy) / (sxx * syy);
  return fit;
}

std::string_view growth_class(double exponent) {
  if (exponent < 0.25) return "flat";
  if (exponent <= 1.15) return "linear";
  return "superlinear";
}

}  // namespace hypergen::perf
