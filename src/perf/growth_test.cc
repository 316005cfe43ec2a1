#include "perf/growth.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace hypergen::perf {
namespace {

TEST(PerfGrowth, ExactPowerLaws) {
  std::vector<double> x{50, 500, 2500, 10000, 25000};
  std::vector<double> lin, quad, flat;
  for (double v : x) {
    lin.push_back(0.002 * v);
    quad.push_back(3e-6 * v * v);
    flat.push_back(4.0);
  }
  GrowthFit l = fit_growth(x, lin);
  ASSERT_TRUE(l.valid);
  EXPECT_NEAR(l.exponent, 1.0, 1e-9);
  EXPECT_NEAR(l.coefficient, 0.002, 1e-12);
  EXPECT_NEAR(l.r2, 1.0, 1e-9);
  EXPECT_EQ(growth_class(l.exponent), "linear");
  GrowthFit q = fit_growth(x, quad);
  EXPECT_NEAR(q.exponent, 2.0, 1e-9);
  EXPECT_EQ(growth_class(q.exponent), "superlinear");
  GrowthFit f = fit_growth(x, flat);
  EXPECT_NEAR(f.exponent, 0.0, 1e-12);
  EXPECT_EQ(growth_class(f.exponent), "flat");
}

TEST(PerfGrowth, HandComputedTwoPoints) {
  // (10, 1) and (1000, 10): slope log(10)/log(100) = 0.5, c = 1/10^0.5.
  std::vector<double> x{10, 1000}, y{1, 10};
  GrowthFit g = fit_growth(x, y);
  EXPECT_NEAR(g.exponent, 0.5, 1e-12);
  EXPECT_NEAR(g.coefficient, 1 / std::sqrt(10.0), 1e-12);
}

TEST(PerfGrowth, NoisyLinearIsLinear) {
  std::vector<double> x{50, 500, 2500, 10000, 25000}, y{0.11, 0.9, 5.3, 19, 52};
  GrowthFit g = fit_growth(x, y);
  EXPECT_GT(g.exponent, 0.85);
  EXPECT_LT(g.exponent, 1.15);
  EXPECT_GT(g.r2, 0.98);
}

TEST(PerfGrowth, InvalidInputs) {
  std::vector<double> one{1}, x{5, 5}, y{1, 2}, zero{0, 2}, pos{1, 2};
  EXPECT_FALSE(fit_growth(one, one).valid);
  EXPECT_FALSE(fit_growth(x, y).valid);       // same x twice
  EXPECT_FALSE(fit_growth(pos, zero).valid);  // log 0
}

}  // namespace
}  // namespace hypergen::perf
