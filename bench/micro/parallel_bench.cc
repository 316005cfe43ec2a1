// What two jobs can gain on this machine: how soon a second thread runs
// (util/parallel's placed threads, oneTBB, a plain std::thread), and how
// creating 500 small files scales with threads — the kernel work that
// dominates a 500-file scaffold (docs/performance.md, "--jobs").
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "util/parallel.h"

namespace {

using Clock = std::chrono::steady_clock;

// Spins until `flag` is set, at most 200 ms (so a backend that never starts
// a second thread cannot hang the benchmark).
void spin_until(const std::atomic<bool>& flag) {
  auto give_up = Clock::now() + std::chrono::milliseconds(200);
  while (!flag.load() && Clock::now() < give_up) {
  }
}

// Time from the start of a 2-item loop until its second item runs while the
// first keeps the caller's CPU busy. Each iteration first sleeps 10 ms, so
// the other CPU is idle, as it is when a command starts.
void SecondThreadStart(benchmark::State& state) {
  const int backend = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::atomic<bool> started{false};
    Clock::time_point t0 = Clock::now(), t1 = t0;
    auto body = [&](std::size_t i) {
      if (i == 1) {
        t1 = Clock::now();
        started = true;
      } else {
        spin_until(started);
      }
    };
    if (backend == 2) {
      std::thread other([&] { body(1); });
      body(0);
      other.join();
    } else {
      hypergen::parallel_for(
          2, 2, body,
          backend == 0 ? hypergen::ParallelBackend::kThreads : hypergen::ParallelBackend::kTbb);
    }
    if (!started) t1 = Clock::now();  // gave up: count the whole wait
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
  }
  state.SetLabel(backend == 0   ? "parallel_for threads (placed)"
                 : backend == 1 ? "parallel_for tbb"
                                : "std::thread");
}
BENCHMARK(SecondThreadStart)
    ->ArgName("backend")
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(30)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

// Creates 500 files of 120 bytes (open, write, close) in a new folder, or
// spread over 20 new folders, with 1 or 2 threads. Every iteration uses
// fresh folders (creating files right after deleting others costs far more
// on ext4); everything is deleted at the end.
void CreateFiles(benchmark::State& state) {
  const std::size_t jobs = static_cast<std::size_t>(state.range(0));
  const int dirs = static_cast<int>(state.range(1));
  const std::string base = std::filesystem::temp_directory_path().string() + "/hypergen-bench-" +
                           std::to_string(::getpid());
  std::filesystem::create_directories(base);
  const std::string data(120, 'x');
  int round = 0;
  for (auto _ : state) {
    const std::string root = base + "/r" + std::to_string(round++);
    ::mkdir(root.c_str(), 0777);
    for (int d = 0; d < dirs; ++d) ::mkdir((root + "/d" + std::to_string(d)).c_str(), 0777);
    hypergen::parallel_for(
        500, jobs,
        [&](std::size_t i) {
          std::string path = root + "/d" + std::to_string(static_cast<int>(i) % dirs) + "/f" +
                             std::to_string(i) + ".jsx";
          int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
          if (fd < 0) return;
          benchmark::DoNotOptimize(::write(fd, data.data(), data.size()));
          ::close(fd);
        },
        hypergen::ParallelBackend::kThreads);
  }
  std::filesystem::remove_all(base);
}
BENCHMARK(CreateFiles)
    ->ArgNames({"jobs", "dirs"})
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({1, 20})
    ->Args({2, 20})
    ->Iterations(40)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
