// libhypergen-js.so: SpiderMonkey 102 behind the C interface of
// plugin/js_abi.h, loaded on demand by js/runtime.cc. One JSContext per
// process (SpiderMonkey allows one per thread; it is made on the first
// create() and lives until exit), one realm per hg_js_runtime. Only plain C
// types cross the boundary. A runtime with a time limit is guarded by one
// watchdog thread per process (see Watchdog).
#include <jsapi.h>
#include <jsfriendapi.h>

#include <js/CallAndConstruct.h>
#include <js/CharacterEncoding.h>
#include <js/CompilationAndEvaluation.h>
#include <js/Conversions.h>
#include <js/ErrorReport.h>
#include <js/Exception.h>
#include <js/Initialization.h>
#include <js/Interrupt.h>
#include <js/PropertyAndElement.h>
#include <js/Realm.h>
#include <js/SourceText.h>
#include <js/String.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "plugin/js_abi.h"

namespace {

JSContext* g_cx = nullptr;
struct Runtime;
std::vector<Runtime*>* g_live = nullptr;  // runtimes not destroyed yet

constexpr JSClass kGlobalClass = {
    "global", JSCLASS_GLOBAL_FLAGS, &JS::DefaultGlobalClassOps, nullptr, nullptr, nullptr};

struct Runtime {
  hg_js_host host{};
  std::unique_ptr<JS::PersistentRootedObject> global;
  std::unordered_map<uint32_t, std::unique_ptr<JS::PersistentRootedValue>> handles;
  uint32_t next_handle = 1;
  std::string err_name, err_message, err_file;
  uint64_t time_limit_ms = 0;       // set_limits
  uint64_t output_limit_bytes = 0;  // set_limits
};

// The time limit. A bounded call arms the watchdog with its deadline; the
// watchdog thread sleeps until then and, if the call is still running, sets
// `fired` and asks the engine to interrupt (JS_RequestInterruptCallback is
// the JSAPI call made to be used from another thread). The engine checks for
// interrupts at loop back-edges and function entries, in the interpreter and
// in JIT code, and calls on_interrupt on the JS thread, which stops the
// script with an uncatchable error while `fired` is set. A call that ends on
// its own just after the deadline disarms (clearing `fired`) and succeeds;
// the interrupt still pending is then a no-op.
class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;

  void arm(Clock::time_point deadline) {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
    deadline_ = deadline;
    fired_ = false;
    where_line_ = where_column_ = 0;
    where_file_.clear();
    wake_.notify_one();
  }
  void disarm() {
    std::lock_guard lock(mutex_);
    deadline_.reset();
    fired_ = false;
  }
  bool fired() const { return fired_.load(); }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      wake_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
  }
  // Where the stopped script was, recorded by on_interrupt (JS thread only).
  std::string where_file_;
  unsigned where_line_ = 0, where_column_ = 0;

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      if (!deadline_) {
        wake_.wait(lock);
      } else if (Clock::now() < *deadline_) {
        wake_.wait_until(lock, *deadline_);
      } else {
        deadline_.reset();
        fired_ = true;
        JS_RequestInterruptCallback(g_cx);
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Clock::time_point> deadline_;
  std::atomic<bool> fired_{false};
  bool stopping_ = false;
  std::thread thread_;
};

Watchdog* g_watchdog = nullptr;  // made with the context
int g_call_depth = 0;            // eval/call nesting (JS → native → JS)

bool on_interrupt(JSContext* cx) {
  if (!g_watchdog || !g_watchdog->fired()) return true;
  JS::AutoFilename file;
  unsigned line = 0, column = 0;
  if (JS::DescribeScriptedCaller(cx, &file, &line, &column)) {
    g_watchdog->where_file_ = file.get() ? file.get() : "";
    g_watchdog->where_line_ = line;
    g_watchdog->where_column_ = column + 1;
  }
  return false;  // stop the script (uncatchable)
}

// One eval or call: the outermost one of a bounded runtime arms the
// watchdog for its duration.
class Bounded {
 public:
  explicit Bounded(const Runtime* rt) {
    if (g_call_depth++ == 0 && rt->time_limit_ms > 0 && g_watchdog) {
      armed_ = true;
      g_watchdog->arm(Watchdog::Clock::now() + std::chrono::milliseconds(rt->time_limit_ms));
    }
  }
  ~Bounded() {
    --g_call_depth;
    if (armed_) g_watchdog->disarm();
  }
  Bounded(const Bounded&) = delete;
  Bounded& operator=(const Bounded&) = delete;
  // Whether the deadline stopped this call (or the bounded call around it).
  bool stopped() const { return g_watchdog && g_watchdog->fired(); }

 private:
  bool armed_ = false;
};

// At exit: drop every rooted value, then the context, then the engine, so
// SpiderMonkey's helper threads and static mutexes end in order. A runtime
// destroyed after this only frees its own memory.
void shutdown() {
  if (!g_cx) return;
  g_watchdog->stop();
  for (Runtime* rt : *g_live) {
    rt->handles.clear();
    rt->global.reset();
  }
  JS_DestroyContext(g_cx);
  g_cx = nullptr;
  JS_ShutDown();
}

void emit(void* ctx, hg_js_sink sink, const std::string& s) {
  if (sink) sink(ctx, s.data(), s.size());
}

// UTF-8 of any value, via ToString. False on a (pending) JS error.
bool to_utf8(JSContext* cx, JS::HandleValue v, std::string& out) {
  JS::RootedString str(cx, JS::ToString(cx, v));
  if (!str) return false;
  JSLinearString* linear = JS_EnsureLinearString(cx, str);
  if (!linear) return false;
  out.resize(JS::GetDeflatedUTF8StringLength(linear));
  std::size_t n =
      JS::DeflateStringToUTF8Buffer(linear, mozilla::Span<char>(out.data(), out.size()));
  out.resize(n);
  return true;
}

JSString* from_utf8(JSContext* cx, const char* data, std::size_t size) {
  return JS_NewStringCopyUTF8N(cx, JS::UTF8Chars(data, size));
}

std::string property_string(JSContext* cx, JS::HandleObject obj, const char* name) {
  JS::RootedValue v(cx);
  if (!JS_GetProperty(cx, obj, name, &v) || v.isUndefined()) {
    JS_ClearPendingException(cx);
    return {};
  }
  std::string s;
  if (!to_utf8(cx, v, s)) JS_ClearPendingException(cx);
  return s;
}

// Reads and clears the pending exception into rt's strings and *error.
void take_exception(JSContext* cx, Runtime* rt, hg_js_error* error) {
  rt->err_name.clear();
  rt->err_message.clear();
  rt->err_file.clear();
  hg_js_error e{"", "", "", 0, 0, 0, 0};
  JS::RootedValue exc(cx);
  if (!JS_IsExceptionPending(cx) || !JS_GetPendingException(cx, &exc)) {
    rt->err_message = "uncatchable JavaScript error (out of memory, or the script was stopped)";
  } else {
    JS_ClearPendingException(cx);
    if (exc.isObject()) {
      JS::RootedObject obj(cx, &exc.toObject());
      rt->err_name = property_string(cx, obj, "name");
      rt->err_message = property_string(cx, obj, "message");
      JS::RootedValue tag(cx);
      if (JS_GetProperty(cx, obj, "__hgLine", &tag) && tag.isNumber()) {
        e.tag_line = static_cast<int>(tag.toNumber());
      }
      JS_ClearPendingException(cx);
      if (JSErrorReport* report = JS_ErrorFromException(cx, obj)) {
        if (report->filename) rt->err_file = report->filename;
        e.line = static_cast<int>(report->lineno);
        e.column = static_cast<int>(report->column) + 1;
      }
      if (rt->err_name.empty() && rt->err_message.empty()) {
        if (!to_utf8(cx, exc, rt->err_message)) JS_ClearPendingException(cx);
      }
    } else if (!to_utf8(cx, exc, rt->err_message)) {
      JS_ClearPendingException(cx);
    }
  }
  e.name = rt->err_name.c_str();
  e.message = rt->err_message.c_str();
  e.file = rt->err_file.c_str();
  if (error) *error = e;
}

// A failed call: the pending exception, or the time limit's stop.
void fail(JSContext* cx, Runtime* rt, const Bounded& bounded, hg_js_error* error) {
  take_exception(cx, rt, error);
  if (error && bounded.stopped()) {
    rt->err_name.clear();
    rt->err_message = "stopped at the time limit";
    rt->err_file = g_watchdog->where_file_;
    error->name = rt->err_name.c_str();
    error->message = rt->err_message.c_str();
    error->file = rt->err_file.c_str();
    error->line = static_cast<int>(g_watchdog->where_line_);
    error->column = static_cast<int>(g_watchdog->where_column_);
    error->tag_line = 0;
    error->limit = HG_JS_LIMIT_TIME;
  }
}

// A result longer than set_limits' output_bytes: error->limit says so.
int over_output_limit(Runtime* rt, hg_js_error* error) {
  rt->err_name.clear();
  rt->err_message = "output over the limit";
  rt->err_file.clear();
  if (error) *error = {"", rt->err_message.c_str(), "", 0, 0, 0, HG_JS_LIMIT_OUTPUT};
  return 1;
}

int finish(JSContext* cx, Runtime* rt, const Bounded& bounded, JS::HandleValue result,
           uint32_t* keep, void* out_ctx, hg_js_sink out, hg_js_error* error) {
  if (keep) {
    uint32_t h = rt->next_handle++;
    rt->handles.emplace(h, std::make_unique<JS::PersistentRootedValue>(cx, result));
    *keep = h;
    return 0;
  }
  if (!out) return 0;
  if (rt->output_limit_bytes > 0 && result.isString() &&
      JS_GetStringLength(result.toString()) > rt->output_limit_bytes) {
    // Each UTF-16 unit is at least one UTF-8 byte: too long whatever it
    // holds. Refused before a rope is flattened or anything is copied.
    return over_output_limit(rt, error);
  }
  std::string s;
  if (!to_utf8(cx, result, s)) {
    fail(cx, rt, bounded, error);
    return 1;
  }
  if (rt->output_limit_bytes > 0 && s.size() > rt->output_limit_bytes) {
    return over_output_limit(rt, error);
  }
  emit(out_ctx, out, s);
  return 0;
}

void append_sink(void* ctx, const char* data, std::size_t size) {
  static_cast<std::string*>(ctx)->append(data, size);
}

bool native(JSContext* cx, unsigned argc, JS::Value* vp) {
  JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
  auto* rt = static_cast<Runtime*>(JS::GetRealmPrivate(JS::GetCurrentRealmOrNull(cx)));
  if (!rt || !rt->host.native_fn) {
    JS_ReportErrorASCII(cx, "no native functions in this realm");
    return false;
  }
  std::vector<std::string> strings(argc);
  std::vector<hg_js_str> views(argc);
  for (unsigned i = 0; i < argc; ++i) {
    if (!args[i].isNullOrUndefined() && !to_utf8(cx, args[i], strings[i])) return false;
    views[i] = {strings[i].data(), strings[i].size()};
  }
  std::string result;
  if (rt->host.native_fn(rt->host.host_ctx, views.data(), views.size(), &result, append_sink) !=
      0) {
    JS::RootedString msg(cx, from_utf8(cx, result.data(), result.size()));
    if (!msg) return false;
    // new TypeError(message), through the realm's constructor, so the
    // error carries the caller's file, line and stack.
    JS::RootedObject global(cx, JS::CurrentGlobalOrNull(cx));
    JS::RootedValue ctor(cx);
    if (!global || !JS_GetProperty(cx, global, "TypeError", &ctor)) return false;
    JS::RootedValueArray<1> ctor_args(cx);
    ctor_args[0].setString(msg);
    JS::RootedObject err(cx);
    if (!JS::Construct(cx, ctor, ctor_args, &err)) return false;
    JS::RootedValue err_value(cx, JS::ObjectValue(*err));
    JS_SetPendingException(cx, err_value);
    return false;
  }
  JSString* s = from_utf8(cx, result.data(), result.size());
  if (!s) return false;
  args.rval().setString(s);
  return true;
}

hg_js_runtime* create(const hg_js_host* host, void* err_ctx, hg_js_sink err) {
  if (!g_cx) {
    if (!JS_Init()) {
      emit(err_ctx, err, "JS_Init failed");
      return nullptr;
    }
    g_cx = JS_NewContext(JS::DefaultHeapMaxBytes);
    if (!g_cx) {
      emit(err_ctx, err, "JS_NewContext failed");
      return nullptr;
    }
    JS_SetNativeStackQuota(g_cx, 1024 * 1024);
    // Promise jobs (hooks are often async functions) queue inside the
    // engine; run_jobs() drains them.
    if (!js::UseInternalJobQueues(g_cx)) {
      emit(err_ctx, err, "js::UseInternalJobQueues failed");
      return nullptr;
    }
    g_live = new std::vector<Runtime*>();
    g_watchdog = new Watchdog();
    if (!JS_AddInterruptCallback(g_cx, on_interrupt)) {
      emit(err_ctx, err, "JS_AddInterruptCallback failed");
      return nullptr;
    }
    std::atexit(shutdown);
    if (!JS::InitSelfHostedCode(g_cx)) {
      emit(err_ctx, err, "JS::InitSelfHostedCode failed");
      return nullptr;
    }
  }
  JSContext* cx = g_cx;
  auto rt = std::make_unique<Runtime>();
  rt->host = *host;
  JS::RealmOptions options;
  JS::RootedObject global(
      cx, JS_NewGlobalObject(cx, &kGlobalClass, nullptr, JS::FireOnNewGlobalHook, options));
  if (!global) {
    emit(err_ctx, err, "JS_NewGlobalObject failed");
    return nullptr;
  }
  {
    JSAutoRealm ar(cx, global);
    if (!JS::InitRealmStandardClasses(cx) ||
        !JS_DefineFunction(cx, global, "__hypergen_native", native, 1, 0)) {
      JS_ClearPendingException(cx);
      emit(err_ctx, err, "cannot set up the JavaScript global object");
      return nullptr;
    }
    JS::SetRealmPrivate(JS::GetObjectRealmOrNull(global), rt.get());
  }
  rt->global = std::make_unique<JS::PersistentRootedObject>(cx, global);
  g_live->push_back(rt.get());
  return reinterpret_cast<hg_js_runtime*>(rt.release());
}

void destroy(hg_js_runtime* handle) {
  auto* rt = reinterpret_cast<Runtime*>(handle);
  if (!rt) return;
  std::erase(*g_live, rt);
  if (!g_cx || !rt->global) {
    delete rt;
    return;
  }
  {
    JSAutoRealm ar(g_cx, *rt->global);
    JS::SetRealmPrivate(JS::GetObjectRealmOrNull(*rt->global), nullptr);
  }
  delete rt;
  JS_GC(g_cx);
}

int eval(hg_js_runtime* handle, const char* src, std::size_t size, const char* file, int line,
         uint32_t* keep, void* out_ctx, hg_js_sink out, hg_js_error* error) {
  auto* rt = reinterpret_cast<Runtime*>(handle);
  JSContext* cx = g_cx;
  JSAutoRealm ar(cx, *rt->global);
  Bounded bounded(rt);
  JS::CompileOptions options(cx);
  options.setFileAndLine(file ? file : "", line > 0 ? static_cast<unsigned>(line) : 1);
  JS::SourceText<mozilla::Utf8Unit> source;
  JS::RootedValue result(cx);
  if (!source.init(cx, src, size, JS::SourceOwnership::Borrowed) ||
      !JS::Evaluate(cx, options, source, &result)) {
    fail(cx, rt, bounded, error);
    return 1;
  }
  return finish(cx, rt, bounded, result, keep, out_ctx, out, error);
}

int call(hg_js_runtime* handle, uint32_t fn, const hg_js_arg* args, std::size_t nargs,
         uint32_t* keep, void* out_ctx, hg_js_sink out, hg_js_error* error) {
  auto* rt = reinterpret_cast<Runtime*>(handle);
  JSContext* cx = g_cx;
  JSAutoRealm ar(cx, *rt->global);
  Bounded bounded(rt);
  auto found = rt->handles.find(fn);
  if (found == rt->handles.end()) {
    JS_ReportErrorASCII(cx, "hypergen: unknown function handle");
    fail(cx, rt, bounded, error);
    return 1;
  }
  JS::RootedValue fval(cx, *found->second);
  JS::RootedValueVector argv(cx);
  for (std::size_t i = 0; i < nargs; ++i) {
    JS::RootedValue v(cx);
    const hg_js_arg& a = args[i];
    if (a.kind == HG_JS_ARG_HANDLE) {
      auto h = rt->handles.find(a.handle);
      if (h != rt->handles.end()) v = *h->second;
    } else if (a.kind == HG_JS_ARG_EXPRESSION) {
      JS::CompileOptions options(cx);
      options.setFileAndLine("<hypergen data>", 1);
      JS::SourceText<mozilla::Utf8Unit> source;
      if (!source.init(cx, a.data, a.size, JS::SourceOwnership::Borrowed) ||
          !JS::Evaluate(cx, options, source, &v)) {
        fail(cx, rt, bounded, error);
        return 1;
      }
    } else {
      JSString* s = from_utf8(cx, a.data, a.size);
      if (!s) {
        fail(cx, rt, bounded, error);
        return 1;
      }
      v.setString(s);
    }
    if (!argv.append(v)) {
      fail(cx, rt, bounded, error);
      return 1;
    }
  }
  JS::RootedValue result(cx);
  if (!JS::Call(cx, JS::UndefinedHandleValue, fval, argv, &result)) {
    fail(cx, rt, bounded, error);
    return 1;
  }
  return finish(cx, rt, bounded, result, keep, out_ctx, out, error);
}

void release(hg_js_runtime* handle, uint32_t h) {
  reinterpret_cast<Runtime*>(handle)->handles.erase(h);
}

void run_jobs(hg_js_runtime* handle) {
  auto* rt = reinterpret_cast<Runtime*>(handle);
  JSAutoRealm ar(g_cx, *rt->global);
  js::RunJobs(g_cx);
}

void set_limits(hg_js_runtime* handle, uint64_t time_ms, uint64_t output_bytes) {
  auto* rt = reinterpret_cast<Runtime*>(handle);
  rt->time_limit_ms = time_ms;
  rt->output_limit_bytes = output_bytes;
}

constexpr hg_js_api kApi = {
    .abi_version = HG_JS_ABI_VERSION,
    .engine = "SpiderMonkey 102",
    .create = create,
    .destroy = destroy,
    .eval = eval,
    .call = call,
    .release = release,
    .run_jobs = run_jobs,
    .set_limits = set_limits,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const hg_js_api* hypergen_js_api() {
  return &kApi;
}
