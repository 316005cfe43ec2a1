#include "util/fs_faulty.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace hypergen {
namespace {

struct NamedErrno {
  std::string_view name;
  int value;
};
constexpr NamedErrno kErrors[] = {{"enospc", ENOSPC}, {"eacces", EACCES}, {"eio", EIO},
                                  {"exdev", EXDEV},   {"erofs", EROFS},   {"enotempty", ENOTEMPTY}};

struct NamedOp {
  std::string_view name;
  Fault::Op op;
};
constexpr NamedOp kOps[] = {{"write", Fault::Op::kWrite},   {"rename", Fault::Op::kRename},
                            {"remove", Fault::Op::kRemove}, {"mkdir", Fault::Op::kMkdir},
                            {"sync", Fault::Op::kSync},     {"chmod", Fault::Op::kChmod},
                            {"read", Fault::Op::kRead},     {"step", Fault::Op::kStep}};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_count(std::string_view text, Fault& fault) {
  if (!text.empty() && text.back() == '+') {
    fault.and_later = true;
    text.remove_suffix(1);
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), fault.n);
  return ec == std::errc() && end == text.data() + text.size() && fault.n >= 1;
}

const char* op_verb(Fault::Op op) {
  switch (op) {
    case Fault::Op::kWrite:
      return "write";
    case Fault::Op::kRename:
      return "rename";
    case Fault::Op::kRemove:
      return "remove";
    case Fault::Op::kMkdir:
      return "create directory";
    case Fault::Op::kSync:
      return "sync directory";
    case Fault::Op::kChmod:
      return "change permissions of";
    case Fault::Op::kRead:
      return "read";
    case Fault::Op::kStep:
      return "change";
  }
  return "change";
}

tl::unexpected<Error> injected(Fault::Op op, const std::string& path, int err) {
  return make_error(ErrorKind::kIo, std::string("cannot ") + op_verb(op) + " '" + path +
                                        "': " + std::strerror(err) + " (injected fault)");
}

[[noreturn]] void die() {
  ::_exit(FaultyFileSystem::kKillExitStatus);
}

}  // namespace

Result<std::vector<Fault>> parse_fault_spec(std::string_view spec) {
  std::vector<Fault> out;
  auto bad = [&](std::string_view part, const char* why) {
    return make_error(ErrorKind::kUsage, "bad fault spec '" + std::string(part) + "' in '" +
                                             std::string(spec) + "': " + why +
                                             " (see src/util/fs_faulty.h)");
  };
  std::size_t i = 0;
  while (i <= spec.size()) {
    std::size_t j = spec.find(',', i);
    if (j == std::string_view::npos) j = spec.size();
    std::string_view part = trim(spec.substr(i, j - i));
    i = j + 1;
    if (part.empty()) continue;
    auto at = part.find('@');
    if (at == std::string_view::npos) return bad(part, "expected ACTION@...");
    std::string_view action = part.substr(0, at);
    std::string_view rest = part.substr(at + 1);
    Fault fault;
    if (action == "kill" || action == "tear" || action == "freeze") {
      fault.action = action == "kill"   ? Fault::Action::kKill
                     : action == "tear" ? Fault::Action::kTear
                                        : Fault::Action::kFreeze;
      fault.op = Fault::Op::kStep;
      fault.and_later = fault.action == Fault::Action::kFreeze;
      fault.error_number = EIO;
      if (!parse_count(rest, fault)) return bad(part, "expected a step number >= 1");
      out.push_back(fault);
      continue;
    }
    auto colon = rest.find(':');
    if (colon == std::string_view::npos) return bad(part, "expected ERROR@OP:N");
    std::string_view op_name = rest.substr(0, colon);
    bool found_op = false;
    for (const auto& op : kOps) {
      if (op.name == op_name) {
        fault.op = op.op;
        found_op = true;
      }
    }
    if (!found_op)
      return bad(part, "unknown operation (write, rename, remove, mkdir, sync, chmod, read, step)");
    if (!parse_count(rest.substr(colon + 1), fault)) return bad(part, "expected a count >= 1");
    if (action == "short") {
      if (fault.op != Fault::Op::kWrite) return bad(part, "short applies to write only");
      fault.action = Fault::Action::kShortWrite;
    } else {
      bool found = false;
      for (const auto& e : kErrors) {
        if (e.name == action) {
          fault.error_number = e.value;
          found = true;
        }
      }
      if (!found)
        return bad(part, "unknown error (enospc, eacces, eio, exdev, erofs, enotempty, short)");
      fault.action = Fault::Action::kError;
    }
    out.push_back(fault);
  }
  return out;
}

FaultyFileSystem::FaultyFileSystem(FileSystem& inner, std::vector<Fault> faults)
    : ForwardingFileSystem(inner), faults_(std::move(faults)) {}

FaultyFileSystem::FaultyFileSystem(std::unique_ptr<FileSystem> inner, std::vector<Fault> faults)
    : ForwardingFileSystem(*inner), owned_(std::move(inner)), faults_(std::move(faults)) {}

const Fault* FaultyFileSystem::before_op(Fault::Op op) {
  bool mutating = op != Fault::Op::kRead;
  std::uint64_t own = ++counts_[static_cast<int>(op)];
  std::uint64_t step = mutating ? ++steps_ : 0;
  for (const Fault& fault : faults_) {
    std::uint64_t count;
    if (fault.op == Fault::Op::kStep) {
      if (!mutating) continue;
      count = step;
    } else {
      if (fault.op != op) continue;
      count = own;
    }
    if (count == fault.n || (fault.and_later && count > fault.n)) return &fault;
  }
  return nullptr;
}

Result<std::string> FaultyFileSystem::read_file(const std::string& path) {
  if (const Fault* f = before_op(Fault::Op::kRead)) {
    if (f->action == Fault::Action::kError)
      return injected(Fault::Op::kRead, path, f->error_number);
  }
  return inner().read_file(path);
}

Status FaultyFileSystem::write_file(const std::string& path, std::string_view data, bool durable) {
  if (const Fault* f = before_op(Fault::Op::kWrite)) {
    switch (f->action) {
      case Fault::Action::kKill:
        die();
      case Fault::Action::kTear:
        (void)inner().write_file(path, data.substr(0, data.size() / 2), durable);
        die();
      case Fault::Action::kFreeze:
      case Fault::Action::kError:
        return injected(Fault::Op::kWrite, path, f->error_number);
      case Fault::Action::kShortWrite: {
        (void)inner().write_file(path, data.substr(0, data.size() / 2), durable);
        return make_error(ErrorKind::kIo, "cannot write '" + path + "': short write (" +
                                              std::to_string(data.size() / 2) + " of " +
                                              std::to_string(data.size()) +
                                              " bytes) (injected fault)");
      }
    }
  }
  return inner().write_file(path, data, durable);
}

#define HG_FAULT_POINT(op, path)                                                           \
  do {                                                                                     \
    if (const Fault* f_ = before_op(op)) {                                                 \
      if (f_->action == Fault::Action::kKill || f_->action == Fault::Action::kTear) die(); \
      return injected(op, path, f_->error_number);                                         \
    }                                                                                      \
  } while (0)

Status FaultyFileSystem::rename(const std::string& from, const std::string& to) {
  HG_FAULT_POINT(Fault::Op::kRename, from);
  return inner().rename(from, to);
}

Status FaultyFileSystem::remove(const std::string& path) {
  HG_FAULT_POINT(Fault::Op::kRemove, path);
  return inner().remove(path);
}

Status FaultyFileSystem::make_dirs(const std::string& path) {
  HG_FAULT_POINT(Fault::Op::kMkdir, path);
  return inner().make_dirs(path);
}

Status FaultyFileSystem::sync_dir(const std::string& path) {
  HG_FAULT_POINT(Fault::Op::kSync, path);
  return inner().sync_dir(path);
}

Status FaultyFileSystem::set_permissions(const std::string& path, std::uint32_t mode) {
  HG_FAULT_POINT(Fault::Op::kChmod, path);
  return inner().set_permissions(path, mode);
}

#undef HG_FAULT_POINT

Result<std::unique_ptr<FileSystem>> wrap_with_faults_from_env(std::unique_ptr<FileSystem> fs,
                                                              const char* spec) {
  if (spec == nullptr || *spec == '\0') return fs;
  auto faults = parse_fault_spec(spec);
  if (!faults) return tl::unexpected(faults.error());
  return std::unique_ptr<FileSystem>(
      std::make_unique<FaultyFileSystem>(std::move(fs), std::move(*faults)));
}

}  // namespace hypergen
