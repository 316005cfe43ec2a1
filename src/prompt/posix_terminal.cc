#include "prompt/posix_terminal.h"

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>

namespace hypergen::prompt {

namespace {

// Signal-handler state: what to restore, and what happened. Written by
// enter_raw/leave_raw (signals blocked around the writes) and the handlers.
struct termios g_saved_mode;
struct termios g_raw_mode;
int g_in_fd = -1;
int g_out_fd = -1;
volatile sig_atomic_t g_raw_active = 0;
volatile sig_atomic_t g_terminating_signal = 0;
volatile sig_atomic_t g_resized = 0;
volatile sig_atomic_t g_resumed = 0;

constexpr std::array kTerminatingSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr char kShowCursor[] = "\x1b[?25h";

struct SavedActions {
  struct sigaction terminating[kTerminatingSignals.size()];
  struct sigaction winch;
  struct sigaction tstp;
  struct sigaction cont;
};
SavedActions g_previous;

void on_terminating_signal(int sig) {
  if (g_raw_active) {
    ::tcsetattr(g_in_fd, TCSAFLUSH, &g_saved_mode);
    [[maybe_unused]] auto n = ::write(g_out_fd, kShowCursor, sizeof kShowCursor - 1);
    g_raw_active = 0;
  }
  g_terminating_signal = sig;
}

void on_winch(int) {
  g_resized = 1;
}

void on_tstp(int) {
  int saved_errno = errno;
  if (g_raw_active) {
    ::tcsetattr(g_in_fd, TCSAFLUSH, &g_saved_mode);
    [[maybe_unused]] auto n = ::write(g_out_fd, kShowCursor, sizeof kShowCursor - 1);
  }
  // Stop for real with the default action, then come back here on SIGCONT.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  struct sigaction ours {};
  ::sigaction(SIGTSTP, &dfl, &ours);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGTSTP);
  ::sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
  ::raise(SIGTSTP);
  // Continued.
  ::sigaction(SIGTSTP, &ours, nullptr);
  if (g_raw_active) ::tcsetattr(g_in_fd, TCSAFLUSH, &g_raw_mode);
  g_resumed = 1;
  errno = saved_errno;
}

void install(int sig, void (*handler)(int), struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read() returns EINTR
  ::sigaction(sig, &action, previous);
}

// Blocks the handled signals for the scope (so handler state changes are
// never seen half done).
class BlockSignals {
 public:
  BlockSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kTerminatingSignals) sigaddset(&set, sig);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
  }
  ~BlockSignals() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }
  const sigset_t& previous() const { return old_; }

 private:
  sigset_t old_;
};

}  // namespace

PosixTerminal::PosixTerminal(int in_fd, int out_fd) : in_fd_(in_fd), out_fd_(out_fd) {}

PosixTerminal::~PosixTerminal() {
  leave_raw();
}

Status PosixTerminal::enter_raw() {
  if (raw_) return {};
  BlockSignals block;
  if (g_raw_active)
    return make_error(ErrorKind::kFailure, "another prompt already has the terminal");
  struct termios mode;
  if (::tcgetattr(in_fd_, &mode) != 0) {
    return make_error(ErrorKind::kIo, std::string("terminal: ") + std::strerror(errno));
  }
  g_saved_mode = mode;
  mode.c_iflag &= ~static_cast<tcflag_t>(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
  mode.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | IEXTEN | ISIG);
  mode.c_cflag |= CS8;
  mode.c_cc[VMIN] = 1;
  mode.c_cc[VTIME] = 0;
  g_raw_mode = mode;
  g_in_fd = in_fd_;
  g_out_fd = out_fd_;
  if (::tcsetattr(in_fd_, TCSAFLUSH, &mode) != 0) {
    return make_error(ErrorKind::kIo, std::string("terminal: ") + std::strerror(errno));
  }
  g_terminating_signal = 0;
  g_resized = 0;
  g_resumed = 0;
  for (std::size_t i = 0; i < kTerminatingSignals.size(); ++i) {
    install(kTerminatingSignals[i], on_terminating_signal, &g_previous.terminating[i]);
  }
  install(SIGWINCH, on_winch, &g_previous.winch);
  install(SIGTSTP, on_tstp, &g_previous.tstp);
  g_raw_active = 1;
  raw_ = true;
  return {};
}

void PosixTerminal::leave_raw() {
  if (!raw_) return;
  BlockSignals block;
  if (g_raw_active) ::tcsetattr(in_fd_, TCSAFLUSH, &g_saved_mode);
  g_raw_active = 0;
  for (std::size_t i = 0; i < kTerminatingSignals.size(); ++i) {
    ::sigaction(kTerminatingSignals[i], &g_previous.terminating[i], nullptr);
  }
  ::sigaction(SIGWINCH, &g_previous.winch, nullptr);
  ::sigaction(SIGTSTP, &g_previous.tstp, nullptr);
  raw_ = false;
  buffer_.clear();
}

Result<bool> PosixTerminal::fill(int timeout_ms) {
  for (;;) {
    // The flags are checked with the signals blocked, and ppoll() unblocks
    // them atomically while it waits: a signal can never slip in between.
    ssize_t n = 0;
    {
      BlockSignals block;
      if (g_terminating_signal) return make_error(ErrorKind::kInterrupted, "interrupted");
      if (timeout_ms < 0 && (g_resized || g_resumed)) return true;
      struct pollfd pfd {
        in_fd_, POLLIN, 0
      };
      struct timespec timeout {
        timeout_ms / 1000, static_cast<long>(timeout_ms % 1000) * 1000000L
      };
      int ready = ::ppoll(&pfd, 1, timeout_ms < 0 ? nullptr : &timeout, &block.previous());
      if (ready < 0) {
        if (errno == EINTR) continue;
        return make_error(ErrorKind::kIo, std::string("terminal: ") + std::strerror(errno));
      }
      if (ready == 0) return false;
    }
    char chunk[256];
    n = ::read(in_fd_, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return make_error(ErrorKind::kIo, std::string("terminal: ") + std::strerror(errno));
    }
    if (n == 0) return make_error(ErrorKind::kInterrupted, "the terminal was closed");
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
}

Result<Key> PosixTerminal::read_key() {
  for (;;) {
    if (g_terminating_signal) return make_error(ErrorKind::kInterrupted, "interrupted");
    if (g_resumed) {
      g_resumed = 0;
      g_resized = 0;
      return Key::of(KeyType::kResume);
    }
    if (g_resized) {
      g_resized = 0;
      return Key::of(KeyType::kResize);
    }
    std::size_t used = 0;
    if (auto key = decode_key(buffer_, false, used)) {
      buffer_.erase(0, used);
      return *key;
    }
    if (!buffer_.empty()) {
      // The start of a sequence: give the rest 50 ms to arrive, then take
      // what is there (a lone ESC is the Escape key).
      auto more = fill(50);
      if (!more) return tl::unexpected(more.error());
      if (!*more) {
        auto key = decode_key(buffer_, true, used);
        buffer_.erase(0, used);
        if (key) return *key;
      }
      continue;
    }
    auto got = fill(-1);
    if (!got) return tl::unexpected(got.error());
  }
}

void PosixTerminal::write(std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(out_fd_, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // nowhere to report a failing terminal; the answer still counts
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

TerminalSize PosixTerminal::size() const {
  struct winsize ws {};
  TerminalSize size;
  if (::ioctl(out_fd_, TIOCGWINSZ, &ws) == 0 || ::ioctl(in_fd_, TIOCGWINSZ, &ws) == 0) {
    if (ws.ws_col > 0) size.columns = ws.ws_col;
    if (ws.ws_row > 0) size.rows = ws.ws_row;
  }
  return size;
}

void PosixTerminal::suspend() {
  if (!raw_) return;
  ::raise(SIGTSTP);  // on_tstp restores the mode, stops, and re-enters raw mode
}

bool process_has_terminal() {
  return ::isatty(0) == 1 && ::isatty(2) == 1;
}

}  // namespace hypergen::prompt
