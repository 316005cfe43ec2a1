// Building, validating and persisting the index (see index.h). Discovery rules
// live in discover/ only: the index walks the tree through discover's own
// functions, with a FileSystem wrapper that records which folders were listed
// and which files were read, so validation checks exactly what a walk used.

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <unordered_map>

#include <fmt/format.h>
#include <xxhash.h>

#include "discover/discover.h"
#include "frontmatter/frontmatter.h"
#include "index/index.h"
#include "util/fs_forwarding.h"
#include "util/parallel.h"
#include "util/state_dir.h"

namespace hypergen::index {

namespace {

// Forwards to another FileSystem and records the folders listed (with their
// mtime, taken *before* listing so a later change is always visible), the
// files read (size+mtime, taken before reading) and paths found missing.
class RecordingFs : public ForwardingFileSystem {
 public:
  explicit RecordingFs(FileSystem& inner) : ForwardingFileSystem(inner) {}

  std::vector<DirData> dirs;
  std::vector<FileData> files;

  Result<FileStat> stat(const std::string& path) override {
    auto st = inner().stat(path);
    if (st && !st->exists()) files.push_back({path, kMissingMtime, 0});
    return st;
  }
  Result<std::string> read_file(const std::string& path) override {
    auto st = inner().stat(path);
    if (!st) return tl::unexpected(st.error());
    files.push_back({path, st->exists() ? st->mtime_ns : kMissingMtime, st->size});
    return inner().read_file(path);
  }
  Result<std::vector<DirEntry>> list_dir(const std::string& path) override {
    auto st = inner().stat(path);
    if (!st) return tl::unexpected(st.error());
    if (st->is_directory()) dirs.push_back({path, st->mtime_ns});
    return list_override(path);
  }

  // Makes list_dir(root) show only `name`, so discover::list_generators reads
  // one generator folder with its usual rules.
  void only_entry(std::string root, std::string name) {
    only_root_ = std::move(root);
    only_name_ = std::move(name);
  }

 private:
  Result<std::vector<DirEntry>> list_override(const std::string& path) {
    if (!only_root_.empty() && path == only_root_) {
      // kSymlink makes discover stat the entry to learn its real type.
      return std::vector<DirEntry>{{only_name_, FileStat::Type::kSymlink}};
    }
    return inner().list_dir(path);
  }

  std::string only_root_, only_name_;
};

bool unsure(std::int64_t mtime_ns, std::int64_t written_ns, std::int64_t granularity_ns) {
  if (mtime_ns == kRecheckMtime) return true;
  if (written_ns == 0 || mtime_ns == kMissingMtime) return false;
  return mtime_ns > written_ns - granularity_ns;
}

// Marks every recorded mtime that is unsure against the index file it came
// from (written at `written_ns`) as kRecheckMtime, before that data is
// copied into a new index file: a later write time must not make an entry
// trusted that was never checked after it became unsure.
void forget_unsure(IndexData& data, std::int64_t written_ns, std::int64_t granularity_ns) {
  auto fix = [&](std::int64_t& mtime) {
    if (unsure(mtime, written_ns, granularity_ns)) mtime = kRecheckMtime;
  };
  for (auto& r : data.roots) fix(r.mtime_ns);
  for (auto& g : data.generators) {
    fix(g.dir_mtime_ns);
    if (g.has_metadata) fix(g.metadata_file.mtime_ns);
    for (auto& a : g.actions) {
      fix(a.dir_mtime_ns);
      if (a.has_metadata) fix(a.metadata_file.mtime_ns);
      for (auto& d : a.dirs) fix(d.mtime_ns);
      for (auto& f : a.files) fix(f.mtime_ns);
      for (auto& t : a.templates) fix(t.stamp.mtime_ns);
    }
  }
}

struct Checker {
  Checker(FileSystem& fs_in, std::int64_t written, std::int64_t granularity)
      : fs(fs_in), written_ns(written), granularity_ns(granularity) {}

  static constexpr std::size_t kNoRoot = SIZE_MAX;

  FileSystem& fs;
  std::int64_t written_ns;
  std::int64_t granularity_ns;
  std::size_t stats = 0;
  // Open template roots (by root index; null: not open): a path below one is
  // stat'ed relative to it (FileSystem::stat_in), a shorter path walk.
  std::vector<std::shared_ptr<const DirHandle>> open_roots;
  std::string scratch;  // path buffer, reused

  Result<FileStat> stat(std::string_view path, std::size_t root = kNoRoot) {
    ++stats;
    if (root < open_roots.size() && open_roots[root] != nullptr) {
      const std::string& base = open_roots[root]->path();
      if (path.size() > base.size() + 1 && path.starts_with(base) && path[base.size()] == '/') {
        scratch.assign(path.substr(base.size() + 1));
        return fs.stat_in(*open_roots[root], scratch);
      }
    }
    scratch.assign(path);
    return fs.stat(scratch);
  }
  bool dir_ok(std::string_view path, std::int64_t mtime_ns, std::size_t root = kNoRoot) {
    if (unsure(mtime_ns, written_ns, granularity_ns)) return false;
    auto st = stat(path, root);
    return st && st->is_directory() && st->mtime_ns == mtime_ns;
  }
  bool root_ok(std::string_view path, std::int64_t mtime_ns) {
    if (mtime_ns == kMissingMtime) {
      auto st = stat(path);
      return st && !st->is_directory();
    }
    return dir_ok(path, mtime_ns);
  }
  bool file_ok(std::string_view path, std::int64_t mtime_ns, std::uint64_t size,
               std::size_t root = kNoRoot) {
    if (unsure(mtime_ns, written_ns, granularity_ns)) return false;
    auto st = stat(path, root);
    if (!st) return false;
    if (mtime_ns == kMissingMtime) return !st->exists();
    return st->exists() && st->mtime_ns == mtime_ns && st->size == size;
  }
  // The generator level of one generator: its folder, its template.yml, and
  // each action folder with its template.yml (entries added or removed change
  // a folder's mtime; an edit in place changes the file's size or mtime).
  bool generator_ok(const Index& index, std::size_t gi) {
    auto g = index.generator_record(gi);
    std::size_t root = g.root_index;
    if (!dir_ok(index.string(g.path), g.dir_mtime_ns, root)) return false;
    if ((g.flags & kGeneratorHasMetadata) != 0 &&
        !file_ok(index.string(g.metadata_path), g.metadata_mtime_ns, g.metadata_size, root)) {
      return false;
    }
    for (std::uint32_t ai = g.first_action; ai < g.first_action + g.action_count; ++ai) {
      auto a = index.action_record(ai);
      if ((a.flags & kActionIsDir) == 0) continue;
      if (!dir_ok(index.string(a.path), a.dir_mtime_ns, root)) return false;
      if ((a.flags & kActionHasMetadata) != 0 &&
          !file_ok(index.string(a.metadata_path), a.metadata_mtime_ns, a.metadata_size, root)) {
        return false;
      }
    }
    return true;
  }

  // The same for owned data whose folder mtime was just read (`dir_mtime_ns`).
  bool generator_ok(const GeneratorData& g, const std::string& path, std::int64_t dir_mtime_ns) {
    if (g.path != path || g.dir_mtime_ns != dir_mtime_ns ||
        unsure(dir_mtime_ns, written_ns, granularity_ns)) {
      return false;
    }
    if (g.has_metadata &&
        !file_ok(g.metadata_file.path, g.metadata_file.mtime_ns, g.metadata_file.size)) {
      return false;
    }
    for (const auto& a : g.actions) {
      if (!a.is_dir) continue;
      if (!dir_ok(a.path, a.dir_mtime_ns)) return false;
      if (a.has_metadata &&
          !file_ok(a.metadata_file.path, a.metadata_file.mtime_ns, a.metadata_file.size)) {
        return false;
      }
    }
    return true;
  }

  bool template_ok(std::string_view path, const FileStamp& stamp, std::size_t root = kNoRoot) {
    if (unsure(stamp.mtime_ns, written_ns, granularity_ns)) return false;
    auto st = stat(path, root);
    return st && st->is_file() && st->mtime_ns == stamp.mtime_ns && st->size == stamp.size &&
           st->inode == stamp.inode;
  }

  // The action of an index file, checked in place (no copies).
  bool action_ok(const Index& index, std::size_t ai) {
    auto a = index.action_record(ai);
    if ((a.flags & kActionScanned) == 0) return false;  // not scanned
    std::size_t root =
        open_roots.empty() ? kNoRoot : index.generator_record(a.generator).root_index;
    for (std::uint32_t i = a.first_dir; i < a.first_dir + a.dir_count; ++i) {
      auto d = index.dir_record(i);
      if (!dir_ok(index.string(d.path), d.mtime_ns, root)) return false;
    }
    for (std::uint32_t i = a.first_file; i < a.first_file + a.file_count; ++i) {
      auto f = index.file_record(i);
      if (!file_ok(index.string(f.path), f.mtime_ns, f.size, root)) return false;
    }
    for (std::uint32_t i = a.first_template; i < a.first_template + a.template_count; ++i) {
      auto t = index.template_record(i);
      if (!template_ok(index.string(t.path), {t.mtime_ns, t.size, t.inode}, root)) return false;
    }
    return true;
  }

  bool action_ok(const ActionData& a) {
    if (!a.scanned) return false;
    for (const auto& d : a.dirs) {
      if (!dir_ok(d.path, d.mtime_ns)) return false;
    }
    for (const auto& f : a.files) {
      if (!file_ok(f.path, f.mtime_ns, f.size)) return false;
    }
    for (const auto& t : a.templates) {
      if (!template_ok(t.path, t.stamp)) return false;
    }
    return true;
  }
};

Result<TemplateData> read_template(FileSystem& fs, const std::string& path) {
  auto st = fs.stat(path);  // before reading: a later edit changes the mtime we keep
  if (!st) return tl::unexpected(st.error());
  auto text = fs.read_file(path);
  if (!text) return tl::unexpected(text.error());
  TemplateData t;
  t.path = path;
  t.stamp = {st->mtime_ns, st->size, st->inode};
  t.content_hash = XXH3_64bits(text->data(), text->size());
  auto split = frontmatter::split(*text);
  t.has_frontmatter = split.has_frontmatter;
  if (split.has_frontmatter) {
    t.frontmatter = std::move(split.yaml);
    t.yaml_line = static_cast<std::uint32_t>(split.yaml_line);
    t.body_line = static_cast<std::uint32_t>(split.body_line);
    bool suffix =
        split.body.size() <= text->size() && std::string_view(*text).ends_with(split.body);
    t.body_offset = suffix ? text->size() - split.body.size() : kNoBodyOffset;
  }
  return t;
}

Status scan_action(FileSystem& fs, ActionData& a) {
  a.templates.clear();
  a.dirs.clear();
  a.files.clear();
  a.hook.clear();
  if (a.is_dir) {
    RecordingFs rec(fs);
    auto files = discover::list_templates(rec, a.path);
    if (!files) return tl::unexpected(files.error());
    std::sort(files->begin(), files->end(),
              [](const auto& x, const auto& y) { return x.path < y.path; });
    a.templates.reserve(files->size());
    for (const auto& f : *files) {
      auto t = read_template(fs, f.path);
      if (!t) return tl::unexpected(t.error());
      a.templates.push_back(std::move(*t));
    }
    a.dirs = std::move(rec.dirs);
    a.files = std::move(rec.files);
    a.hook = discover::find_hook_file(fs, a.path);
  }
  a.scanned = true;
  return {};
}

const ActionData* find_action_data(const GeneratorData* g, const std::string& name) {
  if (g == nullptr) return nullptr;
  for (const auto& a : g->actions) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

// An action folder's mtime (taken first, so that a later change is seen) and
// its own template.yml or template.yaml, looked for the way
// manifest::manifest_in does (the first that exists and is not a folder).
void read_action_metadata(FileSystem& fs, ActionData& a) {
  a.dir_mtime_ns = kMissingMtime;
  a.has_metadata = false;
  a.metadata_read = false;
  a.metadata.clear();
  a.metadata_file = {};
  if (!a.is_dir) return;
  auto dir = fs.stat(a.path);
  if (!dir || !dir->is_directory()) return;  // kMissingMtime: looked at again next time
  std::int64_t mtime = dir->mtime_ns;
  for (const char* meta : {"/template.yml", "/template.yaml"}) {
    std::string path = a.path + meta;
    auto st = fs.stat(path);
    if (!st) {
      mtime = kMissingMtime;  // cannot tell whether it is there: look again next time
      continue;
    }
    if (!st->exists() || st->is_directory()) continue;
    a.has_metadata = true;
    a.metadata_file = {path, st->mtime_ns, st->size};
    if (auto bytes = fs.read_file(path)) {
      a.metadata_read = true;
      a.metadata = std::move(*bytes);
    }
    break;
  }
  a.dir_mtime_ns = mtime;
}

// A generator from discover's listing; keeps the scanned actions of `old`
// that are still the same entry (they are validated when used).
Result<GeneratorData> make_generator(FileSystem& fs, discover::GeneratorInfo& info,
                                     std::int64_t dir_mtime_ns, GeneratorData* old) {
  GeneratorData g;
  g.name = std::move(info.name);
  g.path = std::move(info.path);
  g.root_index = static_cast<std::uint32_t>(info.root_index);
  g.dir_mtime_ns = dir_mtime_ns;
  for (const char* meta : {"template.yml", "template.yaml"}) {
    auto it = std::find_if(info.actions.begin(), info.actions.end(),
                           [&](const auto& a) { return a.name == meta && !a.is_dir; });
    if (it == info.actions.end()) continue;
    RecordingFs rec(fs);
    auto bytes = rec.read_file(it->path);
    if (!bytes) return tl::unexpected(bytes.error());
    g.has_metadata = true;
    g.metadata = std::move(*bytes);
    g.metadata_file = rec.files.front();
    break;
  }
  for (auto& ai : info.actions) {
    ActionData a;
    a.name = std::move(ai.name);
    a.path = std::move(ai.path);
    a.is_dir = ai.is_dir;
    const ActionData* prev = find_action_data(old, a.name);
    if (prev != nullptr && prev->scanned && prev->path == a.path && prev->is_dir == a.is_dir) {
      a = std::move(*const_cast<ActionData*>(prev));
    } else if (!a.is_dir) {
      a.scanned = true;  // a file entry has no templates
    }
    read_action_metadata(fs, a);
    g.actions.push_back(std::move(a));
  }
  return g;
}

std::int64_t recorded_mtime(const RecordingFs& rec, const std::string& path) {
  for (const auto& d : rec.dirs) {
    if (d.path == path) return d.mtime_ns;
  }
  return kMissingMtime;
}

// Re-reads one root's generator list, reusing unchanged generators of `old`.
Status scan_root(FileSystem& fs, IndexData& data, std::uint32_t root_index,
                 std::vector<GeneratorData>* old, Checker* checker, LoadReport& report) {
  RecordingFs rec(fs);
  auto gens = discover::list_generators(rec, data.roots[root_index].path, root_index);
  if (!gens) return tl::unexpected(gens.error());
  data.roots[root_index].mtime_ns = recorded_mtime(rec, data.roots[root_index].path);
  std::unordered_map<std::string, std::int64_t> mtimes;
  mtimes.reserve(rec.dirs.size());
  for (auto& d : rec.dirs) mtimes.emplace(std::move(d.path), d.mtime_ns);
  std::unordered_map<std::string_view, GeneratorData*> previous;
  if (old != nullptr) {
    for (auto& g : *old) {
      if (g.root_index == root_index) previous.emplace(g.name, &g);
    }
  }
  for (auto& info : *gens) {
    auto mt = mtimes.find(info.path);
    std::int64_t mtime = mt == mtimes.end() ? kMissingMtime : mt->second;
    auto prev_it = previous.find(info.name);
    GeneratorData* prev = prev_it == previous.end() ? nullptr : prev_it->second;
    if (prev != nullptr && checker != nullptr && checker->generator_ok(*prev, info.path, mtime)) {
      data.generators.push_back(std::move(*prev));
      continue;
    }
    auto g = make_generator(fs, info, mtime, prev);
    if (!g) return tl::unexpected(g.error());
    ++report.generators_rescanned;
    data.generators.push_back(std::move(*g));
  }
  return {};
}

// Re-reads one generator folder (its root is unchanged).
Result<std::optional<GeneratorData>> rescan_generator(FileSystem& fs, const std::string& root,
                                                      GeneratorData& old) {
  RecordingFs rec(fs);
  rec.only_entry(root, old.name);
  auto gens = discover::list_generators(rec, root, old.root_index);
  if (!gens) return tl::unexpected(gens.error());
  if (gens->empty()) return std::optional<GeneratorData>();
  auto g = make_generator(fs, gens->front(), recorded_mtime(rec, gens->front().path), &old);
  if (!g) return tl::unexpected(g.error());
  return std::optional<GeneratorData>(std::move(*g));
}

Status scan_actions(FileSystem& fs, IndexData& data, Checker* checker, LoadReport& report) {
  for (auto& g : data.generators) {
    for (auto& a : g.actions) {
      if (a.scanned && (checker == nullptr || checker->action_ok(a))) continue;
      HG_RETURN_IF_ERROR(scan_action(fs, a));
      ++report.actions_rescanned;
    }
  }
  return {};
}

std::string temp_suffix() {
  std::random_device rd;
  return fmt::format(".tmp.{}.{:08x}", static_cast<long>(::getpid()), rd());
}

// Writes the index atomically; returns the new file's mtime.
Result<std::int64_t> persist(FileSystem& fs, const std::string& project_root,
                             const std::string& bytes, const Options& options) {
  if (bytes.empty()) return make_error(ErrorKind::kFailure, "index too large to serialize");
  std::string path = index_path(project_root);
  auto made = make_state_dir(fs, project_root, "cache");
  if (!made) return tl::unexpected(made.error());
  const std::string& dir = *made;
  auto lock = fs.lock_file(dir + "/index.lock", options.lock_timeout);
  if (!lock) return tl::unexpected(lock.error());
  // Every writer holds the lock, so any temp file seen now was left by a
  // writer that was killed: remove it.
  if (auto entries = fs.list_dir(dir)) {
    for (const auto& e : *entries) {
      if (e.name.starts_with("index.tmp.")) (void)fs.remove(dir + "/" + e.name);
    }
  }
  std::string tmp = path + temp_suffix();
  if (auto st = fs.write_file(tmp, bytes, false); !st) {
    (void)fs.remove(tmp);
    return tl::unexpected(st.error());
  }
  if (auto st = fs.rename(tmp, path); !st) {
    (void)fs.remove(tmp);
    return tl::unexpected(st.error());
  }
  auto st = fs.stat(path);
  if (!st) return tl::unexpected(st.error());
  return st->mtime_ns;
}

Result<Loaded> finish(FileSystem& fs, const std::string& project_root, const IndexData& data,
                      const Options& options, LoadReport report) {
  std::string bytes = serialize(data);
  if (options.persist == Persist::kYes) {
    auto written = persist(fs, project_root, bytes, options);
    report.written = written.has_value();
    auto index = Index::from_bytes(std::move(bytes));
    if (!index) return make_error(ErrorKind::kFailure, "internal error: index does not round-trip");
    if (written) index->set_written_ns(*written);
    return Loaded{std::move(*index), report};
  }
  auto index = Index::from_bytes(std::move(bytes));
  if (!index) return make_error(ErrorKind::kFailure, "internal error: index does not round-trip");
  return Loaded{std::move(*index), report};
}

bool same_roots(const Index& index, const std::vector<std::string>& roots) {
  if (index.root_count() != roots.size()) return false;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    if (index.root(i) != roots[i]) return false;
  }
  return true;
}

// What changed, by stat only.
struct Staleness {
  std::vector<bool> root_changed;
  std::vector<std::size_t> generators;  // indices of changed generators (unchanged roots)
  std::vector<std::size_t> actions;     // with Depth::kFull: stale or unscanned actions
  bool any() const {
    return !generators.empty() || !actions.empty() ||
           std::find(root_changed.begin(), root_changed.end(), true) != root_changed.end();
  }
};

// Checks generators [lo, hi) of `index` at `depth`: marks changed ones in
// `changed` and collects stale actions (Depth::kFull) in `actions`.
void check_generators(const Index& index, Checker& checker, Depth depth,
                      const std::vector<bool>& root_changed, std::size_t lo, std::size_t hi,
                      std::vector<char>& changed, std::vector<std::size_t>& actions) {
  for (std::size_t gi = lo; gi < hi; ++gi) {
    auto g = index.generator_record(gi);
    if (root_changed[g.root_index]) continue;
    if (!checker.generator_ok(index, gi)) {
      changed[gi] = 1;
      continue;
    }
    if (depth == Depth::kFull) {
      for (std::uint32_t ai = g.first_action; ai < g.first_action + g.action_count; ++ai) {
        if (!checker.action_ok(index, ai)) actions.push_back(ai);
      }
    }
  }
}

Staleness find_stale(const Index& index, Checker& checker, Depth depth,
                     std::size_t parallel_entries) {
  Staleness s;
  s.root_changed.resize(index.root_count());
  if (depth == Depth::kNone) return s;
  checker.open_roots.assign(index.root_count(), nullptr);
  for (std::size_t r = 0; r < index.root_count(); ++r) {
    auto rec = index.root_record(r);
    s.root_changed[r] = !checker.root_ok(index.string(rec.path), rec.mtime_ns);
    if (!s.root_changed[r] && rec.mtime_ns != kMissingMtime) {
      // Opened after its mtime was checked: replacing the folder in between is
      // the same as replacing it right after validation.
      if (auto dir = checker.fs.open_dir(std::string(index.string(rec.path)))) {
        checker.open_roots[r] = std::move(*dir);
      }
    }
  }
  std::size_t n = index.generator_count();
  std::vector<char> changed(n, 0);
  if (checker.fs.thread_safe() && n + index.action_count() > parallel_entries) {
    // Contiguous slices of about the same number of entries, on 2 threads:
    // the caller starts at once and the other thread takes slices as soon
    // as it runs. Each slice has its own checker and action list, merged in
    // order, so the result is the serial one.
    constexpr std::size_t kSlices = 16;
    std::size_t entries = n + index.action_count();
    std::vector<std::size_t> bounds{0};
    for (std::size_t k = 1, gi = 0; k < kSlices; ++k) {
      std::size_t target = entries * k / kSlices;
      while (gi < n && gi + index.generator_record(gi).first_action < target) ++gi;
      if (gi > bounds.back()) bounds.push_back(gi);
    }
    if (bounds.back() < n) bounds.push_back(n);
    std::size_t slices = bounds.size() - 1;
    std::vector<Checker> checkers;
    checkers.reserve(slices);
    for (std::size_t k = 0; k < slices; ++k) {
      checkers.emplace_back(checker.fs, checker.written_ns, checker.granularity_ns);
      checkers.back().open_roots = checker.open_roots;
    }
    std::vector<std::vector<std::size_t>> actions(slices);
    parallel_for(
        slices, 2,
        [&](std::size_t k) {
          check_generators(index, checkers[k], depth, s.root_changed, bounds[k], bounds[k + 1],
                           changed, actions[k]);
        },
        ParallelBackend::kThreads);
    for (std::size_t k = 0; k < slices; ++k) {
      checker.stats += checkers[k].stats;
      s.actions.insert(s.actions.end(), actions[k].begin(), actions[k].end());
    }
  } else {
    check_generators(index, checker, depth, s.root_changed, 0, n, changed, s.actions);
  }
  for (std::size_t gi = 0; gi < n; ++gi) {
    if (changed[gi] != 0) s.generators.push_back(gi);
  }
  return s;
}

Result<Loaded> rebuild(FileSystem& fs, const std::string& project_root,
                       const std::vector<std::string>& roots, const Options& options,
                       Metrics* metrics, LoadReport report) {
  ScopedTimer timer(metrics, Stage::kIndexBuild);
  auto data = build(fs, roots, options.depth);
  if (!data) return tl::unexpected(data.error());
  report.freshness = Freshness::kRebuilt;
  report.generators_rescanned = data->generators.size();
  for (const auto& g : data->generators) {
    for (const auto& a : g.actions) report.actions_rescanned += a.scanned && a.is_dir ? 1 : 0;
  }
  count(metrics, Counter::kIndexRescanned, report.generators_rescanned + report.actions_rescanned);
  return finish(fs, project_root, *data, options, report);
}

}  // namespace

std::string_view freshness_name(Freshness freshness) {
  switch (freshness) {
    case Freshness::kFresh:
      return "fresh";
    case Freshness::kRevalidated:
      return "revalidated";
    case Freshness::kRebuilt:
      return "rebuilt";
  }
  return "unknown";
}

Result<IndexData> build(FileSystem& fs, const std::vector<std::string>& roots, Depth depth) {
  IndexData data;
  LoadReport ignored;
  for (const auto& r : roots) data.roots.push_back({r, kMissingMtime});
  for (std::uint32_t i = 0; i < roots.size(); ++i) {
    HG_RETURN_IF_ERROR(scan_root(fs, data, i, nullptr, nullptr, ignored));
  }
  if (depth == Depth::kFull) HG_RETURN_IF_ERROR(scan_actions(fs, data, nullptr, ignored));
  return data;
}

Result<Loaded> load_or_build(FileSystem& fs, const std::string& project_root,
                             const std::vector<std::string>& roots, const Options& options,
                             Metrics* metrics) {
  LoadReport report;
  std::optional<Index> index;
  {
    ScopedTimer timer(metrics, Stage::kIndexLoad);
    std::string path = index_path(project_root);
    // stat before reading: if the file is replaced in between, the mtime we
    // keep is older than the content, which only makes more entries unsure.
    auto st = fs.stat(path);
    if (st && st->is_file()) {
      auto bytes = fs.read_file(path);
      if (bytes) {
        report.file_found = true;
        index = Index::from_bytes(std::move(*bytes), &report.file_status);
        if (index) index->set_written_ns(st->mtime_ns);
      }
    }
  }
  if (!index) return rebuild(fs, project_root, roots, options, metrics, report);
  if (!same_roots(*index, roots)) {
    report.roots_changed = true;
    return rebuild(fs, project_root, roots, options, metrics, report);
  }

  Checker checker{fs, index->written_ns(), options.granularity_ns};
  Staleness stale;
  {
    ScopedTimer timer(metrics, Stage::kIndexValidate);
    stale = find_stale(*index, checker, options.depth, options.parallel_entries);
  }
  report.stats = checker.stats;
  if (!stale.any()) {
    count(metrics, Counter::kIndexStats, checker.stats);
    report.freshness = Freshness::kFresh;
    return Loaded{std::move(*index), report};
  }

  ScopedTimer timer(metrics, Stage::kIndexBuild);
  report.freshness = Freshness::kRevalidated;
  IndexData old = index->to_data();
  forget_unsure(old, index->written_ns(), options.granularity_ns);
  IndexData data;
  data.roots = old.roots;
  std::vector<bool> changed_gen(old.generators.size(), false);
  for (auto gi : stale.generators) changed_gen[gi] = true;
  for (std::uint32_t r = 0; r < data.roots.size(); ++r) {
    if (stale.root_changed[r]) {
      HG_RETURN_IF_ERROR(scan_root(fs, data, r, &old.generators, &checker, report));
      continue;
    }
    for (std::size_t gi = 0; gi < old.generators.size(); ++gi) {
      auto& g = old.generators[gi];
      if (g.root_index != r) continue;
      if (!changed_gen[gi]) {
        data.generators.push_back(std::move(g));
        continue;
      }
      auto fresh = rescan_generator(fs, data.roots[r].path, g);
      if (!fresh) return tl::unexpected(fresh.error());
      ++report.generators_rescanned;
      if (*fresh) data.generators.push_back(std::move(**fresh));
    }
  }
  if (options.depth == Depth::kFull) {
    HG_RETURN_IF_ERROR(scan_actions(fs, data, &checker, report));
  }
  report.stats = checker.stats;
  count(metrics, Counter::kIndexStats, checker.stats);
  count(metrics, Counter::kIndexRescanned, report.generators_rescanned + report.actions_rescanned);
  return finish(fs, project_root, data, options, report);
}

Result<ActionView> ensure_action(FileSystem& fs, const std::string& project_root, Index& index,
                                 std::size_t action_index, const Options& options, Metrics* metrics,
                                 LoadReport* report) {
  if (action_index >= index.action_count()) {
    return make_error(ErrorKind::kNotFound, "no such action in the index");
  }
  Checker checker{fs, index.written_ns(), options.granularity_ns};
  bool ok;
  {
    ScopedTimer timer(metrics, Stage::kIndexValidate);
    ok = checker.action_ok(index, action_index);
  }
  count(metrics, Counter::kIndexStats, checker.stats);
  if (report != nullptr) report->stats += checker.stats;
  if (ok) return index.action(action_index);

  ScopedTimer timer(metrics, Stage::kIndexBuild);
  auto rec = index.action_record(action_index);
  IndexData data = index.to_data();
  forget_unsure(data, index.written_ns(), options.granularity_ns);
  auto g = index.generator_record(rec.generator);
  ActionData& a = data.generators[rec.generator].actions[action_index - g.first_action];
  HG_RETURN_IF_ERROR(scan_action(fs, a));
  count(metrics, Counter::kIndexRescanned);
  LoadReport local;
  auto loaded = finish(fs, project_root, data, options, local);
  if (!loaded) return tl::unexpected(loaded.error());
  if (report != nullptr) {
    ++report->actions_rescanned;
    report->written = report->written || loaded->report.written;
    if (report->freshness == Freshness::kFresh) report->freshness = Freshness::kRevalidated;
  }
  index = std::move(loaded->index);
  return index.action(action_index);
}

Result<IndexStatus> index_status(FileSystem& fs, const std::string& project_root,
                                 const std::vector<std::string>& roots, const Options& options) {
  IndexStatus status;
  std::string path = index_path(project_root);
  auto st = fs.stat(path);
  if (!st) return tl::unexpected(st.error());
  if (!st->is_file()) return status;
  status.exists = true;
  status.file_size = st->size;
  auto bytes = fs.read_file(path);
  if (!bytes) return tl::unexpected(bytes.error());
  auto index = Index::from_bytes(std::move(*bytes), &status.file_status);
  if (!index) return status;
  index->set_written_ns(st->mtime_ns);
  status.generators = index->generator_count();
  status.actions = index->action_count();
  status.templates = index->template_count();
  for (std::size_t i = 0; i < index->action_count(); ++i) {
    status.scanned_actions += (index->action_record(i).flags & kActionScanned) != 0 ? 1 : 0;
  }
  status.roots_match = same_roots(*index, roots);
  if (!status.roots_match) return status;
  Checker checker{fs, index->written_ns(), options.granularity_ns};
  auto stale = find_stale(*index, checker, Depth::kGenerators, options.parallel_entries);
  status.stale_generators = stale.generators.size();
  for (std::size_t i = 0; i < index->action_count(); ++i) {
    auto a = index->action_record(i);
    if ((a.flags & kActionScanned) != 0 && !checker.action_ok(*index, i)) ++status.stale_actions;
  }
  return status;
}

Status index_clear(FileSystem& fs, const std::string& project_root) {
  auto removed = fs.remove(index_path(project_root));
  if (!removed && removed.error().kind != ErrorKind::kNotFound) return removed;
  return {};
}

Result<Loaded> index_rebuild(FileSystem& fs, const std::string& project_root,
                             const std::vector<std::string>& roots, const Options& options,
                             Metrics* metrics) {
  LoadReport report;
  Options full = options;
  full.depth = Depth::kFull;
  return rebuild(fs, project_root, roots, full, metrics, report);
}

}  // namespace hypergen::index
