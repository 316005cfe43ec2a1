#pragma once
// The time source of the performance lab. Every measurement `perf` makes
// outside the pipeline's own stage timers (util/metrics.h) reads this
// interface, so tests can drive it with a FakeClock and assert exact numbers.

#include <chrono>
#include <cstdint>

namespace hypergen::perf {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_ns() = 0;
};

// The monotonic clock (std::chrono::steady_clock).
class SteadyClock final : public Clock {
 public:
  std::int64_t now_ns() override {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that moves only when told to, by a fixed step on every read when
// `step_ns` is set (tests).
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t step_ns = 0) : step_ns_(step_ns) {}
  std::int64_t now_ns() override {
    std::int64_t t = now_;
    now_ += step_ns_;
    return t;
  }
  void advance(std::int64_t ns) { now_ += ns; }

 private:
  std::int64_t now_ = 0;
  std::int64_t step_ns_;
};

}  // namespace hypergen::perf
