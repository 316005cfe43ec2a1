// Crash test for the transactional writer (issue 8, "Crash safety").
//
// For each scenario (a multi-file change set on the real file system) and for
// N = 1, 2, ... until the apply completes, a forked child applies the change
// set with HYPERGEN_FAULT-style "kill@N" (and then "tear@N": a half-written
// file, then death) so it _exit(137)s just before its N-th mutating step. The
// parent then runs recover() and checks that every target is entirely old or
// entirely new — in fact that the whole change set is all old or all new —
// that modes are kept, and that the journal and every staged/backup file are
// gone. For each kill point it also kills the recovery itself at every one of
// its steps and recovers again (for the kill@ points). Prints the number of kill points tried.
//
// Usage: crash_apply_kill_points [--full] [work-dir]   (default: $TMPDIR or /tmp)
// --full also kills the recovery at every step for the large scenario.

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "apply/apply.h"
#include "util/fs.h"
#include "util/fs_faulty.h"

namespace {

using hypergen::FaultyFileSystem;
using hypergen::apply::FileChange;
namespace stdfs = std::filesystem;

struct Target {
  std::string path;  // relative to the project
  bool existed;
  std::string old_content;
  unsigned old_mode;
  std::string new_content;
  FileChange::Kind kind;
};

struct Scenario {
  std::string name;
  std::vector<Target> targets;
  std::vector<std::string> old_dirs;  // directories that exist before
};

std::string body(const std::string& tag, int lines) {
  std::ostringstream out;
  for (int i = 0; i < lines; ++i) out << tag << " line " << i << " of " << lines << "\n";
  return out.str();
}

Scenario small_scenario() {
  Scenario s{"small", {}, {"src", "src/api"}};
  s.targets.push_back({"src/new.ts", false, "", 0, body("new", 5), FileChange::Kind::kCreate});
  s.targets.push_back(
      {"src/deep/er/x.ts", false, "", 0, body("deep", 3), FileChange::Kind::kCreate});
  s.targets.push_back({"src/app.ts", true, body("app old", 4), 0755, body("app new", 6),
                       FileChange::Kind::kOverwrite});
  s.targets.push_back({"src/api/router.ts", true, "routes = [\n];\n", 0640,
                       "routes = [\n  users,\n];\n", FileChange::Kind::kInject});
  return s;
}

Scenario large_scenario() {
  Scenario s{"large", {}, {"lib", "lib/a", "lib/b"}};
  for (int i = 0; i < 6; ++i) {
    s.targets.push_back({"lib/gen/c" + std::to_string(i % 3) + "/f" + std::to_string(i) + ".js",
                         false, "", 0, body("created " + std::to_string(i), 20 + i),
                         FileChange::Kind::kCreate});
    s.targets.push_back({"lib/a/o" + std::to_string(i) + ".js", true,
                         body("old " + std::to_string(i), 30), i % 2 ? 0600u : 0644u,
                         body("new " + std::to_string(i), 31), FileChange::Kind::kOverwrite});
    s.targets.push_back({"lib/b/i" + std::to_string(i) + ".js", true, "a\nb\n", 0644,
                         "a\ninjected " + std::to_string(i) + "\nb\n", FileChange::Kind::kInject});
  }
  return s;
}

bool fail(const std::string& message) {
  std::fprintf(stderr, "crash.apply_kill_points: FAIL: %s\n", message.c_str());
  return false;
}

void write_plain(const std::string& path, const std::string& content, unsigned mode) {
  std::ofstream(path, std::ios::binary) << content;
  ::chmod(path.c_str(), mode);
}

std::string read_plain(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void reset(const std::string& root, const Scenario& s) {
  std::error_code ec;
  stdfs::remove_all(root, ec);
  stdfs::create_directories(root, ec);
  for (const auto& dir : s.old_dirs) stdfs::create_directories(root + "/" + dir, ec);
  for (const auto& t : s.targets) {
    if (t.existed) write_plain(root + "/" + t.path, t.old_content, t.old_mode);
  }
}

std::vector<FileChange> changes_for(const std::string& root, const Scenario& s) {
  std::vector<FileChange> out;
  for (const auto& t : s.targets) {
    FileChange c{t.kind, root + "/" + t.path, t.new_content, std::nullopt};
    if (t.existed) c.before = t.old_content;
    out.push_back(std::move(c));
  }
  return out;
}

// Runs `work` in a child under the given fault spec; returns its exit status
// (137 = killed at the fault point).
template <typename Work>
int in_child(const std::string& spec, Work work) {
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    auto faults = hypergen::parse_fault_spec(spec);
    if (!faults) ::_exit(3);
    auto real = hypergen::make_real_file_system();
    FaultyFileSystem fs(*real, *faults);
    ::_exit(work(fs) ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Everything consistent after recovery: all old or all new, modes kept, no
// journal, no staged or backup file anywhere in the project.
bool check(const std::string& root, const Scenario& s, const std::string& label, bool* is_new) {
  int old_count = 0, new_count = 0;
  for (const auto& t : s.targets) {
    std::string path = root + "/" + t.path;
    struct stat st {};
    bool exists = ::lstat(path.c_str(), &st) == 0;
    std::string content = exists ? read_plain(path) : "";
    bool is_old_state = exists == t.existed && (!exists || content == t.old_content);
    bool is_new_state = exists && content == t.new_content;
    if (!is_old_state && !is_new_state) {
      return fail(label + ": '" + t.path + "' is torn (neither old nor new): " +
                  (exists ? std::to_string(content.size()) + " bytes" : "missing"));
    }
    if (exists && t.existed && (st.st_mode & 07777) != t.old_mode) {
      return fail(label + ": '" + t.path + "' lost its mode");
    }
    (is_new_state ? new_count : old_count)++;
  }
  if (old_count != 0 && new_count != 0) {
    return fail(label + ": the change set is half applied (" + std::to_string(new_count) +
                " new, " + std::to_string(old_count) + " old)");
  }
  *is_new = new_count != 0;
  std::error_code ec;
  if (stdfs::exists(root + "/.hypergen/journal/apply.journal", ec)) {
    return fail(label + ": the journal is still there");
  }
  for (auto it = stdfs::recursive_directory_iterator(root, ec);
       it != stdfs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.find(".hg-") != std::string::npos || name.find(".tmp") != std::string::npos) {
      return fail(label + ": left over " + it->path().string());
    }
  }
  if (!*is_new && stdfs::exists(root + "/lib/gen", ec)) {
    return fail(label + ": a directory created by the undone apply is left");
  }
  return true;
}

struct Counts {
  int apply_kill_points = 0;
  int recovery_kill_points = 0;
  int rolled_forward = 0;
  int rolled_back = 0;
};

bool run_scenario(const std::string& root, const Scenario& s, const char* action, bool full,
                  Counts& counts) {
  auto changes = changes_for(root, s);
  hypergen::apply::ApplyOptions options;
  options.project_root = root;
  for (int n = 1;; ++n) {
    std::string label = s.name + " " + action + "@" + std::to_string(n);
    if (n > 10'000) return fail(label + ": the apply never completes");
    reset(root, s);
    int status =
        in_child(std::string(action) + "@" + std::to_string(n), [&](hypergen::FileSystem& fs) {
          auto r = hypergen::apply::apply_changes(fs, options, changes);
          if (!r) std::fprintf(stderr, "%s\n", r.error().message.c_str());
          return static_cast<bool>(r);
        });
    if (status == 0) {
      bool is_new = false;
      if (!check(root, s, label + " (completed)", &is_new)) return false;
      if (!is_new) return fail(label + ": the apply succeeded but the files are old");
      return true;
    }
    if (status != FaultyFileSystem::kKillExitStatus) {
      return fail(label + ": the child failed with status " + std::to_string(status));
    }
    ++counts.apply_kill_points;
    if (std::string_view(action) != "kill" || (s.name != "small" && !full)) {
      // Nested recovery kills are run for the kill@ points only (a torn
      // staged file leaves the same journal states), and for the large
      // scenario only with --full (each costs a few fsyncs).
      auto fs = hypergen::make_real_file_system();
      auto report = hypergen::apply::recover(*fs, root);
      if (!report) return fail(label + ": " + report.error().message);
      bool is_new = false;
      if (!check(root, s, label + " (recovered)", &is_new)) return false;
      (is_new ? counts.rolled_forward : counts.rolled_back)++;
      continue;
    }

    // Kill the recovery at each of its steps too (on a copy of the crashed
    // state), then recover for real.
    std::string crashed = root + ".crashed";
    std::error_code ec;
    stdfs::remove_all(crashed, ec);
    stdfs::copy(root, crashed, stdfs::copy_options::recursive | stdfs::copy_options::copy_symlinks,
                ec);
    if (ec) return fail(label + ": cannot copy the crashed tree: " + ec.message());
    for (int m = 1;; ++m) {
      std::string nested = label + " then recover kill@" + std::to_string(m);
      int rs = in_child("kill@" + std::to_string(m), [&](hypergen::FileSystem& fs) {
        return static_cast<bool>(hypergen::apply::recover(fs, root));
      });
      if (rs == 0) break;
      if (rs != FaultyFileSystem::kKillExitStatus) {
        return fail(nested + ": recovery failed with status " + std::to_string(rs));
      }
      ++counts.recovery_kill_points;
      auto fs = hypergen::make_real_file_system();
      auto report = hypergen::apply::recover(*fs, root);
      if (!report) return fail(nested + ": " + report.error().message);
      bool is_new = false;
      if (!check(root, s, nested, &is_new)) return false;
      // Restore the crashed state for the next m.
      stdfs::remove_all(root, ec);
      stdfs::copy(crashed, root,
                  stdfs::copy_options::recursive | stdfs::copy_options::copy_symlinks, ec);
      if (m > 1000) return fail(nested + ": recovery never completes");
    }
    // The m loop ended with a completed recovery in a child; check it.
    bool is_new = false;
    if (!check(root, s, label + " (recovered)", &is_new)) return false;
    (is_new ? counts.rolled_forward : counts.rolled_back)++;
    stdfs::remove_all(crashed, ec);
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool full = false;
  std::string base = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--full") {
      full = true;
    } else {
      base = arg;
    }
  }
  std::error_code ec;
  stdfs::create_directories(base, ec);
  std::string tmpl = base + "/hypergen-crash-XXXXXX";
  if (::mkdtemp(tmpl.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  std::string root = stdfs::canonical(tmpl).string() + "/project";
  Counts counts;
  bool ok = true;
  for (const Scenario& s : {small_scenario(), large_scenario()}) {
    for (const char* action : {"kill", "tear"}) {
      if (ok) ok = run_scenario(root, s, action, full, counts);
    }
  }
  std::printf(
      "crash.apply_kill_points: %d apply kill points (kill + tear, 2 scenarios), %d recovery kill "
      "points; %d rolled forward, %d rolled back; %s\n",
      counts.apply_kill_points, counts.recovery_kill_points, counts.rolled_forward,
      counts.rolled_back, ok ? "0 torn files" : "FAILED");
  stdfs::remove_all(tmpl, ec);
  return ok ? 0 : 1;
}
