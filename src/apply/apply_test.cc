#include "apply/apply.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "apply/journal.h"
#include "support/temp_dir.h"
#include "util/fs_faulty.h"
#include "util/fs_forwarding.h"
#include "util/fs_memory.h"

namespace hypergen::apply {
namespace {

using Kind = FileChange::Kind;

constexpr char kRoot[] = "/proj";

// A project with two existing files and a change set touching them and
// creating two files, one in new nested directories.
struct Scenario {
  MemoryFileSystem fs;
  std::vector<FileChange> changes;
  std::map<std::string, std::string> old_state;  // target → content ("" + missing flag below)
  std::map<std::string, bool> old_exists;

  Scenario() {
    fs.add_file("/proj/src/app.ts", "import a;\n", 0755);
    fs.add_file("/proj/src/router.ts", "routes = [\n];\n");
    fs.add_dir("/proj/keep");
    changes.push_back({Kind::kCreate, "/proj/src/new.ts", "export const x = 1;\n", std::nullopt});
    changes.push_back({Kind::kOverwrite, "/proj/src/app.ts", "import b;\n", "import a;\n"});
    changes.push_back(
        {Kind::kInject, "/proj/src/router.ts", "routes = [\n  users,\n];\n", "routes = [\n];\n"});
    changes.push_back({Kind::kCreate, "/proj/src/deep/er/x.ts", "deep\n", std::nullopt});
    for (const auto& c : changes) {
      old_exists[c.path] = c.before.has_value();
      old_state[c.path] = c.before.value_or("");
    }
  }

  ApplyOptions options() const {
    ApplyOptions o;
    o.project_root = kRoot;
    return o;
  }

  bool all_old() {
    for (const auto& c : changes) {
      auto st = fs.lstat(c.path);
      if (!st || st->exists() != old_exists[c.path]) return false;
      if (old_exists[c.path] && *fs.read_file(c.path) != old_state[c.path]) return false;
    }
    return true;
  }
  bool all_new() {
    for (const auto& c : changes) {
      auto text = fs.read_file(c.path);
      if (!text || *text != c.content) return false;
    }
    return true;
  }
  // Paths under the project, minus the bookkeeping of .hypergen/.
  std::vector<std::string> user_paths() {
    std::vector<std::string> out;
    for (auto& p : fs.all_paths(kRoot)) {
      if (p != kRoot && p.rfind("/proj/.hypergen", 0) != 0) out.push_back(p);
    }
    return out;
  }
  // .hypergen/.gitignore is a courtesy whose write may fail harmlessly
  // (util/state_dir.h), so it is left out here.
  std::vector<std::string> hypergen_paths() {
    std::vector<std::string> out;
    for (auto& p : fs.all_paths("/proj/.hypergen")) {
      if (p != "/proj/.hypergen/.gitignore") out.push_back(p);
    }
    return out;
  }
};

const std::vector<std::string> kOldTree = {"/proj/keep", "/proj/src", "/proj/src/app.ts",
                                           "/proj/src/router.ts"};
const std::vector<std::string> kNewTree = {"/proj/keep",        "/proj/src",
                                           "/proj/src/app.ts",  "/proj/src/deep",
                                           "/proj/src/deep/er", "/proj/src/deep/er/x.ts",
                                           "/proj/src/new.ts",  "/proj/src/router.ts"};
const std::vector<std::string> kBookkeeping = {"/proj/.hypergen", "/proj/.hypergen/journal",
                                               "/proj/.hypergen/lock"};

TEST(Apply, CreatingTheBookkeepingFolderAddsAGitignore) {
  Scenario s;
  ASSERT_TRUE(apply_changes(s.fs, s.options(), s.changes));
  auto ignore = s.fs.read_file("/proj/.hypergen/.gitignore");
  ASSERT_TRUE(ignore);
  EXPECT_EQ(*ignore, "*\n");
}

TEST(Apply, AppliesEveryKindOfChange) {
  Scenario s;
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->created, 2u);
  EXPECT_EQ(result->overwritten, 1u);
  EXPECT_EQ(result->injected, 1u);
  EXPECT_TRUE(s.all_new());
  EXPECT_EQ(s.user_paths(), kNewTree);
  EXPECT_EQ(s.hypergen_paths(), kBookkeeping);
}

TEST(Apply, KeepsPermissionsOfOverwrittenFiles) {
  Scenario s;
  ASSERT_TRUE(apply_changes(s.fs, s.options(), s.changes));
  EXPECT_EQ(s.fs.stat("/proj/src/app.ts")->mode, 0755u);
  EXPECT_EQ(s.fs.stat("/proj/src/router.ts")->mode, 0644u);
}

TEST(Apply, EmptyChangeSetTouchesNothing) {
  Scenario s;
  auto before = s.fs.mutations();
  auto result = apply_changes(s.fs, s.options(), {});
  ASSERT_TRUE(result);
  EXPECT_EQ(s.fs.mutations(), before);
}

TEST(Apply, ConflictWhenFileChangedSincePlanned) {
  Scenario s;
  s.fs.add_file("/proj/src/router.ts", "routes = [ edited ];\n");
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_NE(result.error().message.find("/proj/src/router.ts"), std::string::npos);
  EXPECT_EQ(*s.fs.read_file("/proj/src/router.ts"), "routes = [ edited ];\n");
  EXPECT_EQ(*s.fs.read_file("/proj/src/app.ts"), "import a;\n");
  EXPECT_EQ(s.user_paths(), kOldTree);
}

TEST(Apply, ConflictWhenCreatedFileAppeared) {
  Scenario s;
  s.fs.add_file("/proj/src/new.ts", "mine\n");
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(*s.fs.read_file("/proj/src/new.ts"), "mine\n");
  EXPECT_EQ(*s.fs.read_file("/proj/src/app.ts"), "import a;\n");
}

TEST(Apply, ConflictWhenOverwrittenFileRemoved) {
  Scenario s;
  ASSERT_TRUE(s.fs.remove("/proj/src/app.ts"));
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_FALSE(s.fs.lstat("/proj/src/new.ts")->exists());
}

TEST(Apply, ConflictWhenParentBecameSymlink) {
  Scenario s;
  s.fs.add_dir("/elsewhere");
  s.fs.add_symlink("/proj/src/deep", "/elsewhere");
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_TRUE(s.fs.all_paths("/elsewhere") == std::vector<std::string>{"/elsewhere"});
}

TEST(Apply, ConflictWhenParentIsAFile) {
  Scenario s;
  s.fs.add_file("/proj/src/deep", "file\n");
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_NE(result.error().message.find("not a directory"), std::string::npos);
}

TEST(Apply, RejectsTwoChangesToOnePath) {
  Scenario s;
  s.changes.push_back({Kind::kOverwrite, "/proj/src/app.ts", "again\n", "import a;\n"});
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_TRUE(s.all_old());
}

TEST(Apply, RejectsInconsistentOrRelativeChanges) {
  Scenario s;
  std::vector<FileChange> bad = {{Kind::kCreate, "/proj/a", "x", std::string("y")}};
  EXPECT_EQ(apply_changes(s.fs, s.options(), bad).error().kind, ErrorKind::kFailure);
  bad = {{Kind::kOverwrite, "/proj/a", "x", std::nullopt}};
  EXPECT_EQ(apply_changes(s.fs, s.options(), bad).error().kind, ErrorKind::kFailure);
  bad = {{Kind::kCreate, "proj/a", "x", std::nullopt}};
  EXPECT_EQ(apply_changes(s.fs, s.options(), bad).error().kind, ErrorKind::kFailure);
  bad = {{Kind::kCreate, "/proj/../a", "x", std::nullopt}};
  EXPECT_EQ(apply_changes(s.fs, s.options(), bad).error().kind, ErrorKind::kFailure);
}

TEST(Apply, RefusesWhileAnotherProcessHoldsTheLock) {
  Scenario s;
  s.fs.add_dir("/proj/.hypergen/journal");
  auto held = s.fs.lock_file("/proj/.hypergen/lock", std::chrono::milliseconds(0));
  ASSERT_TRUE(held);
  auto options = s.options();
  options.lock_timeout = std::chrono::milliseconds(5);
  auto result = apply_changes(s.fs, options, s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_NE(result.error().message.find("another hypergen process"), std::string::npos);
  EXPECT_TRUE(s.all_old());
  held->reset();
  EXPECT_TRUE(apply_changes(s.fs, options, s.changes));
}

// How many mutating steps a complete apply of the scenario takes.
std::uint64_t count_steps(bool durable) {
  Scenario s;
  FaultyFileSystem faulty(s.fs, {});
  auto options = s.options();
  options.durable = durable;
  EXPECT_TRUE(apply_changes(faulty, options, s.changes));
  return faulty.steps();
}

TEST(Apply, EveryFailingStepLeavesTargetsUntouched) {
  for (bool durable : {true, false}) {
    std::uint64_t total = count_steps(durable);
    ASSERT_GT(total, 20u);
    for (std::uint64_t n = 1; n <= total; ++n) {
      for (const char* error : {"eio", "enospc", "eacces", "exdev"}) {
        SCOPED_TRACE(std::string(error) + "@step:" + std::to_string(n));
        Scenario s;
        auto faults = parse_fault_spec(std::string(error) + "@step:" + std::to_string(n));
        ASSERT_TRUE(faults);
        FaultyFileSystem faulty(s.fs, *faults);
        auto options = s.options();
        options.durable = durable;
        auto result = apply_changes(faulty, options, s.changes);
        if (result) {
          // Only failures of the final clean-up (backups, journal removal)
          // may be absorbed: the apply is complete then.
          EXPECT_TRUE(s.all_new());
          auto report = recover(s.fs, kRoot);
          ASSERT_TRUE(report);
          EXPECT_EQ(s.user_paths(), kNewTree);
          EXPECT_EQ(s.hypergen_paths(), kBookkeeping);
          continue;
        }
        EXPECT_EQ(result.error().kind, ErrorKind::kIo) << result.error().message;
        EXPECT_TRUE(s.all_old()) << result.error().message;
        EXPECT_EQ(s.user_paths(), kOldTree) << result.error().message;
        auto bookkeeping = s.hypergen_paths();
        EXPECT_TRUE(bookkeeping.empty() || bookkeeping == kBookkeeping) << result.error().message;
      }
    }
  }
}

TEST(Apply, ShortWriteAtEachWriteLeavesTargetsUntouched) {
  Scenario probe;
  FaultyFileSystem counter(probe.fs, {});
  ASSERT_TRUE(apply_changes(counter, probe.options(), probe.changes));
  int failures = 0;
  for (int n = 1; n <= 12; ++n) {
    Scenario s;
    auto faults = parse_fault_spec("short@write:" + std::to_string(n));
    ASSERT_TRUE(faults);
    FaultyFileSystem faulty(s.fs, *faults);
    auto result = apply_changes(faulty, s.options(), s.changes);
    if (!result) {
      ++failures;
      EXPECT_EQ(result.error().kind, ErrorKind::kIo);
      EXPECT_NE(result.error().message.find("short write"), std::string::npos);
      EXPECT_TRUE(s.all_old());
      EXPECT_EQ(s.user_paths(), kOldTree);
    } else {
      EXPECT_TRUE(s.all_new());
    }
  }
  EXPECT_GE(failures, 8);  // 2 journal writes + 4 staged + 2 backups
}

TEST(Apply, PersistentRenameFailureIsRolledBack) {
  Scenario s;
  auto faults = parse_fault_spec("eio@rename:4+");  // the 2nd target rename and all after
  ASSERT_TRUE(faults);
  FaultyFileSystem faulty(s.fs, *faults);
  auto result = apply_changes(faulty, s.options(), s.changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kIo);
  EXPECT_NE(result.error().message.find("hypergen recover"), std::string::npos);
  // Neither finishing nor undoing could rename: the journal stays, and a
  // later recovery (with a healthy disk) makes the tree consistent.
  EXPECT_TRUE(s.fs.lstat(journal_path(kRoot))->exists());
  auto report = recover(s.fs, kRoot);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->had_journal);
  EXPECT_TRUE(s.all_new() || s.all_old());
  EXPECT_EQ(s.hypergen_paths(), kBookkeeping);
}

// Crash at every step (the disk frozen as the crash left it), then recover:
// the change set is applied entirely or not at all, and nothing is left over.
TEST(Recover, FromACrashAtEveryStep) {
  std::uint64_t total = count_steps(true);
  int rolled_forward = 0, rolled_back = 0;
  for (std::uint64_t n = 1; n <= total + 1; ++n) {
    SCOPED_TRACE("freeze@" + std::to_string(n));
    Scenario s;
    auto faults = parse_fault_spec("freeze@" + std::to_string(n));
    ASSERT_TRUE(faults);
    FaultyFileSystem crashed(s.fs, *faults);
    (void)apply_changes(crashed, s.options(), s.changes);
    auto report = recover(s.fs, kRoot);
    ASSERT_TRUE(report) << report.error().message;
    if (report->had_journal) (report->rolled_forward ? rolled_forward : rolled_back)++;
    if (s.all_new()) {
      EXPECT_EQ(s.user_paths(), kNewTree);
    } else {
      EXPECT_TRUE(s.all_old());
      EXPECT_EQ(s.user_paths(), kOldTree);
    }
    EXPECT_FALSE(s.fs.lstat(journal_path(kRoot))->exists());
    auto leftovers = s.hypergen_paths();
    EXPECT_TRUE(leftovers.empty() || leftovers == kBookkeeping) << leftovers.size();
  }
  EXPECT_GT(rolled_forward, 3);
  EXPECT_GT(rolled_back, 10);
}

// A crash during recovery is recovered by the next recovery.
TEST(Recover, FromACrashDuringRecovery) {
  std::uint64_t total = count_steps(true);
  int cases = 0;
  for (std::uint64_t n = 1; n <= total; ++n) {
    for (std::uint64_t m = 1; m <= 40; ++m) {
      SCOPED_TRACE("freeze@" + std::to_string(n) + " then recover freeze@" + std::to_string(m));
      Scenario s;
      {
        FaultyFileSystem crashed(s.fs, *parse_fault_spec("freeze@" + std::to_string(n)));
        (void)apply_changes(crashed, s.options(), s.changes);
      }
      FaultyFileSystem crashed_again(s.fs, *parse_fault_spec("freeze@" + std::to_string(m)));
      auto first = recover(crashed_again, kRoot);
      if (first && crashed_again.steps() < m) break;  // recovery finished before step m
      ++cases;
      auto report = recover(s.fs, kRoot);
      ASSERT_TRUE(report) << report.error().message;
      EXPECT_TRUE(s.all_new() ? s.user_paths() == kNewTree
                              : s.all_old() && s.user_paths() == kOldTree);
      EXPECT_FALSE(s.fs.lstat(journal_path(kRoot))->exists());
    }
  }
  EXPECT_GT(cases, 50);
}

TEST(Recover, NoJournalIsCheapAndCreatesNothing) {
  Scenario s;
  auto before = s.fs.mutations();
  auto report = recover(s.fs, kRoot);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->had_journal);
  EXPECT_EQ(s.fs.mutations(), before);
  EXPECT_TRUE(s.fs.all_paths("/proj/.hypergen").empty());
}

TEST(Recover, CorruptJournalIsMovedAside) {
  Scenario s;
  s.fs.add_file(journal_path(kRoot), "hypergen-journal 1\nstate committed\nxxh64 0000\n");
  auto report = recover(s.fs, kRoot);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->had_journal);
  EXPECT_TRUE(report->journal_corrupt);
  EXPECT_NE(report->summary.find("checksum"), std::string::npos);
  EXPECT_FALSE(s.fs.lstat(journal_path(kRoot))->exists());
  EXPECT_TRUE(s.fs.lstat(journal_path(kRoot) + ".corrupt")->exists());
  EXPECT_TRUE(s.all_old());
  // The next apply works.
  EXPECT_TRUE(apply_changes(s.fs, s.options(), s.changes));
}

TEST(Recover, JournalThatIsADirectoryIsReported) {
  Scenario s;
  s.fs.add_dir(journal_path(kRoot));
  auto report = recover(s.fs, kRoot);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->journal_corrupt);
}

TEST(Recover, ApplyRecoversALeftoverJournalFirst) {
  Scenario s;
  {
    FaultyFileSystem crashed(s.fs, *parse_fault_spec("freeze@12"));
    (void)apply_changes(crashed, s.options(), s.changes);
  }
  ASSERT_TRUE(s.fs.lstat(journal_path(kRoot))->exists());
  auto result = apply_changes(s.fs, s.options(), s.changes);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_TRUE(s.all_new());
  EXPECT_EQ(s.hypergen_paths(), kBookkeeping);
}

}  // namespace
}  // namespace hypergen::apply

namespace hypergen::apply {
namespace {

// A committed journal that would move `staged` over `target`.
std::string forged_journal(const std::string& target, const std::string& staged,
                           const std::string& id = "1-ab") {
  Journal j;
  j.state = Journal::State::kCommitted;
  j.id = id;
  JournalFile f;
  f.kind = FileChange::Kind::kOverwrite;
  f.target = target;
  f.staged = staged;
  j.files.push_back(f);
  return encode_journal(j);
}

TEST(Recover, ForgedStagedNameIsSetAsideNotReplayed) {
  MemoryFileSystem fs;
  fs.add_file("/victim/x.txt", "precious\n");
  fs.add_file("/proj/.n", "attacker\n");
  fs.add_file(journal_path("/proj"), forged_journal("/proj/x.txt", "/proj/.n"));
  auto report = recover(fs, "/proj");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->journal_corrupt);
  EXPECT_NE(report->summary.find("does not belong"), std::string::npos) << report->summary;
  EXPECT_FALSE(fs.lstat("/proj/x.txt")->exists());
  EXPECT_EQ(*fs.read_file("/proj/.n"), "attacker\n");
}

TEST(Recover, JournalReachingOutsideTheProjectNeedsPermission) {
  MemoryFileSystem fs;
  fs.add_file("/victim/x.txt", "precious\n");
  fs.add_file("/victim/.x.txt.hg-1-ab-0.new", "attacker\n");
  fs.add_file(journal_path("/proj"),
              forged_journal("/victim/x.txt", "/victim/.x.txt.hg-1-ab-0.new"));
  auto refused = recover(fs, "/proj");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message.find("--allow-outside"), std::string::npos);
  EXPECT_EQ(*fs.read_file("/victim/x.txt"), "precious\n");
  EXPECT_TRUE(fs.lstat(journal_path("/proj"))->exists());  // kept for the user to decide

  // An explicit permission replays it (the apply that wrote it had one too).
  auto allowed = recover(fs, "/proj", kDefaultLockTimeout, /*allow_outside=*/true);
  ASSERT_TRUE(allowed) << allowed.error().message;
  EXPECT_TRUE(allowed->rolled_forward);
  EXPECT_EQ(*fs.read_file("/victim/x.txt"), "attacker\n");
}

TEST(Recover, DirectoryNotOnTheWayToATargetIsForged) {
  MemoryFileSystem fs;
  Journal j;
  j.state = Journal::State::kPending;
  j.id = "1-ab";
  j.created_dirs.push_back("/elsewhere");
  JournalFile f;
  f.kind = FileChange::Kind::kCreate;
  f.target = "/proj/a.txt";
  f.staged = "/proj/.a.txt.hg-1-ab-0.new";
  j.files.push_back(f);
  fs.add_dir("/elsewhere");
  fs.add_file(journal_path("/proj"), encode_journal(j));
  auto report = recover(fs, "/proj");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->journal_corrupt);
  EXPECT_TRUE(fs.lstat("/elsewhere")->is_directory());
}

TEST(Apply, ManyFilesStagedInParallelOnTheRealFileSystem) {
  // Above kParallelStageThreshold with jobs 2, the staged files are written
  // on two threads; the result must be the sequential one, with no staged
  // file left. (Failures while staging are driven through FaultyFileSystem,
  // which is not thread-safe and so always stages sequentially.)
  auto fs = make_real_file_system();
  ASSERT_TRUE(fs->thread_safe());
  for (int jobs : {1, 2}) {
    hypergen::testing::TempDir dir;
    dir.write("src/existing.ts", "old\n");
    ApplyOptions options;
    options.project_root = dir.path();
    options.durable = false;
    options.jobs = jobs;
    std::vector<FileChange> changes;
    for (int i = 0; i < 3 * static_cast<int>(kParallelStageThreshold); ++i) {
      FileChange c;
      c.kind = FileChange::Kind::kCreate;
      c.path = dir.file("src/gen/f" + std::to_string(i) + ".ts");
      c.content = "content " + std::to_string(i) + "\n";
      changes.push_back(c);
    }
    FileChange over;
    over.kind = FileChange::Kind::kOverwrite;
    over.path = dir.file("src/existing.ts");
    over.before = "old\n";
    over.content = "new\n";
    changes.push_back(over);
    auto result = apply_changes(*fs, options, changes);
    ASSERT_TRUE(result) << result.error().describe();
    EXPECT_EQ(result->created, changes.size() - 1);
    for (const auto& c : changes) {
      auto text = fs->read_file(c.path);
      ASSERT_TRUE(text) << c.path;
      EXPECT_EQ(*text, c.content) << jobs;
    }
    auto listing = fs->list_dir(dir.file("src/gen"));
    ASSERT_TRUE(listing);
    EXPECT_EQ(listing->size(), changes.size() - 1) << "no staged file left over";
  }
}

// Records every rename (no faults).
class RenameRecorder : public FaultyFileSystem {
 public:
  explicit RenameRecorder(FileSystem& inner) : FaultyFileSystem(inner, {}) {}
  Status rename(const std::string& from, const std::string& to) override {
    if (to.rfind("/proj/.hypergen", 0) != 0) renames.emplace_back(from, to);
    return FaultyFileSystem::rename(from, to);
  }
  std::vector<std::pair<std::string, std::string>> renames;
};

// A new directory is built whole under a hidden name and appears with one
// rename; files in existing directories are renamed one by one.
TEST(Apply, NewDirectoryAppearsWithOneRename) {
  Scenario s;
  s.changes.push_back({Kind::kCreate, "/proj/gen/a.ts", "a\n", std::nullopt});
  s.changes.push_back({Kind::kCreate, "/proj/gen/sub/b.ts", "b\n", std::nullopt});
  RenameRecorder recorder(s.fs);
  auto result = apply_changes(recorder, s.options(), s.changes);
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_TRUE(s.all_new());
  std::vector<std::string> targets;
  for (const auto& [from, to] : recorder.renames) {
    targets.push_back(to);
    if (to == "/proj/gen") {
      EXPECT_EQ(from.rfind("/proj/.gen.hg-", 0), 0u) << from;
    }
    if (to == "/proj/src/deep") {
      EXPECT_EQ(from.rfind("/proj/src/.deep.hg-", 0), 0u) << from;
    }
  }
  std::sort(targets.begin(), targets.end());
  EXPECT_EQ(targets, (std::vector<std::string>{"/proj/gen", "/proj/src/app.ts", "/proj/src/deep",
                                               "/proj/src/new.ts", "/proj/src/router.ts"}));
  // Nothing hidden is left beside the targets.
  for (const auto& p : s.user_paths()) EXPECT_EQ(p.find(".hg-"), std::string::npos) << p;
}

// Looks (stat/lstat) at paths, recorded.
class LookRecorder : public ForwardingFileSystem {
 public:
  explicit LookRecorder(FileSystem& inner) : ForwardingFileSystem(inner) {}
  Result<FileStat> stat(const std::string& path) override {
    looked.push_back(path);
    return inner().stat(path);
  }
  Result<FileStat> lstat(const std::string& path) override {
    looked.push_back(path);
    return inner().lstat(path);
  }
  bool looked_at(const std::string& path) const {
    return std::find(looked.begin(), looked.end(), path) != looked.end();
  }
  std::vector<std::string> looked;
};

// A file to create in a folder found missing cannot exist: prepare does not
// look for it (one lstat per file saved on a scaffold), but still looks for
// files in existing folders.
TEST(Apply, DoesNotLookForFilesInAFolderFoundMissing) {
  Scenario s;
  s.changes.push_back({Kind::kCreate, "/proj/gen/a.ts", "a\n", std::nullopt});
  s.changes.push_back({Kind::kCreate, "/proj/gen/b.ts", "b\n", std::nullopt});
  LookRecorder recorder(s.fs);
  auto result = apply_changes(recorder, s.options(), s.changes);
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_TRUE(s.all_new());
  EXPECT_TRUE(recorder.looked_at("/proj/gen"));
  EXPECT_FALSE(recorder.looked_at("/proj/gen/a.ts"));
  EXPECT_FALSE(recorder.looked_at("/proj/gen/b.ts"));
  EXPECT_FALSE(recorder.looked_at("/proj/src/deep/er/x.ts"));
  EXPECT_TRUE(recorder.looked_at("/proj/src/new.ts"));  // src/ exists
}

// An overwrite planned for a file whose folder has gone is a conflict, and
// nothing is written.
TEST(Apply, OverwriteInAFolderThatWentIsAConflict) {
  MemoryFileSystem fs;
  fs.add_dir("/proj");
  std::vector<FileChange> changes{{Kind::kOverwrite, "/proj/gone/a.ts", "new\n", "old\n"}};
  ApplyOptions o;
  o.project_root = kRoot;
  auto result = apply_changes(fs, o, changes);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kConflict);
  EXPECT_NE(result.error().message.find("was removed since it was planned"), std::string::npos);
  EXPECT_FALSE(fs.lstat("/proj/gone")->exists());
}

// A journal whose tree is not named after its directory and the apply id is
// forged: set aside, not replayed.
TEST(Recover, ForgedTreeIsSetAsideNotReplayed) {
  MemoryFileSystem fs;
  fs.add_dir("/proj");
  fs.add_dir("/proj/.hypergen/journal");
  fs.add_dir("/proj/.elsewhere");
  Journal j;
  j.state = Journal::State::kCommitted;
  j.id = "1-ab";
  j.created_dirs = {"/proj/gen"};
  j.trees = {{"/proj/gen", "/proj/.elsewhere"}};
  JournalFile f;
  f.target = "/proj/gen/a.ts";
  f.staged = "/proj/.elsewhere/a.ts";
  j.files = {f};
  ASSERT_TRUE(fs.write_file(journal_path(kRoot), encode_journal(j), false));
  auto report = recover(fs, kRoot);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->journal_corrupt);
  EXPECT_TRUE(fs.lstat("/proj/.elsewhere")->is_directory());
  EXPECT_FALSE(fs.lstat("/proj/gen")->exists());
}

}  // namespace
}  // namespace hypergen::apply
