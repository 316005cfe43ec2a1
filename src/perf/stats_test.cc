#include "perf/stats.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace hypergen::perf {
namespace {

TEST(PerfStats, SummaryOfOddSample) {
  // sorted: 1 2 3 4 100; median 3; |x-3| = 2 1 0 1 97 → MAD 1;
  // p95: h = 4·0.95 = 3.8 → 4 + 0.8·(100-4) = 80.8; mean 110/5 = 22.
  std::vector<double> v{4, 100, 1, 3, 2};
  Summary s = summarize(v);
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 100);
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.mad, 1);
  EXPECT_NEAR(s.p95, 80.8, 1e-9);
  EXPECT_DOUBLE_EQ(s.mean, 22);
}

TEST(PerfStats, SummaryOfEvenSample) {
  // sorted 10 20 30 40: median 25; deviations 15 5 5 15 → MAD 10;
  // p95: h = 3·0.95 = 2.85 → 30 + 0.85·10 = 38.5.
  std::vector<double> v{40, 10, 30, 20};
  Summary s = summarize(v);
  EXPECT_DOUBLE_EQ(s.median, 25);
  EXPECT_DOUBLE_EQ(s.mad, 10);
  EXPECT_NEAR(s.p95, 38.5, 1e-9);
}

TEST(PerfStats, EmptyAndSingle) {
  EXPECT_EQ(summarize(std::vector<double>{}).n, 0u);
  Summary one = summarize(std::vector<double>{7});
  EXPECT_DOUBLE_EQ(one.median, 7);
  EXPECT_DOUBLE_EQ(one.p95, 7);
  EXPECT_DOUBLE_EQ(one.mad, 0);
}

TEST(PerfStats, MannWhitneyHandComputed) {
  // a = {1,2,3}, b = {4,5,6}: a never larger → U_a = 0, mean 4.5,
  // var = 9/12·7 = 5.25; p(a > b) = 1 - Φ((0-4.5-0.5)/√5.25) = Φ(2.182) ≈ 0.9855.
  std::vector<double> a{1, 2, 3}, b{4, 5, 6};
  MannWhitney r = mann_whitney(a, b);
  EXPECT_DOUBLE_EQ(r.u_a, 0);
  EXPECT_NEAR(r.p_greater, 0.98545, 1e-4);
  MannWhitney s = mann_whitney(b, a);
  EXPECT_DOUBLE_EQ(s.u_a, 9);
  // 1 - Φ((4.5-0.5)/√5.25) = 1 - Φ(1.7457) ≈ 0.04043 (the continuity correction
  // makes the two one-sided p-values not add up to 1).
  EXPECT_NEAR(s.p_greater, 0.04043, 1e-4);
  // two-sided: 2·(1-Φ((4.5-0.5)/√5.25)) = 2·(1-Φ(1.7457)) ≈ 0.0809
  EXPECT_NEAR(s.p_two_sided, 0.0809, 1e-3);
}

TEST(PerfStats, MannWhitneyTies) {
  // a = {1,2,2}, b = {2,3}: ranks 1, 3,3,3, 5 → R_a = 7, U_a = 7 - 6 = 1.
  std::vector<double> a{1, 2, 2}, b{2, 3};
  EXPECT_DOUBLE_EQ(mann_whitney(a, b).u_a, 1);
  // All equal: no evidence.
  std::vector<double> c{5, 5, 5}, d{5, 5, 5};
  EXPECT_DOUBLE_EQ(mann_whitney(c, d).p_greater, 1);
}

TEST(PerfStats, SyntheticSlowdownIsCaught) {
  std::mt19937 rng(42);
  std::normal_distribution<double> noise(0, 0.03);
  std::vector<double> base, slow;
  for (int i = 0; i < 10; ++i) base.push_back(1e6 * (1 + noise(rng)));
  for (int i = 0; i < 10; ++i) slow.push_back(1.3e6 * (1 + noise(rng)));
  Comparison c = compare_samples(base, slow, {});
  EXPECT_EQ(c.verdict, Verdict::kRegression);
  EXPECT_GT(c.change_pct, 20);
  EXPECT_LT(c.p_value, 0.01);
  EXPECT_EQ(compare_samples(slow, base, {}).verdict, Verdict::kImprovement);
}

TEST(PerfStats, NoiseIsNotFlagged) {
  // Same distribution, heavy noise and outliers (a busy neighbour): over many
  // trials the decision must stay "unchanged".
  std::mt19937 rng(7);
  std::lognormal_distribution<double> noise(0, 0.25);
  std::uniform_real_distribution<double> coin(0, 1);
  int flagged = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<double> a, b;
    for (int i = 0; i < 10; ++i) {
      a.push_back(1e6 * noise(rng) * (coin(rng) < 0.1 ? 5 : 1));
      b.push_back(1e6 * noise(rng) * (coin(rng) < 0.1 ? 5 : 1));
    }
    if (compare_samples(a, b, {}).verdict == Verdict::kRegression) ++flagged;
  }
  EXPECT_LE(flagged, 3);  // alpha = 1 %, one-sided: ~1 expected
}

TEST(PerfStats, SmallButSignificantShiftIsBelowTheEffectFloor) {
  // +2 % every time: significant, but under the 10 % floor.
  std::vector<double> base, cur;
  for (int i = 0; i < 10; ++i) {
    base.push_back(1e6 + i * 100);
    cur.push_back(1.02e6 + i * 100);
  }
  Comparison c = compare_samples(base, cur, {});
  EXPECT_LT(c.p_value, 0.01);
  EXPECT_EQ(c.verdict, Verdict::kUnchanged);
  // The absolute floor: +50 % of 10 µs is only 5 µs.
  std::vector<double> tiny_base(8, 10e3), tiny_cur(8, 15e3);
  tiny_base[0] = 9e3;
  tiny_cur[0] = 14e3;
  EXPECT_EQ(compare_samples(tiny_base, tiny_cur, {}).verdict, Verdict::kUnchanged);
}

TEST(PerfStats, TooFewSamples) {
  std::vector<double> a{1, 2}, b{10, 20, 30};
  EXPECT_EQ(compare_samples(a, b, {}).verdict, Verdict::kInsufficient);
}

}  // namespace
}  // namespace hypergen::perf
