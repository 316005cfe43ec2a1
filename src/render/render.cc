#include "render/render.h"
#include "util/parallel.h"

#include <atomic>
#include <optional>

namespace hypergen::render {

std::string display_path(const std::string& cwd, const std::string& path) {
  if (path.size() > cwd.size() && path.compare(0, cwd.size(), cwd) == 0 &&
      path[cwd.size()] == '/') {
    return path.substr(cwd.size() + 1);
  }
  return path;
}

namespace {

// Moves an engine error to the right place in the template file: the
// engine counts lines from the start of the rendered string.
Error relocate(Error e, const std::string& display, int first_line) {
  e.where.file = display;
  if (e.where.line > 0 && first_line > 0) e.where.line += first_line - 1;
  if (e.kind != ErrorKind::kTemplate && e.kind != ErrorKind::kData) e.kind = ErrorKind::kTemplate;
  return e;
}

}  // namespace

std::string v8_default_to(std::string_view rel) {
  std::string out(rel.starts_with("/") ? rel.substr(1) : rel);
  for (std::string_view suffix : {".liquid.t", ".liquid", ".liq.t", ".liq", ".t"}) {
    if (out.size() > suffix.size() && out.ends_with(suffix)) {
      out.resize(out.size() - suffix.size());
      break;
    }
  }
  return out;
}

namespace {

Result<RenderedTemplate> render_impl(const liquid::Engine& engine, const std::string& path,
                                     const std::string& display, std::string_view text,
                                     const liquid::Value& locals, bool v8,
                                     const std::string& default_to, bool all_liquid) {
  RenderedTemplate out;
  out.path = path;
  out.display = display;
  frontmatter::Split split = frontmatter::split(text);
  out.has_frontmatter = split.has_frontmatter;
  std::string_view file_name = std::string_view(path).substr(path.rfind('/') + 1);
  EngineMatch match = engine_for(file_name);
  if (v8) {
    // V8 generators render with Liquid: `.t` too; only `.ejs`/`.ejs.t` stay EJS.
    bool ejs = file_name.ends_with(".ejs") || file_name.ends_with(".ejs.t");
    if (!ejs && (match.by_extension || all_liquid || split.has_frontmatter)) {
      match = {EngineKind::kLiquid, true, true};
    }
  }
  if (!match.by_extension && !split.has_frontmatter) {
    out.inert = true;  // README, .keep, …: does nothing, as in Hygen
    out.body = std::move(split.body);
    return out;
  }
  if (!match.available) {
    return make_error(ErrorKind::kTemplate,
                      std::string(engine_name(match.kind)) +
                          " engine not available yet: this template needs EJS (only Liquid "
                          "templates, *.liquid.t and *.liquid, can be rendered in this version)",
                      {display, split.has_frontmatter ? split.yaml_line - 1 : 1, 0});
  }
  out.frontmatter_line = split.yaml_line;
  if (split.has_frontmatter) {
    auto attrs = frontmatter::parse_yaml(split.yaml, display, split.yaml_line);
    if (!attrs) return tl::unexpected(attrs.error());
    out.attributes = std::move(*attrs);
  }
  // Render top-level string attributes, each on its own.
  liquid::Object& obj = out.attributes.values.mutable_object();
  std::vector<std::string> keys;
  for (const auto& entry : obj) keys.push_back(entry.first);
  for (const std::string& key : keys) {
    liquid::Value& value = *obj.find(key);
    if (!value.is_string() || out.attributes.regexps.count(key)) continue;
    if (value.as_string().find("{{") == std::string::npos &&
        value.as_string().find("{%") == std::string::npos) {
      continue;  // nothing to render
    }
    int line = out.attributes.line_of(key);
    auto tpl = engine.parse(value.as_string(), display);
    if (!tpl) return tl::unexpected(relocate(tpl.error(), display, line));
    auto rendered = engine.render(**tpl, locals);
    if (!rendered) return tl::unexpected(relocate(rendered.error(), display, line));
    value = liquid::Value(std::move(*rendered));
  }
  if (v8 && !default_to.empty() && !out.attributes.has("to")) {
    auto tpl = engine.parse(default_to, display);
    if (!tpl) return tl::unexpected(relocate(tpl.error(), display, 0));
    auto to = engine.render(**tpl, locals);
    if (!to) return tl::unexpected(relocate(to.error(), display, 0));
    obj.set("to", liquid::Value(std::move(*to)));
    out.has_frontmatter = true;  // it acts as if it had `to:`
  }
  liquid::Value body_locals = locals;
  body_locals.mutable_object().set("attributes", out.attributes.values);
  auto tpl = engine.parse(split.body, display);
  if (!tpl) return tl::unexpected(relocate(tpl.error(), display, split.body_line));
  auto body = engine.render(**tpl, body_locals);
  if (!body) return tl::unexpected(relocate(body.error(), display, split.body_line));
  out.body = std::move(*body);
  return out;
}

}  // namespace

Result<RenderedTemplate> render_one(const liquid::Engine& engine, const std::string& path,
                                    const std::string& display, std::string_view text,
                                    const liquid::Value& locals) {
  return render_impl(engine, path, display, text, locals, false, "", false);
}

Result<RenderedTemplate> render_one_v8(const liquid::Engine& engine, const std::string& path,
                                       const std::string& display, std::string_view text,
                                       const liquid::Value& locals, const std::string& default_to,
                                       bool all_liquid) {
  return render_impl(engine, path, display, text, locals, true, default_to, all_liquid);
}

Result<std::vector<RenderedTemplate>> render_templates(
    FileSystem& fs, const liquid::Engine& engine, std::span<const discover::TemplateFile> files,
    const liquid::Value& locals, const RenderOptions& options) {
  // Read every file first (in order), as Hygen does, then render.
  std::vector<std::string> texts;
  texts.reserve(files.size());
  for (const auto& f : files) {
    auto text = fs.read_file(f.path);
    if (!text) return tl::unexpected(text.error());
    texts.push_back(std::move(*text));
  }
  std::vector<std::optional<Result<RenderedTemplate>>> results(files.size());
  auto work = [&](std::size_t i) {
    results[i] = render_impl(engine, files[i].path, display_path(options.cwd, files[i].path),
                             texts[i], locals, false, std::string(), false);
  };
  bool parallel = options.jobs != 1 && files.size() > options.parallel_threshold;
  if (parallel) {
    parallel_for(files.size(), options.jobs > 1 ? static_cast<std::size_t>(options.jobs) : 0, work);
  } else {
    for (std::size_t i = 0; i < files.size(); ++i) work(i);
  }
  std::vector<RenderedTemplate> out;
  out.reserve(files.size());
  for (auto& r : results) {
    if (!*r) return tl::unexpected(r->error());
    out.push_back(std::move(**r));
  }
  return out;
}

}  // namespace hypergen::render
