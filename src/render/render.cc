#include "render/render.h"

#include "ejs/compile.h"
#include "util/parallel.h"

#include <xxhash.h>

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
// The caret excerpt of an engine error ("  N | text\n    | ^") numbers its
// line from the start of the rendered string: renumber it like `where`.
std::string renumber_excerpt(const std::string& excerpt, int from, int to) {
  std::string old_gutter = "  " + std::to_string(from) + " | ";
  std::size_t newline = excerpt.find('\n');
  if (from == to || excerpt.compare(0, old_gutter.size(), old_gutter) != 0 ||
      newline == std::string::npos) {
    return excerpt;
  }
  std::string number = std::to_string(to);
  std::string out =
      "  " + number + " | " + excerpt.substr(old_gutter.size(), newline + 1 - old_gutter.size());
  std::size_t bar = excerpt.find(" | ", newline);
  if (bar == std::string::npos) return excerpt;
  out += "  " + std::string(number.size(), ' ') + excerpt.substr(bar);
  return out;
}

Error relocate(Error e, const std::string& display, int first_line) {
  e.where.file = display;
  if (e.where.line > 0 && first_line > 1) {
    int line = e.where.line + first_line - 1;
    e.context = renumber_excerpt(e.context, e.where.line, line);
    e.where.line = line;
  }
  if (e.kind != ErrorKind::kTemplate && e.kind != ErrorKind::kData) e.kind = ErrorKind::kTemplate;
  return e;
}

// `value` as JavaScript source, with the values at the paths of `js_values`
// (relative to the top of the attributes; `path` is where `value` is)
// replaced by their expressions.
void append_attribute_source(std::string& out, const liquid::Value& value,
                             const std::map<std::vector<std::string>, std::string>& js_values,
                             std::vector<std::string>& path) {
  if (auto it = js_values.find(path); it != js_values.end()) {
    out += it->second;
    return;
  }
  if (value.is_array()) {
    out += '[';
    const liquid::Array& items = value.as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += ',';
      path.push_back(std::to_string(i));
      append_attribute_source(out, items[i], js_values, path);
      path.pop_back();
    }
    out += ']';
  } else if (value.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, item] : value.as_object()) {
      if (!first) out += ',';
      first = false;
      out += key == "__proto__" ? std::string("[\"__proto__\"]")
                                : js::to_js_source(liquid::Value(key));
      out += ':';
      path.push_back(key);
      append_attribute_source(out, item, js_values, path);
      path.pop_back();
    }
    out += '}';
  } else {
    out += js::to_js_source(value);
  }
}

}  // namespace

namespace {

// Where the derived names build_locals appends at the end (Name, names,
// Names) start: Hygen puts `attributes` just before them.
std::size_t derived_names_start(const std::vector<liquid::Object::Entry>& entries) {
  std::size_t derived = entries.size();
  while (derived > 0 &&
         (entries[derived - 1].first == "Name" || entries[derived - 1].first == "names" ||
          entries[derived - 1].first == "Names")) {
    --derived;
  }
  return derived;
}

}  // namespace

std::string ejs_locals_source(const liquid::Value& locals, const liquid::Value* attributes,
                              const std::map<std::vector<std::string>, std::string>* js_values) {
  auto attributes_source = [&] {
    if (!js_values || js_values->empty()) return js::to_js_source(*attributes);
    std::string out;
    std::vector<std::string> path;
    append_attribute_source(out, *attributes, *js_values, path);
    return out;
  };
  const liquid::Object& obj = locals.as_object();
  const auto& entries = obj.entries();
  const std::size_t derived = derived_names_start(entries);
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
    if (i == derived && attributes) put("attributes", attributes_source());
    put(entries[i].first, js::to_js_source(entries[i].second));
    if (generation && entries[i].first == "action" && !obj.find("subaction")) {
      put("subaction", "undefined");
    }
  }
  if (derived == entries.size() && attributes) put("attributes", attributes_source());
  out += "})";
  return out;
}

std::vector<ejs::NativeLocal> ejs_native_locals(const liquid::Value& locals,
                                                const liquid::Value* attributes) {
  const liquid::Object& obj = locals.as_object();
  const auto& entries = obj.entries();
  const std::size_t derived = derived_names_start(entries);
  bool generation = obj.find("actionfolder") != nullptr;
  bool has_subaction = obj.find("subaction") != nullptr;
  std::vector<ejs::NativeLocal> out;
  out.reserve(entries.size() + 2);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i == derived && attributes) out.emplace_back("attributes", attributes);
    out.emplace_back(entries[i].first, &entries[i].second);
    if (generation && entries[i].first == "action" && !has_subaction) {
      out.emplace_back("subaction", nullptr);
    }
  }
  if (derived == entries.size() && attributes) out.emplace_back("attributes", attributes);
  return out;
}

std::optional<EjsMode> parse_ejs_mode(std::string_view text) {
  if (text.empty() || text == "auto") return EjsMode::kAuto;
  if (text == "engine") return EjsMode::kEngine;
  if (text == "native") return EjsMode::kNative;
  return std::nullopt;
}

namespace {

// What rendering a template file needs that does not depend on the values:
// its frontmatter split, parsed YAML and parsed Liquid (attributes and
// body). Cached in-process by content hash + name (errors name the file), so
// a template rendered again in the same process — the perf lab's benchmark
// loop, a long-lived process — is split, parsed and compiled once. Parse errors are kept as values
// and reported at the same point of the render as without the cache.
struct CompiledFile {
  frontmatter::Split split;
  EngineMatch match;
  Result<frontmatter::Attributes> attributes = frontmatter::Attributes{};
  // Top-level string attributes with Liquid in them, in file order.
  std::vector<std::pair<std::string, Result<std::shared_ptr<const liquid::Template>>>> templates;
  Result<std::shared_ptr<const liquid::Template>> body = nullptr;
  // EJS: the top-level string attributes with tags, in file order, and the
  // body if it has tags, each analysed for the native path (ejs/native.h).
  std::vector<std::pair<std::string, std::shared_ptr<const ejs::NativeTemplate>>> ejs_attributes;
  std::shared_ptr<const ejs::NativeTemplate> ejs_body;
  std::uint64_t bytes = 0;  // approximate footprint, for the cache budget
};

// How EJS texts are rendered for one pass over a run's templates: by the
// native evaluator when `native` is set, else by the engine. A native render
// that bails sets `bailed` and stops the pass (the caller redoes the run).
struct EjsPath {
  js::Runtime* js = nullptr;
  ejs::NativeRenderer* native = nullptr;
  Metrics* metrics = nullptr;
  bool bailed = false;
  std::string bail_reason;
  // Texts the native pass rendered: counted into the metrics only when the
  // pass finishes (a pass that bails is redone by the engine and counted there).
  std::uint64_t native_texts = 0;
};

// Renders one EJS text on `path`; `analysis` is its native analysis.
Result<std::string> render_ejs_text(
    EjsPath& path, const ejs::NativeTemplate* analysis, const std::string& text,
    const liquid::Value& locals, const liquid::Value* attributes, std::string& engine_locals_source,
    const std::map<std::vector<std::string>, std::string>* js_values = nullptr) {
  if (path.native && analysis) {
    auto native_locals = ejs_native_locals(locals, attributes);
    ejs::NativeOutcome r = path.native->render(*analysis, text, native_locals);
    if (r.kind == ejs::NativeOutcome::Kind::kBail) {
      path.bailed = true;
      path.bail_reason = r.bail;
      return make_error(ErrorKind::kTemplate, "native EJS path stopped: " + r.bail);
    }
    ++path.native_texts;
    if (r.kind == ejs::NativeOutcome::Kind::kError) return tl::unexpected(r.error);
    return std::move(r.output);
  }
  count(path.metrics, Counter::kEjsEngine);
  if (engine_locals_source.empty()) {
    engine_locals_source = ejs_locals_source(locals, attributes, js_values);
  }
  return path.js->render_ejs(text, locals, engine_locals_source);
}

// Renders one EJS template (spec §7.5, §8): each top-level string attribute
// on its own, then the body with `attributes`. Text without any tag is
// returned as is without starting the JavaScript engine.
Status render_ejs(EjsPath& path, const CompiledFile& compiled, const std::string& display,
                  const liquid::Value& locals, RenderedTemplate& out) {
  const frontmatter::Split& split = compiled.split;
  auto no_runtime = [&](int line) {
    return make_error(ErrorKind::kTemplate,
                      "EJS templates cannot be rendered here (no JavaScript runtime)",
                      {display, line, 0});
  };
  std::string attrs_source;
  liquid::Object& obj = out.attributes.values.mutable_object();
  for (const auto& [key, analysis] : compiled.ejs_attributes) {
    liquid::Value& value = *obj.find(key);
    if (!path.js && !path.native) return no_runtime(out.attributes.line_of(key));
    auto rendered =
        render_ejs_text(path, analysis.get(), value.as_string(), locals, nullptr, attrs_source);
    if (path.bailed) return tl::unexpected(rendered.error());
    if (!rendered)
      return tl::unexpected(relocate(rendered.error(), display, out.attributes.line_of(key)));
    value = liquid::Value(std::move(*rendered));
  }
  if (!compiled.ejs_body) {
    out.body = split.body;
    return {};
  }
  if (!path.js && !path.native) return no_runtime(split.body_line);
  std::string body_source;
  auto body = render_ejs_text(path, compiled.ejs_body.get(), split.body, locals,
                              &out.attributes.values, body_source, &out.attributes.js_values);
  if (path.bailed) return tl::unexpected(body.error());
  if (!body) return tl::unexpected(relocate(body.error(), display, split.body_line));
  out.body = std::move(*body);
  return {};
}

bool is_ejs_file(const std::string& path) {
  return engine_for(std::string_view(path).substr(path.rfind('/') + 1)).kind == EngineKind::kEjs;
}

std::shared_ptr<const CompiledFile> compile_file(const liquid::Engine& engine,
                                                 std::string_view file_name,
                                                 const std::string& display,
                                                 std::string_view text) {
  auto out = std::make_shared<CompiledFile>();
  out->split = frontmatter::split(text);
  out->match = engine_for(file_name);
  out->bytes = sizeof(CompiledFile) + 4 * text.size();
  if (!out->match.by_extension && !out->split.has_frontmatter) {
    // Inert (README, .keep…); Hygen still renders its text with EJS and drops
    // the result, so a text with tags is analysed like any EJS body.
    if (out->match.kind == EngineKind::kEjs && !ejs::is_plain_text(out->split.body)) {
      out->ejs_body = ejs::analyze(out->split.body);
    }
    return out;
  }
  if (out->split.has_frontmatter) {
    out->attributes = frontmatter::parse_yaml(out->split.yaml, display, out->split.yaml_line);
  }
  if (!out->attributes) return out;
  // EJS templates are compiled by the JavaScript runtime (js::Runtime keeps
  // its functions by content hash); here their frontmatter and the native
  // path's analysis of each text with tags.
  if (out->match.kind == EngineKind::kEjs) {
    for (const auto& [key, value] : out->attributes->values.as_object()) {
      if (!value.is_string() || out->attributes->regexps.count(key)) continue;
      if (ejs::is_plain_text(value.as_string())) continue;
      out->ejs_attributes.emplace_back(key, ejs::analyze(value.as_string()));
    }
    if (!ejs::is_plain_text(out->split.body)) out->ejs_body = ejs::analyze(out->split.body);
    return out;
  }
  for (const auto& [key, value] : out->attributes->values.as_object()) {
    if (!value.is_string() || out->attributes->regexps.count(key)) continue;
    const std::string& source = value.as_string();
    if (source.find("{{") == std::string::npos && source.find("{%") == std::string::npos) {
      continue;  // nothing to render
    }
    out->templates.emplace_back(key, engine.parse(source, display));
  }
  out->body = engine.parse(out->split.body, display);
  return out;
}

}  // namespace

namespace {

std::shared_ptr<const CompiledFile> get_compiled(const liquid::Engine& engine,
                                                 const std::string& path,
                                                 const std::string& display, std::string_view text,
                                                 cache::Cache* cache) {
  std::string_view file_name = std::string_view(path).substr(path.rfind('/') + 1);
  std::shared_ptr<const CompiledFile> compiled;
  std::optional<cache::Key> key;
  if (cache) {
    key = cache::compiled_template_key(XXH3_64bits(text.data(), text.size()),
                                       engine_name(engine_for(file_name).kind), display);
    compiled = cache->get_object<CompiledFile>(*key);
  }
  if (!compiled) {
    compiled = compile_file(engine, file_name, display, text);
    if (cache) cache->put_object<CompiledFile>(*key, compiled, compiled->bytes);
  }
  return compiled;
}

Result<RenderedTemplate> render_compiled(const liquid::Engine& engine, const CompiledFile& compiled,
                                         const std::string& path, const std::string& display,
                                         const liquid::Value& locals, EjsPath& ejs_path) {
  const frontmatter::Split& split = compiled.split;
  RenderedTemplate out;
  out.path = path;
  out.display = display;
  out.has_frontmatter = split.has_frontmatter;
  if (!compiled.match.by_extension && !split.has_frontmatter) {
    out.inert = true;  // README, .keep, …: does nothing, as in Hygen
    // Hygen still renders its text with EJS (and drops the result), so an
    // error in it fails the run. Without tags nothing runs.
    if (compiled.ejs_body && (ejs_path.js || ejs_path.native)) {
      std::string source;
      auto dropped =
          render_ejs_text(ejs_path, compiled.ejs_body.get(), split.body, locals, nullptr, source);
      if (ejs_path.bailed) return tl::unexpected(dropped.error());
      if (!dropped) return tl::unexpected(relocate(dropped.error(), display, 1));
    }
    out.body = split.body;
    return out;
  }
  out.frontmatter_line = split.yaml_line;
  if (!compiled.attributes) return tl::unexpected(compiled.attributes.error());
  out.attributes = *compiled.attributes;
  if (compiled.match.kind == EngineKind::kEjs) {
    HG_RETURN_IF_ERROR(render_ejs(ejs_path, compiled, display, locals, out));
    return out;
  }
  // Render top-level string attributes, each on its own.
  liquid::Object& obj = out.attributes.values.mutable_object();
  for (const auto& [key_name, tpl] : compiled.templates) {
    int line = out.attributes.line_of(key_name);
    if (!tpl) return tl::unexpected(relocate(tpl.error(), display, line));
    auto rendered = engine.render(**tpl, locals);
    if (!rendered) return tl::unexpected(relocate(rendered.error(), display, line));
    *obj.find(key_name) = liquid::Value(std::move(*rendered));
  }
  liquid::Value body_locals = locals;
  body_locals.mutable_object().set("attributes", out.attributes.values);
  const auto& body_tpl = compiled.body;
  if (!body_tpl) return tl::unexpected(relocate(body_tpl.error(), display, split.body_line));
  auto body = engine.render(**body_tpl, body_locals);
  if (!body) return tl::unexpected(relocate(body.error(), display, split.body_line));
  out.body = std::move(*body);
  return out;
}

// Whether the native path may render this EJS template in a run whose
// locals are `locals`: every text is in the subset and assigns only names
// that are variables (a name the locals lack would be a global, visible to
// later templates: the engine's job). `why` says what stops it.
bool native_ok(const CompiledFile& compiled, const liquid::Value& locals, std::string& why) {
  const liquid::Object& obj = locals.as_object();
  bool generation = obj.find("actionfolder") != nullptr;
  auto check = [&](const ejs::NativeTemplate& tpl, bool body) {
    if (!tpl.native()) {
      why = tpl.unsupported;
      return false;
    }
    for (const std::string& name : tpl.program.assigned_free) {
      if (obj.find(name) || name == "h" || (generation && name == "subaction") ||
          (body && name == "attributes")) {
        continue;
      }
      why = "assigns the global '" + name + "'";
      return false;
    }
    return true;
  };
  for (const auto& [key, tpl] : compiled.ejs_attributes) {
    if (!check(*tpl, false)) return false;
  }
  if (compiled.ejs_body && compiled.attributes && !compiled.attributes->js_values.empty()) {
    // The native values have no RegExp or Date (frontmatter `!!js/regexp`,
    // YAML timestamps): a body that can see `attributes` needs the engine.
    why = "its attributes hold RegExp or Date values";
    return false;
  }
  return !compiled.ejs_body || check(*compiled.ejs_body, true);
}

}  // namespace

Result<RenderedTemplate> render_one(const liquid::Engine& engine, const std::string& path,
                                    const std::string& display, std::string_view text,
                                    const liquid::Value& locals, cache::Cache* cache,
                                    js::Runtime* js) {
  auto compiled = get_compiled(engine, path, display, text, cache);
  EjsPath ejs_path;
  ejs_path.js = js;
  return render_compiled(engine, *compiled, path, display, locals, ejs_path);
}

namespace {

// The run's EJS templates, in template order. All are read and analysed
// first; the run is rendered natively only if every one of them can be (one
// realm per run: a template the engine renders may set globals the others
// read). A native render that bails starts the EJS part again on the
// engine: the native path has no side effects, so nothing is lost.
Status render_ejs_files(FileSystem& fs, const liquid::Engine& engine,
                        std::span<const discover::TemplateFile> files,
                        const std::vector<std::size_t>& ejs_files, const liquid::Value& locals,
                        const RenderOptions& options,
                        std::vector<std::optional<Result<RenderedTemplate>>>& results) {
  struct Item {
    std::size_t index;
    std::string display;
    std::shared_ptr<const CompiledFile> compiled;
  };
  std::vector<Item> items;
  for (std::size_t i : ejs_files) {
    auto text = fs.read_file(files[i].path);
    if (!text) {
      results[i] = tl::unexpected(text.error());
      break;  // later EJS templates would only see a failed run
    }
    std::string display = display_path(options.cwd, files[i].path);
    auto compiled = get_compiled(engine, files[i].path, display, *text, options.cache);
    items.push_back({i, std::move(display), std::move(compiled)});
  }
  bool native = options.ejs_mode != EjsMode::kEngine;
  std::string why;
  for (const Item& item : items) {
    if (!native) break;
    if (!native_ok(*item.compiled, locals, why)) {
      native = false;
      why = item.display + ": " + why;
    }
  }
  if (!native && options.ejs_mode == EjsMode::kNative) {
    return make_error(ErrorKind::kTemplate,
                      "HYPERGEN_EJS=native: this run needs the JavaScript engine (" + why + ")");
  }
  auto render_all = [&](EjsPath& path) {
    for (const Item& item : items) {
      results[item.index] = render_compiled(engine, *item.compiled, files[item.index].path,
                                            item.display, locals, path);
      if (path.bailed || !*results[item.index]) break;
    }
  };
  if (native) {
    ejs::NativeRenderer renderer(options.cwd);
    EjsPath path;
    path.js = options.js;
    path.native = &renderer;
    path.metrics = options.metrics;
    render_all(path);
    if (!path.bailed) {
      count(options.metrics, Counter::kEjsNative, path.native_texts);
      return {};
    }
    if (options.ejs_mode == EjsMode::kNative) {
      return make_error(ErrorKind::kTemplate,
                        "HYPERGEN_EJS=native: the native EJS path cannot finish this run (" +
                            path.bail_reason + ")");
    }
    count(options.metrics, Counter::kEjsBailed);
    for (const Item& item : items) results[item.index].reset();
  }
  EjsPath path;
  path.js = options.js;
  path.metrics = options.metrics;
  render_all(path);
  return {};
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

Result<RenderedTemplate> render_v8_impl(const liquid::Engine& engine, const std::string& path,
                                        const std::string& display, std::string_view text,
                                        const liquid::Value& locals, const std::string& default_to,
                                        bool all_liquid) {
  RenderedTemplate out;
  out.path = path;
  out.display = display;
  frontmatter::Split split = frontmatter::split(text);
  out.has_frontmatter = split.has_frontmatter;
  std::string_view file_name = std::string_view(path).substr(path.rfind('/') + 1);
  EngineMatch match = engine_for(file_name);
  // V8 generators render with Liquid: `.t` too; only `.ejs`/`.ejs.t` stay EJS.
  bool ejs = file_name.ends_with(".ejs") || file_name.ends_with(".ejs.t");
  if (!ejs && (match.by_extension || all_liquid || split.has_frontmatter)) {
    match = {EngineKind::kLiquid, true, true};
  }
  if (!match.by_extension && !split.has_frontmatter) {
    out.inert = true;  // README, .keep, …: does nothing, as in Hygen
    out.body = std::move(split.body);
    return out;
  }
  if (match.kind != EngineKind::kLiquid) {
    return make_error(ErrorKind::kTemplate,
                      "EJS templates are not supported inside a template.yml generator (it "
                      "renders with Liquid): rename the file to .liquid or .t",
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
  if (!default_to.empty() && !out.attributes.has("to")) {
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

Result<RenderedTemplate> render_one_v8(const liquid::Engine& engine, const std::string& path,
                                       const std::string& display, std::string_view text,
                                       const liquid::Value& locals, const std::string& default_to,
                                       bool all_liquid) {
  return render_v8_impl(engine, path, display, text, locals, default_to, all_liquid);
}

Result<std::vector<RenderedTemplate>> render_templates(
    FileSystem& fs, const liquid::Engine& engine, std::span<const discover::TemplateFile> files,
    const liquid::Value& locals, const RenderOptions& options) {
  // Each file is read by the worker that renders it: with --jobs the reads
  // (system calls, most of a large action's cost) overlap too. Results go to
  // their slot, so the order stays the templates' order.
  std::vector<std::optional<Result<RenderedTemplate>>> results(files.size());
  // Liquid templates first (in parallel when there are enough of them),
  // then the EJS ones one by one in template order, in the one realm.
  std::vector<std::size_t> liquid_files, ejs_files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    (is_ejs_file(files[i].path) ? ejs_files : liquid_files).push_back(i);
  }
  auto work = [&](std::size_t i) {
    auto text = fs.read_file(files[i].path);
    if (!text) {
      results[i] = tl::unexpected(text.error());
      return;
    }
    results[i] = render_one(engine, files[i].path, display_path(options.cwd, files[i].path), *text,
                            locals, options.cache, options.js);
  };
  auto liquid_work = [&](std::size_t k) { work(liquid_files[k]); };
  bool parallel =
      options.jobs != 1 && liquid_files.size() > options.parallel_threshold && fs.thread_safe();
  if (parallel) {
    parallel_for(liquid_files.size(), options.jobs > 1 ? static_cast<std::size_t>(options.jobs) : 0,
                 liquid_work);
  } else {
    for (std::size_t k = 0; k < liquid_files.size(); ++k) liquid_work(k);
  }
  // A Liquid template that failed ends the run at its place in template
  // order: the EJS templates after it are not run (their scriptlets could
  // print), as Hygen stops at the first failing template.
  for (std::size_t i : liquid_files) {
    if (results[i] && !*results[i]) {
      std::erase_if(ejs_files, [&](std::size_t e) { return e > i; });
      break;
    }
  }
  HG_RETURN_IF_ERROR(render_ejs_files(fs, engine, files, ejs_files, locals, options, results));
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
