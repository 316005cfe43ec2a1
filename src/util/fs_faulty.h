#pragma once
// A FileSystem decorator that injects faults, so tests can prove that the
// transactional writer never tears a file nor touches a target when the disk
// says no, and that a SIGKILL at any step is recoverable.
//
// Configured by a fault spec, read by the CLI from HYPERGEN_FAULT when it
// builds its file system (see wrap_with_faults_from_env). Syntax: a comma
// separated list of faults
//
//   kill@N            _exit(137) (as if SIGKILLed) just before mutating step N
//   tear@N            like kill@N, but if step N is a write, first write the
//                     first half of the data (a torn file) and then exit
//   freeze@N          from mutating step N on, every mutating call fails (EIO)
//                     and does nothing: an in-process stand-in for kill@N, the
//                     disk stays as the crash left it (for unit tests)
//   ERROR@OP:N        fail the N-th call of OP with ERROR (the call does nothing)
//   ERROR@OP:N+       ... the N-th and every later call
//   short@write:N[+]  write the first half of the data, then fail (short write)
//
//   ERROR: enospc | eacces | eio | exdev | erofs | enotempty
//   OP:    write | rename | remove | mkdir | sync | chmod | read | step
//          ("step" = any mutating step)
//   N:     1-based count, per OP (for step: of all mutating steps), in this process
//
// Mutating steps are write_file, rename, remove, make_dirs, sync_dir and
// set_permissions (lock_file is not one). Examples:
//   HYPERGEN_FAULT=kill@7   HYPERGEN_FAULT=enospc@write:3   HYPERGEN_FAULT=eio@rename:2+,kill@20
// Injected errors are ErrorKind::kIo with the same message shape as the real
// file system plus " (injected fault)".

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/fs.h"
#include "util/fs_forwarding.h"

namespace hypergen {

struct Fault {
  enum class Action : std::uint8_t { kKill, kTear, kFreeze, kError, kShortWrite };
  enum class Op : std::uint8_t { kWrite, kRename, kRemove, kMkdir, kSync, kChmod, kRead, kStep };
  Action action = Action::kError;
  Op op = Op::kStep;
  std::uint64_t n = 1;
  bool and_later = false;  // "N+"
  int error_number = 0;    // errno value for kError (ENOSPC, ...)
};

// Parses a fault spec (see above); kUsage with the offending part on error.
Result<std::vector<Fault>> parse_fault_spec(std::string_view spec);

class FaultyFileSystem : public ForwardingFileSystem {
 public:
  FaultyFileSystem(FileSystem& inner, std::vector<Fault> faults);
  FaultyFileSystem(std::unique_ptr<FileSystem> inner, std::vector<Fault> faults);

  // Mutating steps performed (or attempted) so far: run once without faults to
  // learn how many kill points an operation has.
  std::uint64_t steps() const { return steps_; }
  // Exit status used for kill@/tear@ (what a shell shows for SIGKILL).
  static constexpr int kKillExitStatus = 137;

  Result<std::string> read_file(const std::string& path) override;
  Status write_file(const std::string& path, std::string_view data, bool durable) override;
  Status rename(const std::string& from, const std::string& to) override;
  Status remove(const std::string& path) override;
  Status make_dirs(const std::string& path) override;
  Status sync_dir(const std::string& path) override;
  Status set_permissions(const std::string& path, std::uint32_t mode) override;

 private:
  // What to do for this call: nothing (nullptr), or the fault that fires.
  const Fault* before_op(Fault::Op op);

  std::unique_ptr<FileSystem> owned_;
  std::vector<Fault> faults_;
  std::uint64_t steps_ = 0;
  std::uint64_t counts_[8] = {};
};

// If `spec` (the value of HYPERGEN_FAULT; null or empty = no faults) is set,
// wraps `fs` in a FaultyFileSystem; otherwise returns `fs` unchanged.
Result<std::unique_ptr<FileSystem>> wrap_with_faults_from_env(std::unique_ptr<FileSystem> fs,
                                                              const char* spec);

}  // namespace hypergen
