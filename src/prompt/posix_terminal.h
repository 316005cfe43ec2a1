#pragma once
// The process's terminal: keys from stdin (fd 0), drawing on stderr (fd 2),
// so stdout stays free for results (`hypergen prompt` prints JSON there).
//
// Raw mode is termios on stdin (no ICANON, ECHO, ISIG, IEXTEN, IXON, ICRNL;
// output processing kept so "\n" still starts a new line). While raw:
//  - SIGINT, SIGTERM, SIGHUP and SIGQUIT restore the saved mode at once
//    (async-signal-safe tcsetattr) and make the pending read_key() fail with
//    kInterrupted; the prompter then returns that error (exit 130).
//  - SIGTSTP (kill -TSTP, or Ctrl-Z through suspend()) restores the mode and
//    shows the cursor, stops the process, and on SIGCONT re-enters raw mode;
//    read_key() then returns kResume so the question is drawn again.
//  - SIGWINCH makes read_key() return kResize.
// leave_raw() (and the destructor) restore the mode and the previous signal
// handlers. Only one PosixTerminal may be raw at a time in a process (the
// signal handlers need the saved mode in a static; it is the one global here).

#include <memory>

#include "prompt/terminal.h"

namespace hypergen::prompt {

class PosixTerminal final : public Terminal {
 public:
  PosixTerminal(int in_fd = 0, int out_fd = 2);
  ~PosixTerminal() override;
  PosixTerminal(const PosixTerminal&) = delete;
  PosixTerminal& operator=(const PosixTerminal&) = delete;

  Status enter_raw() override;
  void leave_raw() override;
  Result<Key> read_key() override;
  void write(std::string_view text) override;
  TerminalSize size() const override;
  void suspend() override;

 private:
  // Reads what is available into buffer_; waits up to `timeout_ms` (-1:
  // forever). Returns false on timeout; errors for signals and EOF.
  Result<bool> fill(int timeout_ms);

  int in_fd_;
  int out_fd_;
  bool raw_ = false;
  std::string buffer_;
};

// Whether fds 0 and 2 are both terminals (where a PosixTerminal can ask).
bool process_has_terminal();

}  // namespace hypergen::prompt
