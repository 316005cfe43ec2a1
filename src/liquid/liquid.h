#pragma once
// The Liquid engine's facade: what the rest of hypergen includes.
//
//   liquid::Engine engine(options);
//   auto tpl = engine.parse(source, "component.liquid");   // once
//   auto out = engine.render(**tpl, data);                  // many times, any thread
//
// Parsing builds an immutable AST (every node has its byte offset; line and
// column are computed only when an error is reported). A Template may be
// rendered concurrently from several threads. Semantics follow LiquidJS; see
// docs/liquid.md for the differences from Shopify Liquid.
//
// The engine reads no files itself: `include`/`render` partials and `layout`
// files come from a PartialLoader (the CLI's loader looks in the configured
// partial folders).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "liquid/filter.h"
#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::liquid {

class Template;  // parsed template (opaque; see template.h for internals)

// Source of partials for `include` and `render`. load() returns the source
// text and the name to use in error messages (e.g. the file path).
class PartialLoader {
 public:
  struct Source {
    std::string text;
    std::string display_name;
  };
  virtual ~PartialLoader() = default;
  // NotFound error when there is no such partial.
  virtual Result<Source> load(std::string_view name) = 0;
};

struct Options {
  // An undefined variable is an error instead of rendering empty.
  bool strict_variables = false;
  // Limits against runaway templates (recursion through partials, loops
  // producing enormous output).
  int max_partial_depth = 64;
  std::size_t max_output_bytes = std::size_t{256} << 20;
  // Wall time one render may take (zero: no limit). Checked between loop
  // iterations (every kTimeCheckInterval of them), where a runaway template
  // spends its time; the error points at the loop.
  std::chrono::milliseconds max_render_time{0};
  // The clock for max_render_time (tests use a fake); empty: steady_clock.
  std::function<std::chrono::steady_clock::time_point()> steady_now;
  // For `date`: clock and time zone (defaults: system clock, local zone).
  FilterContext filter_context;
  // Variables visible in every scope, including the isolated one of
  // `render` and partials/layouts, with the lowest priority (the data and
  // assigned variables shadow them), as LiquidJS's `globals` option. An
  // object; anything else is ignored.
  Value globals;
};

class Engine {
 public:
  explicit Engine(Options options = {}, PartialLoader* partials = nullptr);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Parses `source`; `name` is used in error messages. Errors have kind
  // kTemplate and point at line:column with the offending line and a caret.
  Result<std::shared_ptr<const Template>> parse(std::string_view source,
                                                std::string name = {}) const;

  // Renders a parsed template against `data` (normally an object).
  Result<std::string> render(const Template& tpl, const Value& data) const;
  Status render_to(const Template& tpl, const Value& data, std::string& out) const;

  // Parse + render in one call (no caching).
  Result<std::string> parse_and_render(std::string_view source, const Value& data,
                                       std::string name = {}) const;

  // Adds or replaces a filter; call before parsing templates that use it.
  void register_filter(FilterEntry entry);
  // The filter with this name (user-registered first, then built-in).
  const FilterEntry* find_filter(std::string_view name) const;
  // Names of all filters, for "did you mean" and docs.
  std::vector<std::string> filter_names() const;

  const Options& options() const { return options_; }

  // Internal: parsed partial by name (cached; thread-safe). Used by the renderer.
  Result<std::shared_ptr<const Template>> partial(std::string_view name) const;

 private:
  Options options_;
  PartialLoader* partials_;
  std::vector<FilterEntry> custom_filters_;
  mutable std::mutex partial_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const Template>> partial_cache_;
};

// The messages of the render limits (Options::max_render_time,
// max_output_bytes), shared with the EJS renderer (js/runtime.h) so both
// engines say the same thing.
std::string render_time_limit_message(std::uint64_t limit_ms);
std::string output_limit_message(std::uint64_t limit_bytes);

}  // namespace hypergen::liquid
