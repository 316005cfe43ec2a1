#pragma once
// Rendering an action: every template is read, split into frontmatter and
// body, its YAML parsed, each top-level string attribute rendered on its own
// (YAML first, then the engine — spec §7.5), then the body rendered with the
// same variables plus `attributes`. Nothing is written here.
//
// More than a few Liquid templates are rendered in parallel (oneTBB);
// results stay in template order and the first error in template order is
// returned, so the output never depends on scheduling. EJS templates are
// rendered one at a time, in template order: by the native evaluator
// (ejs/native.h) when every EJS text of the run is in its subset and none
// sets a global, else in the run's one JavaScript realm (`js`, created
// lazily), because Hygen templates see globals set by earlier ones.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cache/cache.h"
#include "discover/discover.h"
#include "ejs/native.h"
#include "frontmatter/frontmatter.h"
#include "js/runtime.h"
#include "liquid/liquid.h"
#include "render/engines.h"
#include "util/fs.h"
#include "util/metrics.h"
#include "util/result.h"

namespace hypergen::render {

struct RenderedTemplate {
  std::string path;     // absolute template path
  std::string display;  // path shown in messages (relative to the cwd)
  bool has_frontmatter = false;
  bool inert = false;                  // a non-template file (no frontmatter, unknown extension)
  frontmatter::Attributes attributes;  // top-level strings rendered
  std::string body;
  int frontmatter_line = 0;
};

// Which path renders EJS templates (HYPERGEN_EJS=auto|engine|native).
// kAuto: the native evaluator (ejs/native.h) when every EJS text of the run
// is in its subset and none assigns a global, else the JavaScript engine.
// kNative: like kAuto, but a run that would need the engine fails instead.
enum class EjsMode { kAuto, kEngine, kNative };

// "auto", "engine", "native" (empty: auto); nullopt for anything else.
std::optional<EjsMode> parse_ejs_mode(std::string_view text);

struct RenderOptions {
  std::string cwd;                     // for display paths
  int jobs = 0;                        // 0: automatic; 1: sequential
  std::size_t parallel_threshold = 8;  // fewer templates: threads cost more than they save
  // Compiled templates (split, YAML, Liquid ASTs) are looked up and stored
  // here when set; null renders without caching.
  cache::Cache* cache = nullptr;
  js::Runtime* js = nullptr;  // for EJS templates; null: they fail
  EjsMode ejs_mode = EjsMode::kAuto;
  Metrics* metrics = nullptr;  // EJS path counters; null: none
};

// The default target of a V8 template (a file without `to:` in a
// generator's templates folder): `rel` without its leading '/' and template
// suffix (`.liquid.t`, `.liquid`, `.liq.t`, `.liq`, `.t`); rendered with
// Liquid before use.
std::string v8_default_to(std::string_view rel);

Result<std::vector<RenderedTemplate>> render_templates(
    FileSystem& fs, const liquid::Engine& engine, std::span<const discover::TemplateFile> files,
    const liquid::Value& locals, const RenderOptions& options);

// Renders one template whose text is already read.
Result<RenderedTemplate> render_one(const liquid::Engine& engine, const std::string& path,
                                    const std::string& display, std::string_view text,
                                    const liquid::Value& locals, cache::Cache* cache = nullptr,
                                    js::Runtime* js = nullptr);

// The JavaScript expression of the locals an EJS template sees, in Hygen's
// key order: `subaction: undefined` when there is no sub-action (Hygen
// always has the key, so `<%= subaction %>` is not a ReferenceError), and
// `attributes` (body only) before the derived `Name`, `names`, `Names`.
// `js_values` (frontmatter::Attributes::js_values) makes the attributes'
// regexps and timestamps real `RegExp`s and `Date`s, as js-yaml 3 does.
std::string ejs_locals_source(
    const liquid::Value& locals, const liquid::Value* attributes,
    const std::map<std::vector<std::string>, std::string>* js_values = nullptr);

// The same locals as ejs_locals_source(), as the native path takes them
// (a null value is `undefined`).
std::vector<ejs::NativeLocal> ejs_native_locals(const liquid::Value& locals,
                                                const liquid::Value* attributes);
// The same for a V8 generator's file: Liquid unless it is `.ejs`/`.ejs.t`
// (`.t` included); with `all_liquid` (a `templates/` folder) files without a
// template extension are Liquid too, else they stay inert. `default_to` is
// the target when the file has no `to:` (empty: none).
Result<RenderedTemplate> render_one_v8(const liquid::Engine& engine, const std::string& path,
                                       const std::string& display, std::string_view text,
                                       const liquid::Value& locals, const std::string& default_to,
                                       bool all_liquid);

// `path` relative to `cwd` when it is inside it, else unchanged.
std::string display_path(const std::string& cwd, const std::string& path);

}  // namespace hypergen::render
