#include "js/runtime.h"

#include <xxhash.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "ejs/compile.h"
#include "js/prelude.h"
#include "liquid/case_convert.h"
#include "liquid/inflection.h"
#include "liquid/json.h"
#include "liquid/liquid.h"
#include "plugin/js_abi.h"
#include "util/plugin_loader.h"

namespace hypergen::js {

namespace {

constexpr const char* kPluginFile = "libhypergen-js.so";

std::atomic<bool> g_loaded{false};

// The plugin's table, loaded once per process; null with `why` on failure.
const hg_js_api* api(std::string& why) {
  static std::once_flag once;
  static const hg_js_api* table = nullptr;
  static std::string error;
  std::call_once(once, [] {
    LoadedPlugin loaded = load_plugin(kPluginFile, "hypergen_js_api");
    if (!loaded.symbol) {
      error = loaded.why;
      return;
    }
    g_loaded = true;
    const hg_js_api* t = reinterpret_cast<hg_js_get_api_fn>(loaded.symbol)();
    if (!t || t->abi_version != HG_JS_ABI_VERSION) {
      error = loaded.path + " has another interface version than this hypergen (rebuild it)";
      return;
    }
    table = t;
  });
  why = error;
  return table;
}

void append_sink(void* ctx, const char* data, std::size_t size) {
  static_cast<std::string*>(ctx)->append(data, size);
}

bool flag(const std::vector<std::string_view>& args, std::size_t i) {
  return i < args.size() && !args[i].empty();
}

std::string_view arg(const std::vector<std::string_view>& args, std::size_t i) {
  return i < args.size() ? args[i] : std::string_view();
}

Result<std::string> change_case(std::string_view fn, const std::vector<std::string_view>& a) {
  namespace cc = liquid::change_case;
  std::string_view s = arg(a, 2);
  if (fn == "no") return cc::no_case(s);
  if (fn == "dot") return cc::dot(s);
  if (fn == "swap") return cc::swap(s);
  if (fn == "path") return cc::path(s);
  if (fn == "upper") return cc::upper(s);
  if (fn == "lower") return cc::lower(s);
  if (fn == "camel") return cc::camel(s, flag(a, 3));
  if (fn == "snake") return cc::snake(s);
  if (fn == "title") return cc::title(s);
  if (fn == "param") return cc::param(s);
  if (fn == "header") return cc::header(s);
  if (fn == "pascal") return cc::pascal(s, flag(a, 3));
  if (fn == "constant") return cc::constant(s);
  if (fn == "sentence") return cc::sentence(s);
  if (fn == "isUpper") return std::string(cc::is_upper(s) ? "1" : "");
  if (fn == "isLower") return std::string(cc::is_lower(s) ? "1" : "");
  if (fn == "ucFirst") return cc::upper_first(s);
  if (fn == "lcFirst") return cc::lower_first(s);
  return make_error(ErrorKind::kFailure, "no changeCase function " + std::string(fn));
}

Result<std::string> inflect(std::string_view fn, const std::vector<std::string_view>& a) {
  namespace in = liquid::inflection;
  std::string_view s = arg(a, 2);
  if (fn == "pluralize") return in::pluralize(s);
  if (fn == "singularize") return in::singularize(s);
  if (fn == "camelize") return in::camelize(s, flag(a, 3));
  if (fn == "underscore") return in::underscore(s, flag(a, 3));
  if (fn == "humanize") return in::humanize(s, flag(a, 3));
  if (fn == "capitalize") return in::capitalize(s);
  if (fn == "dasherize") return in::dasherize(s);
  if (fn == "titleize") return in::titleize(s);
  if (fn == "demodulize") return in::demodulize(s);
  if (fn == "tableize") return in::tableize(s);
  if (fn == "classify") return in::classify(s);
  if (fn == "foreign_key") return in::foreign_key(s, flag(a, 3));
  if (fn == "ordinalize") return in::ordinalize(s);
  return make_error(ErrorKind::kFailure, "no inflection function " + std::string(fn));
}

void append_js_source(std::string& out, const liquid::Value& v) {
  using Kind = liquid::Value::Kind;
  switch (v.kind()) {
    case Kind::kNil:
      out += "null";
      break;
    case Kind::kBool:
      out += v.as_bool() ? "true" : "false";
      break;
    case Kind::kInt:
      out += std::to_string(v.as_int());
      break;
    case Kind::kFloat:
      if (v.as_float() == 0 && std::signbit(v.as_float())) {
        out += "-0";
      } else {
        liquid::append_number(out, v.as_float());
      }
      break;
    case Kind::kString:
      out += ejs::json_quote(v.as_string());
      break;
    case Kind::kArray: {
      out += '[';
      bool first = true;
      for (const auto& item : v.as_array()) {
        if (!first) out += ',';
        first = false;
        append_js_source(out, item);
      }
      out += ']';
      break;
    }
    case Kind::kObject: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : v.as_object()) {
        if (!first) out += ',';
        first = false;
        // A literal "__proto__" key would set the prototype; computed keys don't.
        if (key == "__proto__") out += '[';
        out += ejs::json_quote(key);
        if (key == "__proto__") out += ']';
        out += ':';
        append_js_source(out, item);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

struct Runtime::Impl {
  RuntimeOptions options;
  const hg_js_api* api = nullptr;
  hg_js_runtime* rt = nullptr;
  uint32_t compile_fn = 0, render_fn = 0;
  bool failed = false;
  Error start_error;
  struct Compiled {
    std::string text;
    uint32_t handle = 0;
  };
  std::unordered_map<std::uint64_t, std::vector<Compiled>> cache;
  std::size_t compiled = 0;

  uint32_t prelude = 0, hooks = 0, get_fn = 0;
  std::unordered_map<std::string, uint32_t> hook_fns;
  std::unordered_map<std::string, bool> registered;
  std::optional<Error> ask_error;  // the AskFn's error during the last hook

  static int native(void* host_ctx, const hg_js_str* args, std::size_t nargs, void* out_ctx,
                    hg_js_sink out) {
    auto* self = static_cast<Impl*>(host_ctx);
    std::vector<std::string_view> a;
    a.reserve(nargs);
    for (std::size_t i = 0; i < nargs; ++i) a.emplace_back(args[i].data, args[i].size);
    ValidateFn validate = [self](std::size_t index, const liquid::Value& answer) {
      return self->js_validate(index, answer);
    };
    Result<std::string> r = self->dispatch(a, validate);
    if (!r) {
      out(out_ctx, r.error().message.data(), r.error().message.size());
      return 1;
    }
    out(out_ctx, r->data(), r->size());
    return 0;
  }

  Result<std::string> dispatch(const std::vector<std::string_view>& a, const ValidateFn& validate) {
    std::string_view what = arg(a, 0);
    if (what == "changeCase") return change_case(arg(a, 1), a);
    if (what == "inflection") return inflect(arg(a, 1), a);
    if (what == "cwd") return options.cwd;
    if (what == "stdout" || what == "stderr") {
      const auto& sink = what == "stdout" ? options.out : options.err;
      if (sink) sink(arg(a, 1));
      return std::string();
    }
    if (what == "platform") {
#ifdef __APPLE__
      return std::string("darwin");
#else
      return std::string("linux");
#endif
    }
    if (what == "getenv") {
      std::optional<std::string> v;
      if (options.getenv) v = options.getenv(arg(a, 1));
      return v ? ejs::json_quote(*v) : std::string("null");
    }
    if (what == "prompt") {
      if (!options.ask) return make_error(ErrorKind::kFailure, "no prompter in this run");
      auto specs = liquid::parse_json(arg(a, 1), "<hook questions>");
      if (!specs) return tl::unexpected(specs.error());
      auto answers = options.ask(*specs, validate);
      if (!answers) {
        if (!ask_error) ask_error = answers.error();
        return tl::unexpected(answers.error());
      }
      return liquid::to_json(*answers);
    }
    return make_error(ErrorKind::kFailure, "unknown native " + std::string(what));
  }

  Result<std::optional<std::string>> js_validate(std::size_t index, const liquid::Value& answer) {
    std::string idx = std::to_string(index);
    std::string json = liquid::to_json(answer);
    auto r = call_hook_fn("validate", {{HG_JS_ARG_STRING, idx.data(), idx.size(), 0},
                                       {HG_JS_ARG_STRING, json.data(), json.size(), 0}});
    if (!r) return tl::unexpected(r.error());
    if (*r == "true") return std::optional<std::string>();
    auto msg = liquid::parse_json(*r, "<validate>");
    if (msg && msg->is_string()) return std::optional<std::string>(msg->as_string());
    return std::optional<std::string>("Invalid input");
  }

  // Calls hooks.<name>(args…); the completion value as a string.
  Result<std::string> call_hook_fn(const std::string& name, std::vector<hg_js_arg> args,
                                   uint32_t* keep = nullptr) {
    auto fn = hook_fns.find(name);
    if (fn == hook_fns.end()) {
      return make_error(ErrorKind::kFailure, "no hook function " + name);
    }
    std::string out;
    hg_js_error e{};
    if (api->call(rt, fn->second, args.data(), args.size(), keep, &out, append_sink, &e) != 0) {
      Error err = js_error(e);
      err.kind = ErrorKind::kFailure;
      if (e.file && *e.file && e.line > 0 && !std::string_view(e.file).starts_with("hypergen:")) {
        err.where = {e.file, e.line, e.column};
      }
      return tl::unexpected(err);
    }
    return out;
  }

  // A property of a kept object, kept.
  Result<uint32_t> property(uint32_t object, const char* key) {
    hg_js_arg args[2] = {{HG_JS_ARG_HANDLE, nullptr, 0, object},
                         {HG_JS_ARG_STRING, key, std::strlen(key), 0}};
    uint32_t slot = 0;
    hg_js_error e{};
    if (api->call(rt, get_fn, args, 2, &slot, nullptr, nullptr, &e) != 0) {
      return tl::unexpected(js_error(e));
    }
    return slot;
  }

  // Evaluates kHooksJs once, with the prelude's internals.
  Status start_hooks() {
    HG_RETURN_IF_ERROR(start());
    if (hooks) return {};
    hg_js_error e{};
    uint32_t factory = 0;
    if (api->eval(rt, kHooksJs.data(), kHooksJs.size(), "hypergen:hooks.js", 1, &factory, nullptr,
                  nullptr, &e) != 0) {
      return tl::unexpected(js_error(e));
    }
    std::vector<hg_js_arg> args;
    std::vector<uint32_t> kept;
    for (const char* key : {"native", "helpers", "path", "state"}) {
      auto h = property(prelude, key);
      if (!h) return tl::unexpected(h.error());
      kept.push_back(*h);
      args.push_back({HG_JS_ARG_HANDLE, nullptr, 0, *h});
    }
    if (api->call(rt, factory, args.data(), args.size(), &hooks, nullptr, nullptr, &e) != 0) {
      return tl::unexpected(js_error(e));
    }
    for (uint32_t h : kept) api->release(rt, h);
    api->release(rt, factory);
    for (const char* key : {"register", "registerJson", "loadConfig", "setHelperArgs", "runHook",
                            "outcome", "rethrow", "validate", "exec"}) {
      auto h = property(hooks, key);
      if (!h) return tl::unexpected(h.error());
      hook_fns[key] = *h;
    }
    return {};
  }

  Status register_modules(std::span<const ModuleFile> modules) {
    for (const ModuleFile& m : modules) {
      if (registered.count(m.path)) continue;
      if (m.path.ends_with(".json")) {
        auto r =
            call_hook_fn("registerJson", {{HG_JS_ARG_STRING, m.path.data(), m.path.size(), 0},
                                          {HG_JS_ARG_STRING, m.text.data(), m.text.size(), 0}});
        if (!r) return tl::unexpected(r.error());
      } else {
        // Node's wrapper, on the file's first line so line numbers match.
        std::string src = "(function (exports, require, module, __filename, __dirname, process) {";
        if (m.text.starts_with("#!")) {
          src += "//" + m.text.substr(2);
        } else {
          src += m.text;
        }
        src += "\n})";
        uint32_t fn = 0;
        hg_js_error e{};
        if (api->eval(rt, src.data(), src.size(), m.path.c_str(), 1, &fn, nullptr, nullptr, &e) !=
            0) {
          Error err = js_error(e);
          err.kind = ErrorKind::kFailure;
          err.where = {m.path, e.line, e.line > 0 ? e.column : 0};
          return tl::unexpected(err);
        }
        auto r = call_hook_fn("register", {{HG_JS_ARG_STRING, m.path.data(), m.path.size(), 0},
                                           {HG_JS_ARG_HANDLE, nullptr, 0, fn}});
        api->release(rt, fn);
        if (!r) return tl::unexpected(r.error());
      }
      registered[m.path] = true;
    }
    return {};
  }

  // Runs the promise jobs and reads a box ({done, failed, value|error}).
  Result<liquid::Value> settle(uint32_t box, bool keep_functions, std::string_view what) {
    api->run_jobs(rt);
    std::string keep = keep_functions ? "1" : "";
    auto json = call_hook_fn("outcome", {{HG_JS_ARG_HANDLE, nullptr, 0, box},
                                         {HG_JS_ARG_STRING, keep.data(), keep.size(), 0}});
    if (!json) return tl::unexpected(json.error());
    auto out = liquid::parse_json(*json, "<hook outcome>");
    if (!out) return tl::unexpected(out.error());
    const liquid::Object& o = out->as_object();
    if (ask_error) return tl::unexpected(*ask_error);
    if (!args_flag(o, "done")) {
      return make_error(ErrorKind::kFailure,
                        std::string(what) +
                            " never finished: its promise is still pending once every promise "
                            "job ran (hypergen's engine has no timers or I/O; a hook that needs "
                            "them runs with node when it requires a Node module)");
    }
    if (args_flag(o, "failed")) {
      auto thrown = call_hook_fn("rethrow", {{HG_JS_ARG_HANDLE, nullptr, 0, box}});
      Error err = thrown ? Error{ErrorKind::kFailure, "failed", {}, {}} : thrown.error();
      err.kind = ErrorKind::kFailure;
      err.message = std::string(what) + " failed: " + err.message;
      return tl::unexpected(err);
    }
    const liquid::Value* v = o.find("value");
    return v ? *v : liquid::Value(liquid::Object{});
  }

  static bool args_flag(const liquid::Object& o, std::string_view key) {
    const liquid::Value* v = o.find(key);
    return v && v->is_bool() && v->as_bool();
  }

  Error js_error(const hg_js_error& e) {
    std::string name = e.name ? e.name : "";
    std::string message = e.message ? e.message : "";
    return Error{ErrorKind::kTemplate, name.empty() ? message : name + ": " + message, {}, {}};
  }

  Status start() {
    if (rt) return {};
    if (failed) return tl::unexpected(start_error);
    auto fail = [&](std::string message) -> Status {
      failed = true;
      start_error = Error{ErrorKind::kTemplate, std::move(message), {}, {}};
      return tl::unexpected(start_error);
    };
    std::string why;
    api = js::api(why);
    if (!api) {
      return fail("EJS templates need the JavaScript engine plugin: " + why +
                  "\n(build it with libmozjs-102-dev installed, or set HYPERGEN_PLUGIN_DIR)");
    }
    hg_js_host host{this, &Impl::native};
    std::string err;
    rt = api->create(&host, &err, append_sink);
    if (!rt) return fail("cannot start the JavaScript engine: " + err);
    hg_js_error e{};
    if (api->eval(rt, kPrelude.data(), kPrelude.size(), "hypergen:prelude.js", 1, &prelude, nullptr,
                  nullptr, &e) != 0) {
      return fail("the JavaScript prelude failed: " + js_error(e).message);
    }
    // Take prelude.compile and prelude.render as functions.
    const char* getter = "(function (p, k) { return p[k]; })";
    if (api->eval(rt, getter, std::strlen(getter), "hypergen:prelude.js", 1, &get_fn, nullptr,
                  nullptr, &e) != 0) {
      return fail("the JavaScript prelude failed: " + js_error(e).message);
    }
    for (auto [key, slot] : {std::pair{"compile", &compile_fn}, std::pair{"render", &render_fn}}) {
      hg_js_arg args[2] = {{HG_JS_ARG_HANDLE, nullptr, 0, prelude},
                           {HG_JS_ARG_STRING, key, std::strlen(key), 0}};
      if (api->call(rt, get_fn, args, 2, slot, nullptr, nullptr, &e) != 0) {
        return fail("the JavaScript prelude failed: " + js_error(e).message);
      }
    }
    return {};
  }

  Result<uint32_t> compile(std::string_view text) {
    std::uint64_t hash = XXH3_64bits(text.data(), text.size());
    auto& bucket = cache[hash];
    for (const auto& c : bucket) {
      if (c.text == text) return c.handle;
    }
    auto body = ejs::compile(text);
    if (!body) return tl::unexpected(body.error());
    hg_js_arg a{HG_JS_ARG_STRING, body->data(), body->size(), 0};
    uint32_t handle = 0;
    hg_js_error e{};
    if (api->call(rt, compile_fn, &a, 1, &handle, nullptr, nullptr, &e) != 0) {
      Error err = js_error(e);
      err.message += " while compiling ejs";
      // `new Function` puts two lines ("function anonymous(…" and ") {")
      // before the body.
      if (e.line > 2) {
        err.where.line = ejs::line_for_source_line(*body, e.line - 2);
        err.context = ejs::error_excerpt(text, err.where.line);
      }
      return tl::unexpected(err);
    }
    bucket.push_back({std::string(text), handle});
    ++compiled;
    return handle;
  }
};

Runtime::Runtime(RuntimeOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

Runtime::~Runtime() {
  if (impl_->rt) impl_->api->destroy(impl_->rt);
}

bool Runtime::started() const {
  return impl_->rt != nullptr;
}

std::size_t Runtime::compiled() const {
  return impl_->compiled;
}

Result<std::string> Runtime::render_ejs(std::string_view text, const liquid::Value& locals,
                                        std::string_view locals_source) {
  HG_RETURN_IF_ERROR(impl_->start());
  auto fn = impl_->compile(text);
  if (!fn) return tl::unexpected(fn.error());
  std::string data;
  if (locals_source.empty()) {
    data = "(";
    append_js_source(data, locals);
    data += ")";
    locals_source = data;
  }
  hg_js_arg args[2] = {{HG_JS_ARG_HANDLE, nullptr, 0, *fn},
                       {HG_JS_ARG_EXPRESSION, locals_source.data(), locals_source.size(), 0}};
  std::string out;
  hg_js_error e{};
  const auto limit_ms = static_cast<std::uint64_t>(impl_->options.max_render_time.count());
  const std::uint64_t max_out = impl_->options.max_output_bytes;
  const bool bounded = limit_ms > 0 || max_out > 0;
  if (bounded) impl_->api->set_limits(impl_->rt, limit_ms, max_out);
  int failed =
      impl_->api->call(impl_->rt, impl_->render_fn, args, 2, nullptr, &out, append_sink, &e);
  if (bounded) impl_->api->set_limits(impl_->rt, 0, 0);
  if (failed != 0 && e.limit == HG_JS_LIMIT_OUTPUT) {
    return make_error(ErrorKind::kTemplate, liquid::output_limit_message(max_out));
  }
  if (failed != 0 && e.limit == HG_JS_LIMIT_TIME) {
    Error err{ErrorKind::kTemplate, liquid::render_time_limit_message(limit_ms), {}, {}};
    // The stop's position is a line of the compiled function, whose source
    // starts with two lines ("function anonymous(…" and ") {") before the body.
    if (e.line > 2 && std::string_view(e.file).ends_with("> Function")) {
      if (auto body = ejs::compile(text)) {
        err.where.line = ejs::line_for_source_line(*body, e.line - 2);
        err.context = ejs::error_excerpt(text, err.where.line);
      }
    }
    return tl::unexpected(err);
  }
  if (failed != 0) {
    Error err = impl_->js_error(e);
    if (e.tag_line > 0) {
      err.where.line = e.tag_line;
      err.context = ejs::error_excerpt(text, e.tag_line);
    }
    return tl::unexpected(err);
  }
  return out;
}

Result<std::string> Runtime::eval(std::string_view source, std::string_view file) {
  HG_RETURN_IF_ERROR(impl_->start());
  std::string out;
  std::string name(file);
  hg_js_error e{};
  if (impl_->api->eval(impl_->rt, source.data(), source.size(), name.c_str(), 1, nullptr, &out,
                       append_sink, &e) != 0) {
    Error err = impl_->js_error(e);
    err.where = {name, e.line, e.column};
    return tl::unexpected(err);
  }
  return out;
}

Result<ConfigSummary> Runtime::load_config(std::span<const ModuleFile> modules,
                                           const liquid::Value& base) {
  HG_RETURN_IF_ERROR(impl_->start_hooks());
  if (modules.empty()) return make_error(ErrorKind::kFailure, "no .hygen.js to load");
  HG_RETURN_IF_ERROR(impl_->register_modules(modules));
  std::string base_json = liquid::to_json(base);
  const std::string& file = modules[0].path;
  auto json = impl_->call_hook_fn("loadConfig",
                                  {{HG_JS_ARG_STRING, file.data(), file.size(), 0},
                                   {HG_JS_ARG_STRING, base_json.data(), base_json.size(), 0}});
  if (!json) {
    Error e = json.error();
    e.message = file + ": " + e.message;
    return tl::unexpected(e);
  }
  auto v = liquid::parse_json(*json, "<.hygen.js summary>");
  if (!v) return tl::unexpected(v.error());
  const liquid::Object& o = v->as_object();
  ConfigSummary out;
  auto str = [&](const char* key) -> std::optional<std::string> {
    const liquid::Value* x = o.find(key);
    if (x && x->is_string()) return x->as_string();
    return std::nullopt;
  };
  auto yes = [&](const char* key) { return Impl::args_flag(o, key); };
  out.templates = str("templates");
  out.cwd = str("cwd");
  if (const liquid::Value* d = o.find("localsDefaults"); d && d->is_object()) {
    out.locals_defaults = *d;
  }
  auto helpers = str("helpers");
  out.helpers = helpers.has_value();
  out.helpers_function = helpers && *helpers == "function";
  out.exec = yes("exec");
  out.create_prompter = yes("createPrompter");
  out.logger = yes("logger");
  out.debug = yes("debug");
  return out;
}

Status Runtime::set_helper_args(const liquid::Value& raw) {
  HG_RETURN_IF_ERROR(impl_->start_hooks());
  std::string json = liquid::to_json(raw);
  auto r = impl_->call_hook_fn("setHelperArgs", {{HG_JS_ARG_STRING, json.data(), json.size(), 0}});
  if (!r) return tl::unexpected(r.error());
  return {};
}

Result<liquid::Value> Runtime::run_hook(std::span<const ModuleFile> modules,
                                        const liquid::Value& args) {
  HG_RETURN_IF_ERROR(impl_->start_hooks());
  if (modules.empty()) return make_error(ErrorKind::kFailure, "no hook to run");
  HG_RETURN_IF_ERROR(impl_->register_modules(modules));
  impl_->ask_error.reset();
  std::string json = liquid::to_json(args);
  const std::string& file = modules[0].path;
  uint32_t box = 0;
  auto r = impl_->call_hook_fn("runHook",
                               {{HG_JS_ARG_STRING, file.data(), file.size(), 0},
                                {HG_JS_ARG_STRING, json.data(), json.size(), 0}},
                               &box);
  if (!r) return tl::unexpected(r.error());
  auto out = impl_->settle(box, true, "the hook " + file);
  impl_->api->release(impl_->rt, box);
  return out;
}

Status Runtime::config_exec(std::string_view command, std::string_view body) {
  HG_RETURN_IF_ERROR(impl_->start_hooks());
  uint32_t box = 0;
  auto r = impl_->call_hook_fn("exec",
                               {{HG_JS_ARG_STRING, command.data(), command.size(), 0},
                                {HG_JS_ARG_STRING, body.data(), body.size(), 0}},
                               &box);
  if (!r) return tl::unexpected(r.error());
  auto out = impl_->settle(box, false, ".hygen.js exec(" + std::string(command) + ")");
  impl_->api->release(impl_->rt, box);
  if (!out) return tl::unexpected(out.error());
  return {};
}

Result<std::string> Runtime::native_call(std::span<const std::string> args,
                                         const ValidateFn& validate) {
  std::vector<std::string_view> a(args.begin(), args.end());
  return impl_->dispatch(a, validate);
}

std::string to_js_source(const liquid::Value& value) {
  std::string out;
  append_js_source(out, value);
  return out;
}

bool plugin_loaded() {
  return g_loaded.load();
}

}  // namespace hypergen::js
