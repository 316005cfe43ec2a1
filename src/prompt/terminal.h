#pragma once
// The terminal a TerminalPrompter draws on: raw mode, decoded key presses,
// output, size. Two implementations: PosixTerminal (posix_terminal.h: the
// process's stdin/stderr through termios) and ScriptedTerminal
// (scripted_terminal.h: keys in, screen text out, for tests).
//
// Also here, because both implementations and the prompter need them: the
// byte → key decoder (xterm/VT sequences, UTF-8) and the display width of
// UTF-8 text (wide East Asian characters and emoji take two columns,
// combining marks none).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace hypergen::prompt {

enum class KeyType {
  kText,       // one printable character (UTF-8 in `text`), space excluded
  kSpace,      // ' '
  kEnter,      // CR or LF
  kBackspace,  // DEL or ^H
  kDelete,     // ESC[3~
  kUp,
  kDown,
  kLeft,
  kRight,
  kHome,
  kEnd,
  kPageUp,
  kPageDown,
  kTab,
  kShiftTab,
  kEscape,
  kCtrl,     // Ctrl + letter (`ctrl` = 'a'..'z'), other than ^H ^I ^J ^M
  kResize,   // the terminal changed size: redraw
  kResume,   // the process continued after a suspend: draw again from scratch
  kUnknown,  // a sequence without meaning here (F-keys, Insert, …)
};

struct Key {
  KeyType type = KeyType::kUnknown;
  std::string text;  // kText: the character; kSpace: " "
  char ctrl = 0;     // kCtrl: the lower-case letter
  bool alt = false;  // sent with ESC first (Alt/Meta)

  static Key of(KeyType t) { return Key{t, {}, 0, false}; }
  static Key character(std::string s) { return Key{KeyType::kText, std::move(s), 0, false}; }
  static Key control(char c) { return Key{KeyType::kCtrl, {}, c, false}; }
};

// Decodes the first key in `bytes` and sets `used` to the bytes it took.
// When `bytes` is only the start of a longer sequence (a lone ESC, half a
// UTF-8 character) and `complete` is false, returns nullopt with used = 0:
// wait for more bytes. With `complete` true the start is decoded as it is
// (a lone ESC is Escape). Empty input: nullopt, used = 0. Invalid UTF-8 bytes
// become U+FFFD one at a time.
std::optional<Key> decode_key(std::string_view bytes, bool complete, std::size_t& used);

// Columns one code point takes: 0 (combining marks, zero-width joiners,
// variation selectors, control characters), 2 (wide and full-width
// characters, most emoji) or 1.
int code_point_width(char32_t cp);
// Columns a UTF-8 string takes; ANSI escape sequences (CSI … final byte) are
// skipped, so styled text measures like what is seen.
int display_width(std::string_view text);

struct TerminalSize {
  int columns = 80;
  int rows = 24;
};

class Terminal {
 public:
  virtual ~Terminal() = default;
  // Raw mode: no echo, no line editing, no signals from keys (Ctrl-C arrives
  // as a key). leave_raw() restores what enter_raw() found; both nest-safe
  // (a second enter is a no-op).
  virtual Status enter_raw() = 0;
  virtual void leave_raw() = 0;
  // Blocks for the next key. Errors: kInterrupted (a terminating signal
  // arrived, or the terminal went away), kIo.
  virtual Result<Key> read_key() = 0;
  virtual void write(std::string_view text) = 0;
  virtual TerminalSize size() const = 0;
  // Ctrl-Z: give the terminal back and stop the process; returns after it
  // continues (raw mode re-entered). No-op where stopping is impossible.
  virtual void suspend() = 0;
};

// Raw mode for a scope: entered by the constructor (check `status()`), left
// by the destructor on every path out.
class RawModeGuard {
 public:
  explicit RawModeGuard(Terminal& terminal) : terminal_(terminal), status_(terminal.enter_raw()) {}
  ~RawModeGuard() {
    if (status_) terminal_.leave_raw();
  }
  RawModeGuard(const RawModeGuard&) = delete;
  RawModeGuard& operator=(const RawModeGuard&) = delete;
  const Status& status() const { return status_; }

 private:
  Terminal& terminal_;
  Status status_;
};

}  // namespace hypergen::prompt
