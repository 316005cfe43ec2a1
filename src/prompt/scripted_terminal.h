#pragma once
// A Terminal for tests: key presses come from a script of bytes (decoded by
// the same decode_key the real terminal uses, so "\x1b[B" is Down), output is
// recorded raw and replayed on a small screen model that understands the
// escape sequences the prompter writes (cursor moves, line erases, wrapping
// at the terminal width, wide characters, SGR colours ignored). Tests assert
// what a user would see: `screen()` or `last_line()`.
//
// When the script runs out, read_key() returns an error of kind kIo (a test
// that forgot to press Enter fails instead of hanging).

#include <string>
#include <string_view>
#include <vector>

#include "prompt/terminal.h"

namespace hypergen::prompt {

// What the text written so far looks like on a terminal `columns` wide
// (rows grow without limit: nothing scrolls away).
class ScreenModel {
 public:
  explicit ScreenModel(int columns) : columns_(columns) {}
  void feed(std::string_view bytes);
  void set_columns(int columns) { columns_ = columns; }

  // The rows, trailing blanks trimmed, trailing empty rows dropped, joined
  // with '\n'.
  std::string text() const;
  // The last non-empty row.
  std::string last_line() const;
  int cursor_row() const { return row_; }
  int cursor_column() const { return column_; }
  bool cursor_visible() const { return cursor_visible_; }

 private:
  void put(std::string cell, int width);
  void ensure_row(int row);
  void erase(int row, int from, int to);
  std::string row_text(int row) const;

  int columns_;
  // Each cell is one code point's UTF-8 (a wide character's second cell is
  // an empty string).
  std::vector<std::vector<std::string>> rows_{{}};
  int row_ = 0;
  int column_ = 0;
  bool pending_wrap_ = false;
  bool cursor_visible_ = true;
  std::string partial_;  // an escape sequence cut between two feeds
};

class ScriptedTerminal final : public Terminal {
 public:
  explicit ScriptedTerminal(std::string keys = {}, TerminalSize size = {})
      : input_(std::move(keys)), size_(size), screen_(size.columns) {}

  // Appends more key bytes to the script.
  void type(std::string_view bytes) { input_ += bytes; }
  // The next read_key() reports a resize to `size` (before further keys).
  void resize(TerminalSize size);

  Status enter_raw() override;
  void leave_raw() override;
  Result<Key> read_key() override;
  void write(std::string_view text) override;
  TerminalSize size() const override { return size_; }
  void suspend() override { ++suspends_; }

  const std::string& output() const { return output_; }
  const ScreenModel& screen_model() const { return screen_; }
  std::string screen() const { return screen_.text(); }
  std::string last_line() const { return screen_.last_line(); }
  bool raw() const { return raw_; }
  int raw_entries() const { return raw_entries_; }
  int suspends() const { return suspends_; }
  // Key bytes not read yet.
  std::string_view remaining() const { return std::string_view(input_).substr(pos_); }

 private:
  std::string input_;
  std::size_t pos_ = 0;
  TerminalSize size_;
  bool resize_pending_ = false;
  std::string output_;
  ScreenModel screen_;
  bool raw_ = false;
  int raw_entries_ = 0;
  int suspends_ = 0;
};

}  // namespace hypergen::prompt
