// The built-in filter table. Implementations live in filters_*.cc by family
// (string, array, math, date, html/url, case and inflection).
#include <algorithm>
#include <array>

#include "liquid/filter.h"

namespace hypergen::liquid {

namespace {

Result<Value> filter_upcase(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = input.to_output();
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return Value(std::move(s));
}

Result<Value> filter_downcase(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = input.to_output();
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return Value(std::move(s));
}

Result<Value> filter_append(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = input.to_output();
  if (const Value* a = args.at(0)) a->append_output(s);
  return Value(std::move(s));
}

// Sorted by name (checked by a unit test) for binary search.
constexpr std::array kFilters = {
    FilterEntry{"append", filter_append, 1, 1},
    FilterEntry{"downcase", filter_downcase, 0, 0},
    FilterEntry{"upcase", filter_upcase, 0, 0},
};

}  // namespace

std::span<const FilterEntry> builtin_filters() { return kFilters; }

const FilterEntry* find_builtin_filter(std::string_view name) {
  auto it = std::lower_bound(kFilters.begin(), kFilters.end(), name,
                             [](const FilterEntry& e, std::string_view n) { return e.name < n; });
  return (it != kFilters.end() && it->name == name) ? &*it : nullptr;
}

}  // namespace hypergen::liquid
