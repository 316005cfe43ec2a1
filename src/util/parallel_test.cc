#include "util/parallel.h"

#include <atomic>
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace hypergen {
namespace {

TEST(ParallelFor, VisitsEveryIndexExactlyOnce) {
  for (std::size_t jobs : {0u, 1u, 2u, 4u}) {
    std::vector<std::atomic<int>> hits(1000);
    parallel_for(hits.size(), jobs, [&](std::size_t i) { hits[i]++; });
    for (std::size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i].load(), 1) << jobs << " " << i;
  }
}

TEST(ParallelFor, ResultsDoNotDependOnScheduling) {
  std::vector<std::string> a(300), b(300);
  parallel_for(a.size(), 1, [&](std::size_t i) { a[i] = std::to_string(i * i); });
  parallel_for(b.size(), 4, [&](std::size_t i) { b[i] = std::to_string(i * i); });
  EXPECT_EQ(a, b);
}

TEST(ParallelFor, UsesTheTbbPluginFromTheBuildTree) {
  std::vector<int> out(64);
  parallel_for(out.size(), 2, [&](std::size_t i) { out[i] = static_cast<int>(i); });
  EXPECT_STREQ(parallel_backend(), "tbb");
}

TEST(ParallelFor, EmptyAndSingleAreFine) {
  int calls = 0;
  parallel_for(0, 4, [&](std::size_t) { ++calls; });
  parallel_for(1, 4, [&](std::size_t) { ++calls; });
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace hypergen
