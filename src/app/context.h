#pragma once
// The outside world, part 2: the terminal and the environment, plus the
// per-run context every command receives. Commands never touch std::cout,
// getenv() or the real file system directly, so tests and `--dry` can swap
// any of them.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cache/cache.h"
#include "util/fs.h"
#include "util/metrics.h"

namespace hypergen::app {

class Console {
 public:
  virtual ~Console() = default;
  virtual void out(std::string_view text) = 0;
  virtual void err(std::string_view text) = 0;
  virtual bool stdout_is_tty() const = 0;
  virtual bool stderr_is_tty() const = 0;
  virtual bool stdin_is_tty() const = 0;
  // Reads one line from stdin (without the newline); nullopt at EOF.
  virtual std::optional<std::string> read_line() = 0;
  // Reads all of stdin (for `--data -`).
  virtual std::string read_all_stdin() = 0;
};

class Environment {
 public:
  virtual ~Environment() = default;
  virtual std::optional<std::string> get(std::string_view name) const = 0;
};

// An Environment backed by a map (tests).
class MapEnvironment final : public Environment {
 public:
  explicit MapEnvironment(std::unordered_map<std::string, std::string> vars = {})
      : vars_(std::move(vars)) {}
  std::optional<std::string> get(std::string_view name) const override;
  void set(std::string name, std::string value) { vars_[std::move(name)] = std::move(value); }

 private:
  std::unordered_map<std::string, std::string> vars_;
};

std::unique_ptr<Console> make_process_console();
std::unique_ptr<Environment> make_process_environment();

// Everything a command may use. Owned by the caller (cli::main or a test).
struct Context {
  FileSystem& fs;
  Console& console;
  const Environment& env;
  std::string cwd;
  // Colour on stdout (TTY and no NO_COLOR, or FORCE_COLOR).
  bool color = false;
  // Stage timings and counters for `--stats`; null (the usual case) when
  // stats are off, so every timer costs one pointer test.
  Metrics* metrics = nullptr;
  // Compiled templates shared by every generation this process runs (the
  // perf lab's benchmark loop, a long-lived process); null: each generation
  // keeps its own for its run.
  cache::Cache* template_cache = nullptr;
};

// Colour decision shared by every command: NO_COLOR wins, then FORCE_COLOR,
// then whether the stream is a terminal.
bool use_color(const Environment& env, bool is_tty);

}  // namespace hypergen::app
