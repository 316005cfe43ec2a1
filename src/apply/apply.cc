#include "apply/apply.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "apply/journal.h"
#include "apply/paths.h"
#include "util/parallel.h"
#include "util/state_dir.h"

namespace hypergen::apply {
namespace {

constexpr std::size_t kMaxTempBase = 200;  // keeps ".<base>.hg-<id>-<n>.new" under NAME_MAX

std::string parent_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == 0 || slash == std::string::npos) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

std::string hypergen_dir(const std::string& root) {
  return parent_of(journal_dir(root));
}

std::string make_id() {
  std::random_device device;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld-%08x", static_cast<long>(::getpid()),
                static_cast<unsigned>(device()));
  return buffer;
}

tl::unexpected<Error> with_note(Error error, const std::string& note) {
  error.message += note;
  return tl::unexpected<Error>(std::move(error));
}

bool exists(FileSystem& fs, const std::string& path) {
  auto st = fs.lstat(path);
  return st && st->exists();
}

// Removes `path` if it is there; a missing path is fine.
Status remove_if_exists(FileSystem& fs, const std::string& path) {
  auto st = fs.lstat(path);
  if (!st) return tl::unexpected(st.error());
  if (!st->exists()) return {};
  auto removed = fs.remove(path);
  if (!removed && removed.error().kind != ErrorKind::kNotFound) return removed;
  return {};
}

// Where created directory `dir` is built while the apply is pending: inside
// the staged name of the tree that holds it (every created directory lies in
// one, see prepare()). `dir` itself when no tree holds it (a version 1
// journal).
std::string staged_dir(const Journal& journal, const std::string& dir) {
  for (const JournalTree& tree : journal.trees) {
    if (dir == tree.target) return tree.staged;
    if (dir.size() > tree.target.size() && dir.compare(0, tree.target.size(), tree.target) == 0 &&
        dir[tree.target.size()] == '/') {
      return tree.staged + dir.substr(tree.target.size());
    }
  }
  return dir;
}

// Whether the staged file of `file` lies in a staged tree (it then reaches
// its target with the tree's rename, not its own).
bool in_tree(const Journal& journal, const JournalFile& file) {
  for (const JournalTree& tree : journal.trees) {
    if (file.staged.size() > tree.staged.size() &&
        file.staged.compare(0, tree.staged.size(), tree.staged) == 0 &&
        file.staged[tree.staged.size()] == '/') {
      return true;
    }
  }
  return false;
}

// Every directory whose entries a transaction changes: the targets' parents
// and the parents of the directories it creates, and the same on the staged
// side (the staged files' parents, where the trees are built).
std::vector<std::string> touched_dirs(const Journal& journal) {
  std::set<std::string> dirs;
  for (const auto& file : journal.files) {
    dirs.insert(parent_of(file.target));
    dirs.insert(parent_of(file.staged));
  }
  for (const auto& dir : journal.created_dirs) {
    dirs.insert(parent_of(dir));
    dirs.insert(parent_of(staged_dir(journal, dir)));
  }
  return {dirs.begin(), dirs.end()};
}

Status sync_dirs(FileSystem& fs, const std::vector<std::string>& dirs) {
  for (const auto& dir : dirs) {
    if (!exists(fs, dir)) continue;  // a created directory removed by a rollback
    HG_RETURN_IF_ERROR(fs.sync_dir(dir));
  }
  return {};
}

// How far an atomic journal write got: if the rename happened, the new state
// is what a crash would find, even when a later fsync failed.
struct JournalWrite {
  bool renamed = false;
  Status status;
};

JournalWrite write_journal(FileSystem& fs, const std::string& root, const Journal& journal,
                           bool durable) {
  std::string path = journal_path(root);
  std::string tmp = path + ".tmp";
  JournalWrite result;
  result.status = fs.write_file(tmp, encode_journal(journal), durable);
  if (!result.status) {
    (void)remove_if_exists(fs, tmp);
    return result;
  }
  result.status = fs.rename(tmp, path);
  if (!result.status) {
    (void)remove_if_exists(fs, tmp);
    return result;
  }
  result.renamed = true;
  if (durable) result.status = fs.sync_dir(journal_dir(root));
  return result;
}

Status remove_journal(FileSystem& fs, const std::string& root, bool durable) {
  HG_RETURN_IF_ERROR(remove_if_exists(fs, journal_path(root)));
  if (durable) HG_RETURN_IF_ERROR(fs.sync_dir(journal_dir(root)));
  return {};
}

// Undo: afterwards every target has its old content (or is absent again),
// staged files and backups are gone, created directories removed when empty,
// and the journal removed. Works from any point of an apply: a staged file
// still present means its target was not replaced; a missing one (past the
// commit point) means it was, and the backup (or removal) restores it.
Status roll_back(FileSystem& fs, const std::string& root, const Journal& journal, bool durable) {
  bool past_commit = journal.state != Journal::State::kPending;
  for (auto it = journal.files.rbegin(); it != journal.files.rend(); ++it) {
    const JournalFile& file = *it;
    auto staged = fs.lstat(file.staged);
    if (!staged) return tl::unexpected(staged.error());
    if (staged->exists()) {
      HG_RETURN_IF_ERROR(remove_if_exists(fs, file.staged));
    } else if (past_commit) {
      if (!file.backup.empty() && exists(fs, file.backup)) {
        HG_RETURN_IF_ERROR(fs.rename(file.backup, file.target));
      } else if (file.kind == FileChange::Kind::kCreate) {
        HG_RETURN_IF_ERROR(remove_if_exists(fs, file.target));
      }
    }
    if (!file.backup.empty()) HG_RETURN_IF_ERROR(remove_if_exists(fs, file.backup));
  }
  for (auto it = journal.created_dirs.rbegin(); it != journal.created_dirs.rend(); ++it) {
    for (const std::string& dir : {staged_dir(journal, *it), *it}) {
      auto st = fs.lstat(dir);
      if (!st || !st->is_directory()) continue;
      (void)fs.remove(dir);  // fails when someone put a file there: then it stays
    }
  }
  if (durable) HG_RETURN_IF_ERROR(sync_dirs(fs, touched_dirs(journal)));
  return remove_journal(fs, root, durable);
}

// Redo: every staged file still present replaces its target; then the
// backups and the journal go.
Status roll_forward(FileSystem& fs, const std::string& root, const Journal& journal, bool durable) {
  for (const auto& tree : journal.trees) {
    if (exists(fs, tree.staged)) HG_RETURN_IF_ERROR(fs.rename(tree.staged, tree.target));
  }
  for (const auto& file : journal.files) {
    if (exists(fs, file.staged)) HG_RETURN_IF_ERROR(fs.rename(file.staged, file.target));
  }
  if (durable) HG_RETURN_IF_ERROR(sync_dirs(fs, touched_dirs(journal)));
  for (const auto& file : journal.files) {
    if (!file.backup.empty()) HG_RETURN_IF_ERROR(remove_if_exists(fs, file.backup));
  }
  return remove_journal(fs, root, durable);
}

// Where the new (".new") and old (".old") contents of change `i` of the
// apply `id` are kept: hidden files beside the target.
std::string staging_stem(const std::string& target, const std::string& id, std::size_t i) {
  std::string base = base_of(target).substr(0, kMaxTempBase);
  std::string stem = parent_of(target) + "/." + base + ".hg-" + id + "-" + std::to_string(i);
  if (parent_of(target) == "/") stem = stem.substr(1);
  return stem;
}

bool inside(const std::string& root, const std::string& path) {
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         path[root.size()] == '/';
}

// The hidden name new directory `target` (tree `k` of apply `id`) is built
// under, beside where it will appear.
std::string tree_stem(const std::string& target, const std::string& id, std::size_t k) {
  std::string base = base_of(target).substr(0, kMaxTempBase);
  std::string stem =
      parent_of(target) + "/." + base + ".hg-" + id + "-d" + std::to_string(k) + ".new";
  if (parent_of(target) == "/") stem = stem.substr(1);
  return stem;
}

// A journal is only replayed when it is one that apply_changes() could have
// written for this project: every staged/backup name must be the one derived
// from its target and the journal id (so a forged journal cannot rename or
// remove arbitrary files), every created directory must lie on the way to a
// target, and targets outside the project root need the same explicit
// permission they needed when the apply was planned (a journal copied along
// with a project, or committed to a repository, must not reach outside it).
Status check_journal(const Journal& journal, const std::string& root, bool allow_outside) {
  auto forged = [&](const std::string& what) {
    return make_error(ErrorKind::kData, "apply journal does not match this project: " + what);
  };
  std::set<std::string_view> created(journal.created_dirs.begin(), journal.created_dirs.end());
  for (std::size_t k = 0; k < journal.trees.size(); ++k) {
    const JournalTree& t = journal.trees[k];
    if (!created.count(t.target) || created.count(parent_of(t.target)) ||
        t.staged != tree_stem(t.target, journal.id, k)) {
      return forged("staged directory '" + t.staged + "' does not belong to '" + t.target + "'");
    }
  }
  for (std::size_t i = 0; i < journal.files.size(); ++i) {
    const JournalFile& f = journal.files[i];
    if (f.target.empty() || f.target.front() != '/' || f.target.find("/../") != std::string::npos ||
        f.target.ends_with("/..")) {
      return forged("target '" + f.target + "' is not a normalised absolute path");
    }
    std::string stem = staging_stem(f.target, journal.id, i);
    bool in_place = f.staged == stem + ".new";
    bool in_staged_tree = f.kind == FileChange::Kind::kCreate && f.backup.empty() &&
                          staged_dir(journal, parent_of(f.target)) == parent_of(f.staged) &&
                          base_of(f.staged) == base_of(f.target) &&
                          parent_of(f.staged) != parent_of(f.target);
    if ((!in_place && !in_staged_tree) || (!f.backup.empty() && f.backup != stem + ".old")) {
      return forged("staged file '" + f.staged + "' does not belong to target '" + f.target + "'");
    }
  }
  for (const std::string& dir : journal.created_dirs) {
    bool on_the_way = false;
    for (const JournalFile& f : journal.files) on_the_way = on_the_way || inside(dir, f.target);
    if (!on_the_way) return forged("directory '" + dir + "' leads to none of its targets");
  }
  if (!allow_outside) {
    for (const JournalFile& f : journal.files) {
      if (!inside(root, f.target)) {
        return make_error(ErrorKind::kConflict,
                          "the interrupted apply in " + journal_path(root) +
                              " names a file outside the project ('" + f.target +
                              "'); if you trust it, run `hypergen recover --allow-outside`, "
                              "otherwise delete that journal");
      }
    }
  }
  return {};
}

// Recovery with the lock held.
Result<RecoveryReport> recover_locked(FileSystem& fs, const std::string& root, bool allow_outside) {
  RecoveryReport report;
  std::string path = journal_path(root);
  // A journal write that never reached its rename leaves only the temp file:
  // nothing was staged under it yet.
  HG_RETURN_IF_ERROR(remove_if_exists(fs, path + ".tmp"));
  auto st = fs.lstat(path);
  if (!st) return tl::unexpected(st.error());
  if (!st->exists()) return report;
  report.had_journal = true;
  Result<Journal> journal = make_error(ErrorKind::kData, "corrupt apply journal: not a file");
  if (st->is_file()) {
    auto text = fs.read_file(path);
    if (!text) return tl::unexpected(text.error());
    journal = decode_journal(*text);
  }
  if (journal) {
    auto checked = check_journal(*journal, root, allow_outside);
    if (!checked && checked.error().kind == ErrorKind::kConflict) {
      return tl::unexpected(checked.error());
    }
    if (!checked) journal = tl::unexpected(checked.error());
  }
  if (!journal) {
    std::string aside = path + ".corrupt";
    (void)remove_if_exists(fs, aside);
    auto moved = fs.rename(path, aside);
    if (!moved) {
      return with_note(journal.error(),
                       " ('" + path + "'; moving it aside failed: " + moved.error().message + ")");
    }
    report.journal_corrupt = true;
    report.summary = journal.error().message + ": moved '" + path + "' aside to '" + aside +
                     "'; files of the interrupted apply may be left as hidden "
                     "'.<name>.hg-*.new' / '.old' files beside their targets";
    return report;
  }
  report.files = journal->files.size();
  if (journal->state == Journal::State::kCommitted) {
    auto done = roll_forward(fs, root, *journal, true);
    if (!done) {
      return with_note(done.error(),
                       "; the interrupted apply could not be finished, run "
                       "`hypergen recover` again once the problem is fixed");
    }
    report.rolled_forward = true;
    report.summary = "finished an interrupted apply: " + std::to_string(report.files) +
                     " file(s) written (journal " + journal->id + ")";
  } else {
    auto done = roll_back(fs, root, *journal, true);
    if (!done) {
      return with_note(done.error(),
                       "; the interrupted apply could not be undone, run "
                       "`hypergen recover` again once the problem is fixed");
    }
    report.summary = "undid an interrupted apply: " + std::to_string(report.files) +
                     " file(s) left unchanged (journal " + journal->id + ")";
  }
  return report;
}

Result<std::unique_ptr<FileLock>> take_lock(FileSystem& fs, const std::string& root,
                                            std::chrono::milliseconds timeout) {
  auto made = make_state_dir(fs, root, "journal");
  if (!made) return tl::unexpected(made.error());
  return fs.lock_file(hypergen_dir(root) + "/lock", timeout);
}

const char* kind_verb(FileChange::Kind kind) {
  switch (kind) {
    case FileChange::Kind::kCreate:
      return "create";
    case FileChange::Kind::kOverwrite:
      return "overwrite";
    case FileChange::Kind::kInject:
      return "inject into";
  }
  return "write";
}

// Checks the plan against the disk (under the lock) and fills the journal.
Status prepare(FileSystem& fs, std::span<const FileChange> changes, Journal& journal) {
  auto conflict = [](const std::string& message) {
    return make_error(ErrorKind::kConflict,
                      message + "; nothing was written, run again to re-plan");
  };
  std::map<std::string, FileStat::Type> seen;  // ancestor directories checked so far
  std::set<std::string> to_create;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const FileChange& change = changes[i];
    JournalFile file;
    file.kind = change.kind;
    file.target = change.path;
    // Ancestors: existing ones must be real directories (resolve_output_path
    // returned a path without symlinks; one now means the tree changed under
    // us), missing ones become part of the transaction.
    std::string dir = parent_of(change.path);
    std::vector<std::string> missing;
    for (;;) {
      auto known = seen.find(dir);
      FileStat::Type type;
      if (known != seen.end()) {
        type = known->second;
      } else {
        auto dir_st = fs.lstat(dir);
        if (!dir_st) return tl::unexpected(dir_st.error());
        type = dir_st->type;
        seen.emplace(dir, type);
      }
      if (type == FileStat::Type::kMissing) {
        missing.push_back(dir);
      } else if (type == FileStat::Type::kSymlink) {
        return conflict("'" + dir + "' (a parent of '" + change.path +
                        "') is a symbolic link; it was not when planned");
      } else if (type != FileStat::Type::kDirectory) {
        return make_error(ErrorKind::kConflict, "cannot " + std::string(kind_verb(change.kind)) +
                                                    " '" + change.path + "': '" + dir +
                                                    "' is not a directory");
      } else if (known != seen.end()) {
        break;  // this directory and its ancestors were checked already
      }
      if (dir == "/") break;
      dir = parent_of(dir);
    }
    // The target itself, unless its folder was just found missing (then it
    // cannot exist, and the folder's commit rename fails rather than merge
    // into one that appears meanwhile).
    const bool parent_missing = !missing.empty() && missing.front() == parent_of(change.path);
    if (parent_missing) {
      if (change.before) {
        return conflict("'" + change.path + "' was removed since it was planned");
      }
    } else {
      auto st = fs.lstat(change.path);
      if (!st) return tl::unexpected(st.error());
      if (!change.before) {
        if (st->exists())
          return conflict("'" + change.path + "' exists now; it did not when planned");
      } else {
        if (!st->exists())
          return conflict("'" + change.path + "' was removed since it was planned");
        if (st->type != FileStat::Type::kFile) {
          return conflict("'" + change.path + "' is not a regular file any more");
        }
        auto current = fs.read_file(change.path);
        if (!current) return tl::unexpected(current.error());
        if (*current != *change.before) {
          return conflict("'" + change.path + "' changed since it was planned");
        }
        file.mode = st->mode;
        file.has_mode = true;
      }
    }
    to_create.insert(missing.begin(), missing.end());

    std::string stem = staging_stem(change.path, journal.id, i);
    file.staged = stem + ".new";
    if (change.before) file.backup = stem + ".old";
    journal.files.push_back(std::move(file));
  }
  journal.created_dirs.assign(to_create.begin(), to_create.end());  // sorted: parents first
  // Each created directory whose parent exists is built whole under a hidden
  // name and appears with one rename at the commit; the files created in it
  // are written at their final names inside (no rename each).
  for (const std::string& dir : journal.created_dirs) {
    if (to_create.count(parent_of(dir))) continue;
    journal.trees.push_back({dir, tree_stem(dir, journal.id, journal.trees.size())});
  }
  if (!journal.trees.empty()) {
    for (JournalFile& file : journal.files) {
      std::string parent = parent_of(file.target);
      if (!to_create.count(parent)) continue;
      file.staged = staged_dir(journal, parent) + "/" + base_of(file.target);
    }
  }
  return {};
}

Status validate(const ApplyOptions& options, std::span<const FileChange> changes) {
  if (options.project_root.empty() || options.project_root[0] != '/') {
    return make_error(ErrorKind::kFailure, "apply: the project root '" + options.project_root +
                                               "' is not an absolute path");
  }
  std::set<std::string_view> paths;
  for (const auto& change : changes) {
    if (change.path.empty() || change.path[0] != '/' ||
        normalize_path(change.path) != change.path || change.path == "/") {
      return make_error(ErrorKind::kFailure, "apply: '" + change.path +
                                                 "' is not a normalised absolute file path "
                                                 "(use resolve_output_path)");
    }
    if ((change.kind == FileChange::Kind::kCreate) == change.before.has_value()) {
      return make_error(ErrorKind::kFailure,
                        "apply: a create must have no 'before' and an overwrite or inject must "
                        "have one ('" +
                            change.path + "')");
    }
    if (!paths.insert(change.path).second) {
      return make_error(ErrorKind::kConflict, "two changes to the same file '" + change.path +
                                                  "' (they should have been merged into one)");
    }
  }
  return {};
}

// The staging phase: directories, staged files, backups. Staged files are
// written on up to `jobs` threads when there are many and the file system
// allows it (the commit itself, the renames, stays in journal order). A
// failure stops nothing already running, and the first failure in journal
// order is reported; roll_back removes whatever was staged either way.
Status stage(FileSystem& fs, std::span<const FileChange> changes, const Journal& journal,
             bool durable, int jobs) {
  for (const auto& dir : journal.created_dirs) {
    HG_RETURN_IF_ERROR(fs.make_dirs(staged_dir(journal, dir)));
  }
  auto stage_one = [&](std::size_t i) -> Status {
    const JournalFile& file = journal.files[i];
    HG_RETURN_IF_ERROR(fs.write_file(file.staged, changes[i].content, durable));
    if (file.has_mode) HG_RETURN_IF_ERROR(fs.set_permissions(file.staged, file.mode));
    if (!file.backup.empty()) {
      HG_RETURN_IF_ERROR(fs.write_file(file.backup, *changes[i].before, durable));
      HG_RETURN_IF_ERROR(fs.set_permissions(file.backup, file.mode));
    }
    return {};
  };
  if (jobs != 1 && changes.size() > kParallelStageThreshold && fs.thread_safe()) {
    std::vector<Status> results(changes.size());
    parallel_for(changes.size(), jobs > 1 ? static_cast<std::size_t>(jobs) : 0,
                 [&](std::size_t i) { results[i] = stage_one(i); });
    for (auto& result : results) HG_RETURN_IF_ERROR(result);
  } else {
    for (std::size_t i = 0; i < changes.size(); ++i) HG_RETURN_IF_ERROR(stage_one(i));
  }
  if (durable) HG_RETURN_IF_ERROR(sync_dirs(fs, touched_dirs(journal)));
  return {};
}

// A failure after the journal may say "committed": mark it rolling-back and
// undo; if even that is impossible, try to finish instead; failing both,
// leave the journal for `hypergen recover`.
tl::unexpected<Error> abort_after_commit(FileSystem& fs, const std::string& root, Journal& journal,
                                         bool durable, Error cause) {
  journal.state = Journal::State::kRollingBack;
  auto marked = write_journal(fs, root, journal, durable);
  if (marked.renamed) {
    auto undone = roll_back(fs, root, journal, durable);
    if (undone) return with_note(std::move(cause), "; nothing was changed");
    return with_note(std::move(cause), "; undoing also failed (" + undone.error().message +
                                           "), run `hypergen recover` once the problem is fixed");
  }
  journal.state = Journal::State::kCommitted;
  auto finished = roll_forward(fs, root, journal, durable);
  if (finished) return with_note(std::move(cause), " (all files were written nevertheless)");
  return with_note(std::move(cause),
                   "; the apply is half done and neither finishing nor undoing "
                   "it worked, run `hypergen recover` once the problem is fixed");
}

}  // namespace

Result<ApplyResult> apply_changes(FileSystem& fs, const ApplyOptions& options,
                                  std::span<const FileChange> changes) {
  ApplyResult result;
  if (changes.empty()) return result;
  HG_RETURN_IF_ERROR(validate(options, changes));
  const std::string& root = options.project_root;
  const bool durable = options.durable;

  auto lock = take_lock(fs, root, options.lock_timeout);
  if (!lock) return tl::unexpected(lock.error());
  auto recovered = recover_locked(fs, root, options.allow_outside);
  if (!recovered) return tl::unexpected(recovered.error());

  Journal journal;
  journal.id = make_id();
  HG_RETURN_IF_ERROR(prepare(fs, changes, journal));

  // Journal first, so that whatever is created next can be found and undone.
  auto written = write_journal(fs, root, journal, durable);
  if (!written.status) {
    if (written.renamed) (void)roll_back(fs, root, journal, durable);
    return with_note(written.status.error(), "; nothing was changed");
  }
  if (auto staged = stage(fs, changes, journal, durable, options.jobs); !staged) {
    auto undone = roll_back(fs, root, journal, durable);
    if (!undone) {
      return with_note(staged.error(), "; no file was changed, but cleaning up failed (" +
                                           undone.error().message + "), run `hypergen recover`");
    }
    return with_note(staged.error(), "; nothing was changed");
  }

  // The commit point.
  journal.state = Journal::State::kCommitted;
  written = write_journal(fs, root, journal, durable);
  if (!written.status) {
    if (!written.renamed) {
      journal.state = Journal::State::kPending;
      auto undone = roll_back(fs, root, journal, durable);
      if (!undone) {
        return with_note(written.status.error(), "; no file was changed, but cleaning up failed (" +
                                                     undone.error().message +
                                                     "), run `hypergen recover`");
      }
      return with_note(written.status.error(), "; nothing was changed");
    }
    return abort_after_commit(fs, root, journal, durable, written.status.error());
  }
  for (const auto& tree : journal.trees) {
    if (auto renamed = fs.rename(tree.staged, tree.target); !renamed) {
      return abort_after_commit(fs, root, journal, durable, renamed.error());
    }
  }
  for (const auto& file : journal.files) {
    if (in_tree(journal, file)) continue;
    if (auto renamed = fs.rename(file.staged, file.target); !renamed) {
      return abort_after_commit(fs, root, journal, durable, renamed.error());
    }
  }
  if (durable) {
    if (auto synced = sync_dirs(fs, touched_dirs(journal)); !synced) {
      return abort_after_commit(fs, root, journal, durable, synced.error());
    }
  }
  // Done: every target is new. Cleaning up may fail without harm: the next
  // run's recovery finishes it (a committed journal whose staged files are
  // gone only needs its backups and itself removed).
  // The journal goes only when every backup is gone, so none is orphaned.
  bool clean = true;
  for (const auto& file : journal.files) {
    if (!file.backup.empty() && !remove_if_exists(fs, file.backup)) clean = false;
  }
  if (clean) (void)remove_journal(fs, root, durable);

  for (const auto& change : changes) {
    switch (change.kind) {
      case FileChange::Kind::kCreate:
        ++result.created;
        break;
      case FileChange::Kind::kOverwrite:
        ++result.overwritten;
        break;
      case FileChange::Kind::kInject:
        ++result.injected;
        break;
    }
  }
  return result;
}

Result<RecoveryReport> recover(FileSystem& fs, const std::string& project_root,
                               std::chrono::milliseconds lock_timeout, bool allow_outside) {
  // Fast path, taken by almost every generation: no journal, nothing to do,
  // and no need to create .hypergen/ or take the lock.
  std::string path = journal_path(project_root);
  auto st = fs.lstat(path);
  if (!st) return tl::unexpected(st.error());
  auto tmp = fs.lstat(path + ".tmp");
  if (!tmp) return tl::unexpected(tmp.error());
  if (!st->exists() && !tmp->exists()) return RecoveryReport{};
  auto lock = take_lock(fs, project_root, lock_timeout);
  if (!lock) return tl::unexpected(lock.error());
  return recover_locked(fs, project_root, allow_outside);
}

}  // namespace hypergen::apply
