#include "app/shell.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hypergen::app {

namespace {

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

Result<ShellResult> run_shell(const std::string& command, const std::string& stdin_data,
                              const std::string& cwd) {
  int in_pipe[2] = {-1, -1}, out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
  bool feed = !stdin_data.empty();
  if ((feed && ::pipe(in_pipe) != 0) || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) {
    return make_error(ErrorKind::kIo, std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    return make_error(ErrorKind::kIo, std::string("cannot start /bin/sh: ") + std::strerror(errno));
  }
  if (pid == 0) {
    if (feed) {
      ::dup2(in_pipe[0], STDIN_FILENO);
    } else {
      int null_fd = ::open("/dev/null", O_RDONLY);
      if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    }
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      if (fd > STDERR_FILENO) ::close(fd);
    }
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) _exit(127);
    ::signal(SIGPIPE, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close_fd(in_pipe[0]);
  close_fd(out_pipe[1]);
  close_fd(err_pipe[1]);
  // Writing to a pipe whose reader is gone must not kill us.
  struct sigaction ignore {
  }, old{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  ShellResult result;
  std::size_t written = 0;
  int in_fd = feed ? in_pipe[1] : -1;
  if (in_fd >= 0) ::fcntl(in_fd, F_SETFL, O_NONBLOCK);
  int out_fd = out_pipe[0], err_fd = err_pipe[0];
  while (out_fd >= 0 || err_fd >= 0 || in_fd >= 0) {
    pollfd fds[3];
    int n = 0;
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
    if (::poll(fds, static_cast<nfds_t>(n), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in_fd) {
        ssize_t w = ::write(in_fd, stdin_data.data() + written, stdin_data.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) written = stdin_data.size();  // EPIPE
        if (written >= stdin_data.size()) close_fd(in_fd);
      } else {
        char buf[8192];
        ssize_t r = ::read(fds[i].fd, buf, sizeof buf);
        std::string& sink = fds[i].fd == out_fd ? result.out : result.err;
        if (r > 0) {
          sink.append(buf, static_cast<std::size_t>(r));
        } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
          if (fds[i].fd == out_fd)
            close_fd(out_fd);
          else
            close_fd(err_fd);
        }
      }
    }
  }
  close_fd(in_fd);
  ::sigaction(SIGPIPE, &old, nullptr);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status))
    result.exit_status = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    result.exit_status = 128 + WTERMSIG(status);
  return result;
}

}  // namespace hypergen::app
