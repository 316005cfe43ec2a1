#pragma once
// Rendering an action: every template is read, split into frontmatter and
// body, its YAML parsed, each top-level string attribute rendered on its own
// (YAML first, then the engine — spec §7.5), then the body rendered with the
// same variables plus `attributes`. Nothing is written here.
//
// More than a few templates are rendered in parallel (oneTBB); results stay
// in template order and the first error in template order is returned, so
// the output never depends on scheduling.

#include <span>
#include <string>
#include <vector>

#include "discover/discover.h"
#include "frontmatter/frontmatter.h"
#include "liquid/liquid.h"
#include "render/engines.h"
#include "util/fs.h"
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

struct RenderOptions {
  std::string cwd;                     // for display paths
  int jobs = 0;                        // 0: automatic; 1: sequential
  std::size_t parallel_threshold = 8;  // fewer templates: threads cost more than they save
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
                                    const liquid::Value& locals);
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
