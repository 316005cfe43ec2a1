#pragma once
// The project configuration a generation needs, with where each value came
// from (so errors and `--json` can say "templates from hypergen.yml:3").
//
// Sources, lowest to highest precedence:
//   built-in defaults < project file < environment < flags (flags are applied
//   by the caller).
// The project file is the first of `hypergen.yml`, `.hypergen.yml`,
// `hypergen.json` found walking up from the cwd; its folder is the project
// root (otherwise the cwd is). Keys read: `templates:` (a string or a list
// of folders, relative to the file) and `conflict: fail|override|skip` (what
// to do when two roots define the same generator/action).
//
// Template roots follow Hygen (spec §4.1) when the file has no `templates:`:
// $HYPERGEN_TMPLS, then $HYGEN_TMPLS (each only if the path exists), then
// `<cwd>/_templates`. Only the cwd is checked for `_templates`, as in Hygen.
//
// The cache settings (docs/performance.md) come from the project file only:
//   cache:
//     policy: lru | lfu | ttl     in-process eviction policy (default lru)
//     maxBytes: 50MB              byte budget, a number or "512k"/"50MB"/"1G"
//     shared: ../team-cache       optional read-only team cache folder
// (JSON: "cache": {"policy": …, "maxBytes": … or a number, "shared": …}).
// The policy is checked here; the size text is parsed by its user (cache/),
// which reports errors at `max_bytes_where`.
//
// The performance lab's settings (docs/performance.md), project file only:
//   perf:
//     jobs: 2                     render threads when --jobs is not given
//                                 (written by `hypergen perf optimize`)
//     budgets:                    `perf monitor` alerts above these, in ms
//       render: 5                 (operation names are checked by perf)
//
// Generator packages (docs/packages.md), project file only:
//   packages: [hypergen-react-kit, "@acme/generators"]
//     npm packages found at <project root>/node_modules/<name> (nothing is
//     installed or downloaded). Each one's template folder is its
//     package.json `hypergen.templates` (inside the package), else
//     `_templates/`, else `generators/`. Package roots come after the
//     project's own roots; a project root always wins a generator/action
//     both define (the conflict strategy applies within each kind).
//   trust: [hypergen-react-kit]
//     packages whose `sh:`, hooks and shell steps may run (each must be in
//     `packages:`). HYPERGEN_TRUST=1 trusts every source; `--trust` (the
//     caller, trust_all()) does for one run. Only the project's own file is
//     read: a package cannot trust itself.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/fs.h"
#include "util/result.h"

namespace hypergen::config {

enum class ConflictStrategy : std::uint8_t { kFail, kOverride, kSkip };
const char* conflict_name(ConflictStrategy s);

struct TemplateRoot {
  TemplateRoot() = default;
  // A project root ({path, origin}, as before packages existed).
  TemplateRoot(std::string root_path, std::string root_origin)
      : path(std::move(root_path)), origin(std::move(root_origin)) {}

  std::string path;     // absolute
  std::string origin;   // "hypergen.yml:3", "$HYGEN_TMPLS", "./_templates", "package <name>"
  std::string package;  // the npm package name of a package root; empty otherwise
  // Whether code from this root (sh:, hooks, shell steps) may run. The
  // project's own roots are trusted; a package root only when trusted.
  bool trusted = true;
  std::string trust_origin = "project";  // "hypergen.yml:6", "$HYPERGEN_TRUST", "--trust", ""
};

struct CacheSettings {
  std::string policy = "lru";  // "lru" | "lfu" | "ttl"
  std::string policy_origin = "default";
  std::string max_bytes;  // as written; empty: the default budget
  std::string max_bytes_origin = "default";
  SourceLocation max_bytes_where;  // for errors about its value
  std::string shared;              // absolute folder; empty: no shared level
  std::string shared_origin;
};

// Limits against runaway templates (`limits:` in the project file).
struct LimitSettings {
  std::uint64_t render_time_ms = 10000;  // one template's render; 0: none
  std::string render_time_origin = "default";
  std::uint64_t output_bytes = std::uint64_t{256} << 20;  // one render's output
  std::string output_bytes_origin = "default";
  std::uint64_t partial_depth = 64;  // include/render/layout nesting
  std::string partial_depth_origin = "default";
};

struct PerfBudget {
  std::string operation;  // as written; `perf` checks the name
  double ms = 0;          // > 0
  std::string origin;     // "hypergen.yml:7"
};

struct PerfSettings {
  int jobs = 0;  // 1…1024; 0: not set (automatic)
  std::string jobs_origin;
  std::vector<PerfBudget> budgets;
};

struct Config {
  std::string project_root;  // absolute
  std::string config_file;   // absolute path of the project file, or empty
  // The project's roots first, then one per `packages:` entry.
  std::vector<TemplateRoot> templates;
  ConflictStrategy conflict = ConflictStrategy::kFail;
  std::string conflict_origin = "default";
  // HYPERGEN_OVERWRITE / HYGEN_OVERWRITE set to a non-empty value.
  bool overwrite = false;
  std::string overwrite_origin;
  CacheSettings cache;
  LimitSettings limits;
  PerfSettings perf;
};

using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

Result<Config> load_config(FileSystem& fs, const EnvLookup& env, const std::string& cwd);

// Trusts every root for this run (`--trust`); `origin` says why.
void trust_all(Config& cfg, const std::string& origin);

// The deepest root holding `path` (absolute), or null.
const TemplateRoot* root_of(const Config& cfg, std::string_view path);

// Whether code in the file `path` (absolute) may run: the deepest root
// holding it decides; a file under no root is trusted unless it lies in the
// project's node_modules/ (package code reached by a relative path).
bool path_trusted(const Config& cfg, std::string_view path);

// Installed packages under <project root>/node_modules that look like
// generator packages — a `_templates/` or `generators/` folder, and a
// package.json with the keyword `hypergen`, a `hypergen` field or a name
// containing `hypergen-` — but are not in `packages:` (`hypergen discover`
// lists them). A stat or two per installed package; package.json is read
// only for those with such a folder. Sorted by name.
struct FoundPackage {
  std::string name;
  std::string templates;  // absolute template folder
};
std::vector<FoundPackage> undeclared_packages(FileSystem& fs, const Config& cfg);

// True when some root is not trusted.
bool has_untrusted_roots(const Config& cfg);

// An npm package name: `name` or `@scope/name`, each part made of
// [A-Za-z0-9._~-], not starting with '.' or '_' (so no path tricks).
bool valid_package_name(std::string_view name);

// Joins `path` onto `base` unless it is absolute, and normalizes "." and
// ".." segments lexically.
std::string absolute_path(const std::string& base, std::string_view path);

}  // namespace hypergen::config
