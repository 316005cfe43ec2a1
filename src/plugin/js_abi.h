#pragma once
/* The C interface between hypergen (js/runtime.cc) and its JavaScript engine
 * plugin, libhypergen-js.so (plugin/js_spidermonkey.cc, SpiderMonkey 102).
 * Plain C types only: the plugin is loaded with dlopen() the first time a
 * run meets an EJS template, so the hypergen binary never links mozjs.
 *
 * A runtime is one JavaScript realm (global object). Values the host wants
 * to keep (functions, objects) live in the runtime's handle table and are
 * named by a handle (> 0). Strings cross as UTF-8. Everything template
 * specific (EJS, the `h` helpers) is JavaScript the host evaluates; the
 * plugin only offers eval, call and one native entry point. */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HG_JS_ABI_VERSION 3

/* Receives bytes (UTF-8) from the other side. */
typedef void (*hg_js_sink)(void* sink_ctx, const char* data, size_t size);

/* The host's native function, callable from JavaScript as
 * `__hypergen_native(name, ...args)` (the global is defined before the host's
 * first eval; the host's prelude takes it and deletes it). Every argument is
 * converted to a string (null and undefined to ""). Return 0 and write the
 * result to `out`, or non-zero and write an error message (thrown as a JS
 * TypeError). */
typedef struct {
  const char* data;
  size_t size;
} hg_js_str;
typedef int (*hg_js_native_fn)(void* host_ctx, const hg_js_str* args, size_t nargs, void* out_ctx,
                               hg_js_sink out);

typedef struct {
  void* host_ctx;
  hg_js_native_fn native_fn;
} hg_js_host;

/* A JavaScript exception, as far as it could be read. Filled on failure;
 * strings are owned by the runtime and valid until the next call. */
typedef struct {
  const char* name;    /* "ReferenceError", … ("" for a thrown non-error) */
  const char* message; /* the message, or String(thrown value) */
  const char* file;    /* script file of the throwing position, or "" */
  int line;            /* 1-based, 0 = unknown (JS line in `file`) */
  int column;          /* 1-based, 0 = unknown */
  int tag_line;        /* the exception's own `__hgLine` number property, 0 if none */
  int limit;           /* 0, or the limit of set_limits that failed the call:
                          HG_JS_LIMIT_TIME (line/column then say where the
                          script was stopped, in its own file) or
                          HG_JS_LIMIT_OUTPUT */
} hg_js_error;

enum { HG_JS_LIMIT_NONE = 0, HG_JS_LIMIT_TIME = 1, HG_JS_LIMIT_OUTPUT = 2 };

/* An argument of hg_js_call. */
enum { HG_JS_ARG_STRING = 0, HG_JS_ARG_HANDLE = 1, HG_JS_ARG_EXPRESSION = 2 };
typedef struct {
  int kind;
  const char* data; /* STRING: UTF-8 text; EXPRESSION: JS source of one expression */
  size_t size;
  uint32_t handle; /* HANDLE */
} hg_js_arg;

typedef struct hg_js_runtime hg_js_runtime;

typedef struct {
  int abi_version;    /* HG_JS_ABI_VERSION */
  const char* engine; /* "SpiderMonkey 102" */
  /* NULL on failure, with a message written to err. */
  hg_js_runtime* (*create)(const hg_js_host* host, void* err_ctx, hg_js_sink err);
  void (*destroy)(hg_js_runtime* rt);
  /* Runs a script in the global scope. keep != NULL: the completion value is
   * kept and its handle stored there; else it is converted to a string and
   * written to out (if out is not NULL). Returns 0, or 1 with *error set. */
  int (*eval)(hg_js_runtime* rt, const char* src, size_t size, const char* file, int line,
              uint32_t* keep, void* out_ctx, hg_js_sink out, hg_js_error* error);
  /* Calls the function `fn` with `this` undefined; result as for eval. */
  int (*call)(hg_js_runtime* rt, uint32_t fn, const hg_js_arg* args, size_t nargs, uint32_t* keep,
              void* out_ctx, hg_js_sink out, hg_js_error* error);
  void (*release)(hg_js_runtime* rt, uint32_t handle);
  /* Runs pending promise jobs (microtasks: `then` callbacks, async function
   * continuations) until the queue is empty. A job that throws is reported
   * through its promise, never here. */
  void (*run_jobs)(hg_js_runtime* rt);
  /* Bounds every later eval and call of this runtime (0: no bound, the
   * default for both):
   * - time_ms: milliseconds of wall time each. A script still running at its
   *   deadline is stopped (a watchdog thread interrupts the engine; the stop
   *   cannot be caught by the script) and the call returns 1 with
   *   error->limit = HG_JS_LIMIT_TIME. A call made from inside a bounded one
   *   (through the native function) shares the outer deadline.
   * - output_bytes: the string written to `out`. A longer result is refused
   *   before it is flattened or converted (its length in UTF-16 units is
   *   known and never exceeds its UTF-8 size), so a template that doubles a
   *   string 30 times costs no memory: error->limit = HG_JS_LIMIT_OUTPUT. */
  void (*set_limits)(hg_js_runtime* rt, uint64_t time_ms, uint64_t output_bytes);
} hg_js_api;

/* The one exported symbol: `hypergen_js_api`. */
typedef const hg_js_api* (*hg_js_get_api_fn)(void);

#ifdef __cplusplus
}
#endif
