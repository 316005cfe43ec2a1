#include "app/node_hook.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "js/prelude.h"
#include "liquid/json.h"

namespace hypergen::app {

namespace {

// The child's program (`node -e`): the protocol of node_hook.h.
constexpr std::string_view kRunner = R"JS('use strict';
const fs = require('fs');
const vm = require('vm');
const { StringDecoder } = require('string_decoder');
const decoder = new StringDecoder('utf8');
const chunk = Buffer.alloc(65536);
let buf = '';
function send(m) {
  const b = Buffer.from(JSON.stringify(m) + '\n');
  let off = 0;
  while (off < b.length) off += fs.writeSync(4, b, off);
}
function recv() {
  for (;;) {
    const nl = buf.indexOf('\n');
    if (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      return JSON.parse(line);
    }
    let n;
    try {
      n = fs.readSync(3, chunk, 0, chunk.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      throw e;
    }
    if (n === 0) process.exit(70);
    buf += decoder.write(chunk.subarray(0, n));
  }
}
let hooks = null;
function call(m) {
  send(m);
  for (;;) {
    const r = recv();
    if (r.t === 'validate') {
      send({ t: 'valid', v: JSON.parse(hooks.validate(r.i, JSON.stringify(r.v))) });
      continue;
    }
    return r;
  }
}
function native(...args) {
  const r = call({ t: 'native', a: args.map((a) => (a == null ? '' : String(a))) });
  if (r.t === 'fail') throw new TypeError(r.m);
  return r.v;
}
const init = recv();
const nodeConsole = globalThis.console;
globalThis.__hypergen_native = native;
const prelude = vm.runInThisContext(init.prelude, { filename: 'hypergen:prelude.js' });
globalThis.console = nodeConsole;
hooks = vm.runInThisContext(init.hooks, { filename: 'hypergen:hooks.js' })(
  prelude.native, prelude.helpers, prelude.path, prelude.state);
const box = hooks.runHookWith(() => require(init.file), init.args);
box.promise.then(() => {
  send({ t: 'done', v: JSON.parse(hooks.outcome(box, false)) });
  process.exit(0);
});
)JS";

class Channel {
 public:
  Channel(int in, int out) : in_(in), out_(out) {}

  Status send(const liquid::Value& message) {
    std::string line = liquid::to_json(message) + "\n";
    std::size_t off = 0;
    while (off < line.size()) {
      ssize_t n = ::write(out_, line.data() + off, line.size() - off);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return make_error(ErrorKind::kFailure, "the node hook process went away");
      off += static_cast<std::size_t>(n);
    }
    return {};
  }

  // The next message; nullopt at end of file.
  Result<std::optional<liquid::Value>> receive() {
    while (true) {
      auto nl = buf_.find('\n');
      if (nl != std::string::npos) {
        std::string line = buf_.substr(0, nl);
        buf_.erase(0, nl + 1);
        auto v = liquid::parse_json(line, "<node hook message>");
        if (!v) return tl::unexpected(v.error());
        return std::optional<liquid::Value>(std::move(*v));
      }
      char chunk[65536];
      ssize_t n = ::read(in_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return std::optional<liquid::Value>();
      buf_.append(chunk, static_cast<std::size_t>(n));
    }
  }

 private:
  int in_, out_;
  std::string buf_;
};

std::string str_of(const liquid::Value& v, std::string_view key) {
  if (!v.is_object()) return {};
  const liquid::Value* x = v.as_object().find(key);
  return x && x->is_string() ? x->as_string() : std::string();
}

liquid::Value message(std::string_view type) {
  liquid::Object o;
  o.set("t", liquid::Value(std::string(type)));
  return liquid::Value(std::move(o));
}

// "file:line:col" of `file` in a V8 stack, as a location.
SourceLocation stack_location(const std::string& stack, const std::string& file) {
  auto at = stack.find(file + ":");
  if (at == std::string::npos) return {};
  std::size_t p = at + file.size() + 1;
  int line = 0, column = 0;
  while (p < stack.size() && std::isdigit(static_cast<unsigned char>(stack[p]))) {
    line = line * 10 + (stack[p++] - '0');
  }
  if (p < stack.size() && stack[p] == ':') {
    ++p;
    while (p < stack.size() && std::isdigit(static_cast<unsigned char>(stack[p]))) {
      column = column * 10 + (stack[p++] - '0');
    }
  }
  return {file, line, column};
}

int move_high(int fd) {
  int high = ::fcntl(fd, F_DUPFD, 10);
  ::close(fd);
  return high;
}

}  // namespace

std::optional<std::string> find_node(std::string_view path_env) {
  std::size_t start = 0;
  while (start <= path_env.size()) {
    std::size_t colon = path_env.find(':', start);
    std::string_view dir = path_env.substr(
        start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
    std::string candidate = (dir.empty() ? std::string(".") : std::string(dir)) + "/node";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return std::nullopt;
}

Result<liquid::Value> run_node_hook(const NodeHookInput& in, js::Runtime& runtime) {
  int to_child[2] = {-1, -1}, from_child[2] = {-1, -1};
  if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) {
    return make_error(ErrorKind::kIo, std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  std::string script(kRunner);
  pid_t pid = ::fork();
  if (pid < 0) {
    return make_error(ErrorKind::kIo, "cannot start " + in.node + ": " + std::strerror(errno));
  }
  if (pid == 0) {
    int child_in = move_high(to_child[0]);
    int child_out = move_high(from_child[1]);
    ::close(to_child[1]);
    ::close(from_child[0]);
    ::dup2(child_in, 3);
    ::dup2(child_out, 4);
    ::close(child_in);
    ::close(child_out);
    if (!in.cwd.empty() && ::chdir(in.cwd.c_str()) != 0) _exit(127);
    ::execl(in.node.c_str(), "node", "-e", script.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ::close(to_child[0]);
  ::close(from_child[1]);
  struct sigaction ignore {
  }, old{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  Channel channel(from_child[0], to_child[1]);

  auto finish = [&](Result<liquid::Value> r) -> Result<liquid::Value> {
    ::close(to_child[1]);
    ::close(from_child[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::sigaction(SIGPIPE, &old, nullptr);
    return r;
  };

  liquid::Object init;
  init.set("t", liquid::Value("init"));
  init.set("prelude", liquid::Value(std::string(js::kPrelude)));
  init.set("hooks", liquid::Value(std::string(js::kHooksJs)));
  init.set("file", liquid::Value(in.file));
  init.set("args", in.args);
  if (auto sent = channel.send(liquid::Value(std::move(init))); !sent) {
    return finish(tl::unexpected(sent.error()));
  }

  // Answers a validate request of the child while a question is open.
  js::ValidateFn validate = [&](std::size_t index,
                                const liquid::Value& answer) -> Result<std::optional<std::string>> {
    liquid::Value req = message("validate");
    req.mutable_object().set("i", liquid::Value(static_cast<std::int64_t>(index)));
    req.mutable_object().set("v", answer);
    HG_RETURN_IF_ERROR(channel.send(req));
    auto reply = channel.receive();
    if (!reply) return tl::unexpected(reply.error());
    if (!*reply || str_of(**reply, "t") != "valid") {
      return make_error(ErrorKind::kFailure, "the node hook process stopped while validating");
    }
    const liquid::Value* v = (*reply)->as_object().find("v");
    if (v && v->is_string()) return std::optional<std::string>(v->as_string());
    return std::optional<std::string>();
  };

  while (true) {
    auto msg = channel.receive();
    if (!msg) return finish(tl::unexpected(msg.error()));
    if (!*msg) {
      ::close(to_child[1]);
      ::close(from_child[0]);
      int status = 0;
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      ::sigaction(SIGPIPE, &old, nullptr);
      std::string how = WIFEXITED(status) ? "with status " + std::to_string(WEXITSTATUS(status))
                                          : "on signal " + std::to_string(WTERMSIG(status));
      return make_error(ErrorKind::kFailure,
                        "node exited " + how + " before the hook " + in.file + " finished");
    }
    const liquid::Value& m = **msg;
    std::string type = str_of(m, "t");
    if (type == "native") {
      std::vector<std::string> args;
      if (const liquid::Value* a = m.as_object().find("a"); a && a->is_array()) {
        for (const liquid::Value& x : a->as_array()) {
          args.push_back(x.is_string() ? x.as_string() : x.to_output());
        }
      }
      auto r = runtime.native_call(args, validate);
      liquid::Value reply = message(r ? "ok" : "fail");
      reply.mutable_object().set(r ? "v" : "m", liquid::Value(r ? *r : r.error().message));
      if (auto sent = channel.send(reply); !sent) return finish(tl::unexpected(sent.error()));
      continue;
    }
    if (type == "done") {
      const liquid::Value* v = m.as_object().find("v");
      if (!v || !v->is_object()) {
        return finish(make_error(ErrorKind::kFailure, "the node hook process sent no result"));
      }
      const liquid::Object& o = v->as_object();
      const liquid::Value* failed = o.find("failed");
      if (failed && failed->is_bool() && failed->as_bool()) {
        const liquid::Value* e = o.find("error");
        std::string name = e ? str_of(*e, "name") : "";
        std::string text = e ? str_of(*e, "message") : "";
        Error err{ErrorKind::kFailure,
                  "the hook " + in.file + " failed: " + (name.empty() ? text : name + ": " + text),
                  {},
                  {}};
        if (e) err.where = stack_location(str_of(*e, "stack"), in.file);
        return finish(tl::unexpected(err));
      }
      const liquid::Value* value = o.find("value");
      return finish(value ? *value : liquid::Value(liquid::Object{}));
    }
    return finish(make_error(ErrorKind::kFailure,
                             "the node hook process sent an unknown message '" + type + "'"));
  }
}

}  // namespace hypergen::app
