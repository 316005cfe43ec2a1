#include "util/parallel.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>
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
  parallel_for(
      out.size(), 2, [&](std::size_t i) { out[i] = static_cast<int>(i); }, ParallelBackend::kTbb);
  EXPECT_STREQ(parallel_backend(), "tbb");
  for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], static_cast<int>(i));
}

TEST(ParallelFor, ThreadsBackendRunsOnSeveralThreadsAndEveryIndexOnce) {
  std::vector<std::atomic<int>> hits(5000);
  std::mutex m;
  std::set<std::thread::id> ids;
  parallel_for(
      hits.size(), 2,
      [&](std::size_t i) {
        hits[i]++;
        if (i % 16 == 0) {
          // Slow enough that the second thread, placed on another CPU,
          // starts while the caller is still busy.
          auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(50);
          while (std::chrono::steady_clock::now() < until) {
          }
          std::lock_guard lock(m);
          ids.insert(std::this_thread::get_id());
        }
      },
      ParallelBackend::kThreads);
  EXPECT_STREQ(parallel_backend(), "threads");
  for (std::size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i].load(), 1) << i;
  if (std::thread::hardware_concurrency() > 1) {
    EXPECT_EQ(ids.size(), 2u);
  }
}

TEST(ParallelFor, MoreJobsThanCpusIsFine) {
  std::vector<std::atomic<int>> hits(257);
  parallel_for(
      hits.size(), 16, [&](std::size_t i) { hits[i]++; }, ParallelBackend::kThreads);
  for (std::size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i].load(), 1) << i;
}

TEST(ParallelFor, EmptyAndSingleAreFine) {
  int calls = 0;
  parallel_for(0, 4, [&](std::size_t) { ++calls; });
  parallel_for(1, 4, [&](std::size_t) { ++calls; });
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace hypergen
