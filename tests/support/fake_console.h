#pragma once
// A Console for tests: captures stdout/stderr, serves scripted stdin lines,
// and pretends to be (or not be) a terminal.

#include <deque>
#include <string>

#include "app/context.h"

namespace hypergen::testing {

class FakeConsole final : public app::Console {
 public:
  std::string out_text;
  std::string err_text;
  std::deque<std::string> input_lines;
  std::string stdin_data;
  bool tty = false;

  void out(std::string_view text) override { out_text += text; }
  void err(std::string_view text) override { err_text += text; }
  bool stdout_is_tty() const override { return tty; }
  bool stderr_is_tty() const override { return tty; }
  bool stdin_is_tty() const override { return tty; }
  std::optional<std::string> read_line() override {
    if (input_lines.empty()) return std::nullopt;
    std::string line = std::move(input_lines.front());
    input_lines.pop_front();
    return line;
  }
  std::string read_all_stdin() override { return stdin_data; }
};

}  // namespace hypergen::testing
