#pragma once
// The filter interface. A filter is a plain function from the piped value and
// its arguments to a new value; filters are looked up by name at parse time
// (an unknown name is a parse error) so rendering never searches for them.
//
// Built-in filters (LiquidJS's standard set plus the case and inflection
// filters code generation needs) live in filters_*.cc and are listed by
// builtin_filters(). An Engine can add its own with register_filter().

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::liquid {

struct FilterArgs {
  std::span<const Value> positional;
  // `key: value` arguments, in source order.
  std::span<const std::pair<std::string, Value>> named;

  // Positional argument i, or nullptr when absent.
  const Value* at(std::size_t i) const { return i < positional.size() ? &positional[i] : nullptr; }
  // Named argument, or nullptr when absent.
  const Value* named_arg(std::string_view key) const {
    for (const auto& [k, v] : named) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

// What a filter may know about the render it runs in. Everything from the
// outside world (the clock, the time zone) comes through here so tests can
// pin it.
struct FilterContext {
  // Milliseconds since the Unix epoch, for "now"/"today" in `date`.
  std::function<std::int64_t()> now_ms;
  // Minutes east of UTC used by `date` when formatting (nullopt-like sentinel
  // kLocalTime means: the process's local time zone, as LiquidJS does).
  static constexpr int kLocalTime = 100000;
  int utc_offset_minutes = kLocalTime;
};

// Returns the new value, or an Error (kind kTemplate) whose message says what
// was wrong ("filter 'slice' expects a number, got \"x\""). The renderer adds
// the template name, line and column.
using FilterFn = Result<Value> (*)(const Value& input, const FilterArgs& args,
                                   const FilterContext& ctx);

struct FilterEntry {
  std::string_view name;
  FilterFn fn;
  // Fewest and most positional arguments accepted (checked at parse time);
  // max_args < 0 means "any number".
  int min_args = 0;
  int max_args = -1;
};

// Every built-in filter, sorted by name.
std::span<const FilterEntry> builtin_filters();
// The built-in filter with this name, or nullptr.
const FilterEntry* find_builtin_filter(std::string_view name);

}  // namespace hypergen::liquid
