#include "render/render.h"

#include "ejs/compile.h"
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

std::string ejs_locals_source(const liquid::Value& locals, const liquid::Value* attributes) {
  const liquid::Object& obj = locals.as_object();
  const auto& entries = obj.entries();
  // The derived names build_locals appended at the end.
  std::size_t derived = entries.size();
  while (derived > 0 &&
         (entries[derived - 1].first == "Name" || entries[derived - 1].first == "names" ||
          entries[derived - 1].first == "Names")) {
    --derived;
  }
  bool generation = obj.find("actionfolder") != nullptr;
  std::string out = "({";
  bool first = true;
  auto put = [&](std::string_view key, std::string_view value_source) {
    if (!first) out += ',';
    first = false;
    if (key == "__proto__") {
      out += "[\"__proto__\"]";
    } else {
      out += js::to_js_source(liquid::Value(key));
    }
    out += ':';
    out += value_source;
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i == derived && attributes) put("attributes", js::to_js_source(*attributes));
    put(entries[i].first, js::to_js_source(entries[i].second));
    if (generation && entries[i].first == "action" && !obj.find("subaction")) {
      put("subaction", "undefined");
    }
  }
  if (derived == entries.size() && attributes) put("attributes", js::to_js_source(*attributes));
  out += "})";
  return out;
}

namespace {

// Renders one EJS template (spec §7.5, §8): each top-level string attribute
// on its own, then the body with `attributes`. Text without any tag is
// returned as is without starting the JavaScript engine.
Status render_ejs(js::Runtime* js, const frontmatter::Split& split, const std::string& display,
                  const liquid::Value& locals, RenderedTemplate& out) {
  auto no_runtime = [&](int line) {
    return make_error(ErrorKind::kTemplate,
                      "EJS templates cannot be rendered here (no JavaScript runtime)",
                      {display, line, 0});
  };
  std::string attrs_source;
  liquid::Object& obj = out.attributes.values.mutable_object();
  std::vector<std::string> keys;
  for (const auto& entry : obj) keys.push_back(entry.first);
  for (const std::string& key : keys) {
    liquid::Value& value = *obj.find(key);
    if (!value.is_string() || out.attributes.regexps.count(key)) continue;
    if (ejs::is_plain_text(value.as_string())) continue;
    if (!js) return no_runtime(out.attributes.line_of(key));
    if (attrs_source.empty()) attrs_source = ejs_locals_source(locals, nullptr);
    auto rendered = js->render_ejs(value.as_string(), locals, attrs_source);
    if (!rendered)
      return tl::unexpected(relocate(rendered.error(), display, out.attributes.line_of(key)));
    value = liquid::Value(std::move(*rendered));
  }
  if (ejs::is_plain_text(split.body)) {
    out.body = split.body;
    return {};
  }
  if (!js) return no_runtime(split.body_line);
  auto body = js->render_ejs(split.body, locals, ejs_locals_source(locals, &out.attributes.values));
  if (!body) return tl::unexpected(relocate(body.error(), display, split.body_line));
  out.body = std::move(*body);
  return {};
}

bool is_ejs_file(const std::string& path) {
  return engine_for(std::string_view(path).substr(path.rfind('/') + 1)).kind == EngineKind::kEjs;
}

}  // namespace

Result<RenderedTemplate> render_one(const liquid::Engine& engine, const std::string& path,
                                    const std::string& display, std::string_view text,
                                    const liquid::Value& locals, js::Runtime* js) {
  RenderedTemplate out;
  out.path = path;
  out.display = display;
  frontmatter::Split split = frontmatter::split(text);
  out.has_frontmatter = split.has_frontmatter;
  std::string_view file_name = std::string_view(path).substr(path.rfind('/') + 1);
  EngineMatch match = engine_for(file_name);
  if (!match.by_extension && !split.has_frontmatter) {
    out.inert = true;  // README, .keep, …: does nothing, as in Hygen
    out.body = std::move(split.body);
    return out;
  }
  out.frontmatter_line = split.yaml_line;
  if (split.has_frontmatter) {
    auto attrs = frontmatter::parse_yaml(split.yaml, display, split.yaml_line);
    if (!attrs) return tl::unexpected(attrs.error());
    out.attributes = std::move(*attrs);
  }
  if (match.kind == EngineKind::kEjs) {
    HG_RETURN_IF_ERROR(render_ejs(js, split, display, locals, out));
    return out;
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
  liquid::Value body_locals = locals;
  body_locals.mutable_object().set("attributes", out.attributes.values);
  auto tpl = engine.parse(split.body, display);
  if (!tpl) return tl::unexpected(relocate(tpl.error(), display, split.body_line));
  auto body = engine.render(**tpl, body_locals);
  if (!body) return tl::unexpected(relocate(body.error(), display, split.body_line));
  out.body = std::move(*body);
  return out;
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
  // Liquid templates first (in parallel when there are enough of them),
  // then the EJS ones one by one in template order, in the one realm.
  std::vector<std::size_t> liquid_files, ejs_files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    (is_ejs_file(files[i].path) ? ejs_files : liquid_files).push_back(i);
  }
  auto work = [&](std::size_t i) {
    results[i] = render_one(engine, files[i].path, display_path(options.cwd, files[i].path),
                            texts[i], locals, options.js);
  };
  auto liquid_work = [&](std::size_t k) { work(liquid_files[k]); };
  bool parallel = options.jobs != 1 && liquid_files.size() > options.parallel_threshold;
  if (parallel) {
    parallel_for(liquid_files.size(), options.jobs > 1 ? static_cast<std::size_t>(options.jobs) : 0,
                 liquid_work);
  } else {
    for (std::size_t k = 0; k < liquid_files.size(); ++k) liquid_work(k);
  }
  for (std::size_t i : ejs_files) {
    work(i);
    if (!*results[i]) break;  // later EJS templates would only see a failed run
  }
  std::vector<RenderedTemplate> out;
  out.reserve(files.size());
  for (auto& r : results) {
    if (!r) continue;  // an EJS template after a failed one (an error is returned below)
    if (!*r) return tl::unexpected(r->error());
    out.push_back(std::move(**r));
  }
  return out;
}

}  // namespace hypergen::render
