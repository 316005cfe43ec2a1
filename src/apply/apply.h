#pragma once
// The transactional writer: turns a planned list of file changes into disk
// changes so that, whatever happens (an I/O error, a crash, SIGKILL, a second
// hypergen process), every target ends up entirely old or entirely new.
//
// How apply_changes() works (all under the project lock <root>/.hypergen/lock):
//   1. check: every `before` still matches the disk (else kConflict, nothing
//      touched); find the parent directories that must be created.
//   2. journal (state "pending"): the directories to create and, per target,
//      its staged temp name and backup name. Written atomically.
//   3. stage: write each new content beside its target (same directory,
//      hidden temp name ".<name>.hg-<id>.new", mode of the old file), and a
//      backup of each old content (".<name>.hg-<id>.old"); a directory the
//      apply creates is built whole under a hidden name beside its place
//      (".<dir>.hg-<id>-d<k>.new"), the files created in it written at their
//      final names inside; fsync files and directories when `durable`.
//   4. COMMIT POINT: the journal is rewritten with state "committed".
//   5. commit: rename every staged tree to its place (one rename for all the
//      files in it), then every staged file over its target; fsync the
//      directories.
//   6. clean up: remove the backups, then the journal.
// A failure before 4 removes what was staged and created: no target touched.
// A failure during 5 marks the journal "rolling-back" and restores the
// renamed targets from their backups: still no target touched.
// recover() finishes an interrupted apply: "pending" and "rolling-back" roll
// back, "committed" rolls forward. The journal format is described in
// journal.h and docs/journal.md.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "util/fs.h"
#include "util/result.h"

namespace hypergen::apply {

struct FileChange {
  enum class Kind : std::uint8_t { kCreate, kOverwrite, kInject };
  Kind kind;
  std::string path;     // absolute path, already resolved by resolve_output_path()
  std::string content;  // complete new content of the file
  std::optional<std::string>
      before;  // content the change was planned against (nullopt for kCreate:
               // file must still not exist); if the file changed since, apply
               // fails with ErrorKind::kConflict and touches nothing
};

inline constexpr std::chrono::milliseconds kDefaultLockTimeout{10'000};

struct ApplyOptions {
  std::string project_root;  // journal lives in <project_root>/.hypergen/journal/
  bool durable = true;       // fsync staged files and directories
  // How long to wait for another hypergen process that holds the project lock.
  std::chrono::milliseconds lock_timeout = kDefaultLockTimeout;
  // Whether a journal left by an earlier crash may touch files outside the
  // project root when it is recovered first (see recover()).
  bool allow_outside = false;
  // Threads for writing staged files: 0 automatic, 1 sequential (see
  // kParallelStageThreshold).
  int jobs = 0;
};

// Fewer changes than this are staged on the calling thread: starting threads
// would cost more than it saves.
inline constexpr std::size_t kParallelStageThreshold = 16;

struct ApplyResult {
  std::size_t created = 0, overwritten = 0, injected = 0;
};

// Stage every new content beside its target (same directory, hidden temp name), journal, then
// commit all by rename; if anything fails before the commit point nothing is touched and staged
// files are removed. Several changes to the same path are not allowed (the planner merges them)
// → kConflict. A kCreate must have no `before`, a kOverwrite/kInject must have one (else kFailure:
// a planner bug). A journal left by an earlier crash is recovered first. Errors: kConflict (a
// target changed since it was planned, or the lock is held by another process for longer than
// lock_timeout), kIo (the file system said no; the message names the path and says whether
// anything was left to `hypergen recover`).
Result<ApplyResult> apply_changes(FileSystem& fs, const ApplyOptions& options,
                                  std::span<const FileChange> changes);

// Finish or undo an interrupted apply found in the journal (called at the start of every
// generation and by `hypergen recover`): after it, each target is entirely old or entirely new,
// and the journal and staged files are gone. Reports what it did. A journal that fails its
// checksum cannot be trusted: it is moved aside to "<journal>.corrupt" (journal_corrupt = true,
// summary says where) and nothing else is touched.
struct RecoveryReport {
  bool had_journal = false;
  bool rolled_forward = false;
  std::size_t files = 0;
  std::string summary;
  bool journal_corrupt = false;
};
// A journal is replayed only if it could have been written for this project
// (staged names derived from their targets, directories on the way to them);
// otherwise it is set aside as corrupt. One whose targets leave the project
// root is refused (kConflict, journal kept) unless `allow_outside`.
Result<RecoveryReport> recover(FileSystem& fs, const std::string& project_root,
                               std::chrono::milliseconds lock_timeout = kDefaultLockTimeout,
                               bool allow_outside = false);

}  // namespace hypergen::apply
