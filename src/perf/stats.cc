#include "perf/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hypergen::perf {

double quantile_sorted(std::span<const double> sorted, double q) {
  if (sorted.empty()) return 0;
  double h = (static_cast<double>(sorted.size()) - 1) * std::clamp(q, 0.0, 1.0);
  auto lo = static_cast<std::size_t>(std::floor(h));
  std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double median(std::span<const double> samples) {
  std::vector<double> v(samples.begin(), samples.end());
  std::sort(v.begin(), v.end());
  return quantile_sorted(v, 0.5);
}

Summary summarize(std::span<const double> samples) {
  Summary s;
  if (samples.empty()) return s;
  std::vector<double> v(samples.begin(), samples.end());
  std::sort(v.begin(), v.end());
  s.n = v.size();
  s.min = v.front();
  s.max = v.back();
  s.median = quantile_sorted(v, 0.5);
  s.p95 = quantile_sorted(v, 0.95);
  s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  std::vector<double> dev;
  dev.reserve(v.size());
  for (double x : v) dev.push_back(std::fabs(x - s.median));
  std::sort(dev.begin(), dev.end());
  s.mad = quantile_sorted(dev, 0.5);
  return s;
}

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

MannWhitney mann_whitney(std::span<const double> a, std::span<const double> b) {
  MannWhitney r;
  if (a.empty() || b.empty()) return r;
  struct Item {
    double value;
    bool from_a;
  };
  std::vector<Item> all;
  all.reserve(a.size() + b.size());
  for (double x : a) all.push_back({x, true});
  for (double x : b) all.push_back({x, false});
  std::sort(all.begin(), all.end(),
            [](const Item& l, const Item& r2) { return l.value < r2.value; });
  double rank_sum_a = 0, tie_term = 0;
  std::size_t i = 0;
  while (i < all.size()) {
    std::size_t j = i;
    while (j + 1 < all.size() && all[j + 1].value == all[i].value) ++j;
    double t = static_cast<double>(j - i + 1);
    double avg_rank = (static_cast<double>(i + 1) + static_cast<double>(j + 1)) / 2.0;
    for (std::size_t k = i; k <= j; ++k) {
      if (all[k].from_a) rank_sum_a += avg_rank;
    }
    tie_term += t * t * t - t;
    i = j + 1;
  }
  double n1 = static_cast<double>(a.size()), n2 = static_cast<double>(b.size());
  double n = n1 + n2;
  r.u_a = rank_sum_a - n1 * (n1 + 1) / 2.0;
  double mean = n1 * n2 / 2.0;
  double var = n1 * n2 / 12.0 * ((n + 1) - tie_term / (n * (n - 1)));
  if (var <= 0) return r;  // every value tied: no evidence either way
  double sd = std::sqrt(var);
  double d = r.u_a - mean;
  r.z = d / sd;
  // Continuity correction: move half a step towards the mean.
  r.p_greater = 1.0 - normal_cdf((d - 0.5) / sd);
  r.p_two_sided = std::min(1.0, 2.0 * (1.0 - normal_cdf((std::fabs(d) - 0.5) / sd)));
  r.p_greater = std::clamp(r.p_greater, 0.0, 1.0);
  return r;
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kUnchanged:
      return "unchanged";
    case Verdict::kRegression:
      return "regression";
    case Verdict::kImprovement:
      return "improvement";
    case Verdict::kInsufficient:
      return "insufficient data";
  }
  return "unchanged";
}

Comparison compare_samples(std::span<const double> baseline, std::span<const double> current,
                           const RegressionRule& rule) {
  Comparison c;
  c.baseline_median = median(baseline);
  c.current_median = median(current);
  if (c.baseline_median > 0) {
    c.change_pct = (c.current_median - c.baseline_median) / c.baseline_median * 100.0;
  }
  if (baseline.size() < 3 || current.size() < 3) return c;
  double delta = c.current_median - c.baseline_median;
  if (delta >= 0) {
    c.p_value = mann_whitney(current, baseline).p_greater;
    bool big = c.change_pct >= rule.min_effect_pct && delta >= rule.min_effect_ns;
    c.verdict = (c.p_value < rule.alpha && big) ? Verdict::kRegression : Verdict::kUnchanged;
  } else {
    c.p_value = mann_whitney(baseline, current).p_greater;
    bool big = -c.change_pct >= rule.min_effect_pct && -delta >= rule.min_effect_ns;
    c.verdict = (c.p_value < rule.alpha && big) ? Verdict::kImprovement : Verdict::kUnchanged;
  }
  return c;
}

}  // namespace hypergen::perf
