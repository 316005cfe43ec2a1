#pragma once
// Statistics of the performance lab: the summary of a set of timings
// (min, median, p95, max, MAD, mean), the Mann–Whitney U test and the
// regression decision `perf benchmark` and `perf status` make against a
// stored baseline. Pure functions over numbers; no I/O.
//
// Definitions (docs/performance.md, "Statistics"):
//   median  the middle value, or the mean of the two middle values
//   pNN     linear interpolation between closest ranks (R's type 7, numpy's
//           default): rank h = (n-1)·q, value x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋])
//   MAD     median of |x - median| (not scaled by 1.4826)
//
// The regression decision is made for noisy machines: a slowdown is named
// only when BOTH the Mann–Whitney U test says the current samples are larger
// (one-sided, normal approximation with tie correction and continuity
// correction, p < alpha) AND the median grew by at least `min_effect_pct`
// and `min_effect_ns`. The rank test ignores outliers' size (one slow run
// from a busy neighbour moves nothing); the effect floor keeps tiny but
// consistent shifts (a few microseconds) from failing a build.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hypergen::perf {

struct Summary {
  std::size_t n = 0;
  double min = 0, median = 0, p95 = 0, max = 0, mad = 0, mean = 0;
};

// All zeros for an empty input.
Summary summarize(std::span<const double> samples);
// The q-quantile (0 ≤ q ≤ 1) of `sorted` (ascending, non-empty), type 7.
double quantile_sorted(std::span<const double> sorted, double q);
double median(std::span<const double> samples);

struct MannWhitney {
  double u_a = 0;        // U statistic of sample a (number of (a,b) pairs with a > b, ties ½)
  double z = 0;          // standardized U of a (positive: a tends to be larger)
  double p_greater = 1;  // one-sided p-value for "a is stochastically larger than b"
  double p_two_sided = 1;
};
MannWhitney mann_whitney(std::span<const double> a, std::span<const double> b);

struct RegressionRule {
  double alpha = 0.01;          // significance level of the one-sided test
  double min_effect_pct = 10;   // the median must grow by at least this much …
  double min_effect_ns = 20e3;  // … and by at least this many ns (20 µs)
};

enum class Verdict : std::uint8_t {
  kUnchanged,    // no significant, large-enough change
  kRegression,   // slower: significant and above the effect floor
  kImprovement,  // faster: significant and above the effect floor
  kInsufficient  // too few samples to decide (fewer than 3 on a side)
};
const char* verdict_name(Verdict v);

struct Comparison {
  Verdict verdict = Verdict::kInsufficient;
  double baseline_median = 0, current_median = 0;
  double change_pct = 0;  // (current - baseline) / baseline · 100 (0 when baseline is 0)
  double p_value = 1;     // one-sided, in the direction of the change
};
// `baseline` and `current` are samples in ns.
Comparison compare_samples(std::span<const double> baseline, std::span<const double> current,
                           const RegressionRule& rule);

// The standard normal CDF.
double normal_cdf(double z);

}  // namespace hypergen::perf
