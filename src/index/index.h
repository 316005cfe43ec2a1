#pragma once
// The persistent template index (`.hypergen/cache/index`, format in
// index/format.h): generators, actions, generator and action template.yml bytes, and per
// action its template files with stat data, content hash and raw (unrendered)
// frontmatter. It turns `list` into one read plus a stat per generator, and a
// generation into one stat per template of the action used.
//
// Validation is by stat, at two depths. Generator level (what `list` needs):
// root, generator and action folder mtimes (entries added or removed,
// template.yml files appearing or vanishing), template.yml size+mtime. Action level (checked when
// an action is used, or for every action with Depth::kFull): the mtimes of every folder walked, the
// ignore files read, and each template's size+mtime+inode. An entry whose recorded mtime is within
// `granularity_ns` of the index file's own mtime is "unsure" (it could have changed in the same
// timestamp tick after we read it) and is re-read. Changed parts are re-read through discover/ (so
// the index always agrees with a tree walk), the rest is kept, and the file is rewritten.
//
// The index is an accelerator: an unreadable, corrupt, truncated or
// foreign file is rebuilt, and a failure to write it is ignored. Only errors
// that a plain tree walk would also hit (e.g. an unreadable templates folder)
// are returned.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/format.h"
#include "util/fs.h"
#include "util/metrics.h"
#include "util/result.h"

namespace hypergen::discover {
struct GeneratorInfo;
struct TemplateFile;
}  // namespace hypergen::discover

namespace hypergen::index {

inline constexpr std::string_view kIndexRelPath = ".hypergen/cache/index";
std::string index_path(const std::string& project_root);

struct GeneratorView {
  std::size_t index = 0;
  std::string_view name, path;
  std::size_t root_index = 0;
  bool has_metadata = false;
  std::string_view metadata;  // raw template.yml bytes
  std::size_t first_action = 0, action_count = 0;
};

struct ActionView {
  std::size_t index = 0;
  std::size_t generator = 0;
  std::string_view name, path, hook;
  bool is_dir = true;
  bool scanned = false;  // false: templates not read yet (see ensure_action)
  // The action folder's own template.yml (or .yaml), validated at Depth::kGenerators.
  bool has_metadata = false;
  bool metadata_read = false;      // false: present but was unreadable; read it yourself
  std::string_view metadata;       // raw bytes (when metadata_read)
  std::string_view metadata_path;  // absolute
  std::size_t first_template = 0, template_count = 0;
};

struct TemplateView {
  std::size_t index = 0;
  std::string_view path;  // absolute
  std::string_view rel;   // relative to the action folder, leading '/'
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t content_hash = 0;  // XXH3-64 of the file's bytes
  bool has_frontmatter = false;
  std::string_view frontmatter;  // raw YAML (frontmatter::parse_yaml input)
  int yaml_line = 0;             // file line of the YAML's first character
  int body_line = 1;
  std::uint64_t body_offset = 0;  // body = file bytes from here; kNoBodyOffset: re-split
};

// An immutable, cheaply copyable view over one serialized index.
class Index {
 public:
  Index();
  // Takes serialized bytes; nullopt (and *why) when they are not usable.
  static std::optional<Index> from_bytes(std::string bytes, FormatStatus* why = nullptr);

  std::size_t root_count() const;
  std::string_view root(std::size_t i) const;
  std::size_t generator_count() const;
  GeneratorView generator(std::size_t i) const;
  std::size_t action_count() const;
  ActionView action(std::size_t i) const;
  std::size_t template_count() const;
  TemplateView template_at(std::size_t i) const;

  std::vector<GeneratorView> generators() const;
  std::vector<ActionView> actions(const GeneratorView& generator) const;
  std::vector<TemplateView> templates(const ActionView& action) const;
  // The first generator of that name in root order, and its action.
  std::optional<GeneratorView> find_generator(std::string_view name) const;
  std::optional<ActionView> find_action(std::string_view generator, std::string_view action) const;

  // The same shapes discover/ returns, for callers written against it.
  std::vector<discover::GeneratorInfo> generator_infos() const;
  std::vector<discover::TemplateFile> template_files(const ActionView& action) const;

  IndexData to_data() const;
  std::string_view bytes() const;

  // Raw records, for the validator and tests.
  RootRecord root_record(std::size_t i) const;
  GeneratorRecord generator_record(std::size_t i) const;
  ActionRecord action_record(std::size_t i) const;
  TemplateRecord template_record(std::size_t i) const;
  DirRecord dir_record(std::size_t i) const;
  FileRecord file_record(std::size_t i) const;
  std::string_view string(StrRef ref) const { return str(ref); }

  std::int64_t written_ns() const { return written_ns_; }  // index file mtime; 0 = not on disk
  void set_written_ns(std::int64_t ns) { written_ns_ = ns; }

 private:
  template <typename T>
  T record(std::size_t section, std::size_t i) const;
  std::string_view str(StrRef ref) const;

  std::shared_ptr<const std::string> bytes_;
  Header header_{};
  std::size_t sections_[7] = {};  // byte offsets: roots … files, strings
  std::int64_t written_ns_ = 0;
};

enum class Depth : std::uint8_t {
  kNone,        // validate nothing but the root list: the caller validates what it
                // uses (ensure_action) and reloads at kGenerators on a miss
  kGenerators,  // roots, generators, actions (enough for `list`)
  kFull,        // also every action's templates, each validated
};
enum class Persist : std::uint8_t { kNo, kYes };

struct Options {
  Depth depth = Depth::kGenerators;
  std::int64_t granularity_ns = 10'000'000;  // file-system timestamp granularity (10 ms)
  Persist persist = Persist::kYes;           // write the index back when it changed
  std::chrono::milliseconds lock_timeout{1000};
  // Above this many generator-level entries (generator plus action folders)
  // the stats of a validation are split across two threads, when the file
  // system allows it. Measured at 2,000 generators (docs/performance.md): a
  // std::thread costs tens of µs, a stat ~0.5 µs.
  std::size_t parallel_entries = 1024;
};

enum class Freshness : std::uint8_t {
  kFresh,        // loaded and valid as is
  kRevalidated,  // loaded; some generators/actions were re-read
  kRebuilt,      // built from scratch (no usable file, or the roots changed)
};
std::string_view freshness_name(Freshness freshness);

struct LoadReport {
  Freshness freshness = Freshness::kRebuilt;
  bool file_found = false;
  FormatStatus file_status = FormatStatus::kOk;  // why a found file was not usable
  bool roots_changed = false;
  std::size_t generators_rescanned = 0;
  std::size_t actions_rescanned = 0;
  std::size_t stats = 0;  // stat() calls spent validating
  bool written = false;
};

struct Loaded {
  Index index;
  LoadReport report;
};

// Loads `<project_root>/.hypergen/cache/index`, validates it for `roots`
// (absolute template folders, in precedence order) at `options.depth`,
// re-reads what changed and writes it back. Times Stage::kIndexLoad,
// kIndexValidate and kIndexBuild.
Result<Loaded> load_or_build(FileSystem& fs, const std::string& project_root,
                             const std::vector<std::string>& roots, const Options& options,
                             Metrics* metrics);

// Makes sure one action's templates are read and current (validating them by
// stat, re-reading the action when needed, then persisting), and returns its
// view in the possibly replaced index. `report` (optional) accumulates.
Result<ActionView> ensure_action(FileSystem& fs, const std::string& project_root, Index& index,
                                 std::size_t action_index, const Options& options, Metrics* metrics,
                                 LoadReport* report = nullptr);

// Builds from scratch with a plain tree walk (no file is read or written).
Result<IndexData> build(FileSystem& fs, const std::vector<std::string>& roots, Depth depth);

// `hypergen cache status|clear|rebuild` for the index.
struct IndexStatus {
  bool exists = false;
  std::uint64_t file_size = 0;
  FormatStatus file_status = FormatStatus::kOk;
  std::size_t generators = 0, actions = 0, scanned_actions = 0, templates = 0;
  std::size_t stale_generators = 0, stale_actions = 0;  // by stat, nothing rewritten
  bool roots_match = false;
};
Result<IndexStatus> index_status(FileSystem& fs, const std::string& project_root,
                                 const std::vector<std::string>& roots, const Options& options);
Status index_clear(FileSystem& fs, const std::string& project_root);
Result<Loaded> index_rebuild(FileSystem& fs, const std::string& project_root,
                             const std::vector<std::string>& roots, const Options& options,
                             Metrics* metrics);

}  // namespace hypergen::index
