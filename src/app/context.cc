#include "app/context.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace hypergen::app {

std::optional<std::string> MapEnvironment::get(std::string_view name) const {
  auto it = vars_.find(std::string(name));
  if (it == vars_.end()) return std::nullopt;
  return it->second;
}

namespace {

class ProcessConsole final : public Console {
 public:
  void out(std::string_view text) override { std::fwrite(text.data(), 1, text.size(), stdout); }
  void err(std::string_view text) override {
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  bool stdout_is_tty() const override { return ::isatty(STDOUT_FILENO) == 1; }
  bool stderr_is_tty() const override { return ::isatty(STDERR_FILENO) == 1; }
  bool stdin_is_tty() const override { return ::isatty(STDIN_FILENO) == 1; }
  std::optional<std::string> read_line() override {
    std::fflush(stdout);
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  std::string read_all_stdin() override {
    std::string data;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) data.append(buf, n);
    return data;
  }
};

class ProcessEnvironment final : public Environment {
 public:
  std::optional<std::string> get(std::string_view name) const override {
    const char* v = std::getenv(std::string(name).c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  }
};

}  // namespace

std::unique_ptr<Console> make_process_console() {
  return std::make_unique<ProcessConsole>();
}
std::unique_ptr<Environment> make_process_environment() {
  return std::make_unique<ProcessEnvironment>();
}

bool use_color(const Environment& env, bool is_tty) {
  if (auto v = env.get("NO_COLOR"); v && !v->empty()) return false;
  if (auto v = env.get("FORCE_COLOR"); v) return *v != "0" && *v != "false";
  return is_tty;
}

}  // namespace hypergen::app
