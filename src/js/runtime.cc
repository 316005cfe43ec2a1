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

  static int native(void* host_ctx, const hg_js_str* args, std::size_t nargs, void* out_ctx,
                    hg_js_sink out) {
    auto* self = static_cast<Impl*>(host_ctx);
    std::vector<std::string_view> a;
    a.reserve(nargs);
    for (std::size_t i = 0; i < nargs; ++i) a.emplace_back(args[i].data, args[i].size);
    std::string_view what = arg(a, 0);
    Result<std::string> r = make_error(ErrorKind::kFailure, "unknown native " + std::string(what));
    if (what == "changeCase") {
      r = change_case(arg(a, 1), a);
    } else if (what == "inflection") {
      r = inflect(arg(a, 1), a);
    } else if (what == "cwd") {
      r = self->options.cwd;
    } else if (what == "stdout" || what == "stderr") {
      const auto& sink = what == "stdout" ? self->options.out : self->options.err;
      if (sink) sink(arg(a, 1));
      r = std::string();
    }
    if (!r) {
      out(out_ctx, r.error().message.data(), r.error().message.size());
      return 1;
    }
    out(out_ctx, r->data(), r->size());
    return 0;
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
    uint32_t prelude = 0;
    hg_js_error e{};
    if (api->eval(rt, kPrelude.data(), kPrelude.size(), "hypergen:prelude.js", 1, &prelude, nullptr,
                  nullptr, &e) != 0) {
      return fail("the JavaScript prelude failed: " + js_error(e).message);
    }
    // Take prelude.compile and prelude.render as functions.
    const char* getter = "(function (p, k) { return p[k]; })";
    uint32_t get = 0;
    if (api->eval(rt, getter, std::strlen(getter), "hypergen:prelude.js", 1, &get, nullptr, nullptr,
                  &e) != 0) {
      return fail("the JavaScript prelude failed: " + js_error(e).message);
    }
    for (auto [key, slot] : {std::pair{"compile", &compile_fn}, std::pair{"render", &render_fn}}) {
      hg_js_arg args[2] = {{HG_JS_ARG_HANDLE, nullptr, 0, prelude},
                           {HG_JS_ARG_STRING, key, std::strlen(key), 0}};
      if (api->call(rt, get, args, 2, slot, nullptr, nullptr, &e) != 0) {
        return fail("the JavaScript prelude failed: " + js_error(e).message);
      }
    }
    api->release(rt, get);
    api->release(rt, prelude);
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
  if (impl_->api->call(impl_->rt, impl_->render_fn, args, 2, nullptr, &out, append_sink, &e) != 0) {
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

std::string to_js_source(const liquid::Value& value) {
  std::string out;
  append_js_source(out, value);
  return out;
}

bool plugin_loaded() {
  return g_loaded.load();
}

}  // namespace hypergen::js
