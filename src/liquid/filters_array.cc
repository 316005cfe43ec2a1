// Array filters, as LiquidJS 10 implements them (src/filters/array.ts). Inputs
// go through LiquidJS's toArray() (nil → [], a scalar → [scalar]); property
// arguments are paths evaluated against each item ("a.b", "a[0]").
#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "liquid/filters_internal.h"
#include "liquid/unicode.h"

namespace hypergen::liquid::filters {

namespace {

// LiquidJS orderedCompare(): nil sorts last, otherwise JS < and >.
int ordered_compare(const Value& a, const Value& b) {
  if (a.is_nil() && b.is_nil()) return 0;
  if (a.is_nil()) return 1;
  if (b.is_nil()) return -1;
  if (js_less(a, b)) return -1;
  if (js_less(b, a)) return 1;
  return 0;
}

int case_insensitive_compare(const Value& a, const Value& b) {
  if (a.is_nil() && b.is_nil()) return 0;
  if (a.is_nil()) return 1;
  if (b.is_nil()) return -1;
  std::string x = to_lower(js_string(a));
  std::string y = to_lower(js_string(b));
  return x < y ? -1 : (y < x ? 1 : 0);
}

template <typename Compare>
Value sort_by(const Value& input, const Value* property, Compare compare) {
  Array items = to_array(input);
  std::string path = property && !property->is_nil() ? stringify(*property) : std::string();
  std::vector<std::pair<Value, Value>> keyed;
  keyed.reserve(items.size());
  for (Value& item : items) {
    Value key = path.empty() ? item : get_path(item, path);
    keyed.emplace_back(std::move(item), std::move(key));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [&](const auto& l, const auto& r) { return compare(l.second, r.second) < 0; });
  Array out;
  out.reserve(keyed.size());
  for (auto& [item, key] : keyed) out.push_back(std::move(item));
  return Value(std::move(out));
}

// LiquidJS matches(): without an expected value, the property must be truthy;
// with one, equal to it.
bool matches(const Value& value, const Value* expected) {
  if (expected == nullptr) return value.truthy();
  return liquid_equals(value, *expected);
}

// Index of the first item whose property matches, or -1.
long search(const Array& items, const FilterArgs& args) {
  std::string path = stringify(args.at(0));
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (matches(get_path(items[i], path), args.at(1))) return static_cast<long>(i);
  }
  return -1;
}

Value filter_items(const Value& input, const FilterArgs& args, bool include) {
  Array items = to_array(input);
  std::string path = stringify(args.at(0));
  Array out;
  for (Value& item : items) {
    if (matches(get_path(item, path), args.at(1)) == include) out.push_back(std::move(item));
  }
  return Value(std::move(out));
}

// String elements or array elements, as LiquidJS's isArrayLike() indexing.
Value array_like_at(const Value& v, bool last) {
  if (v.is_array()) {
    const Array& a = v.as_array();
    if (a.empty()) return {};
    return last ? a.back() : a.front();
  }
  if (v.is_string()) {
    const std::string& s = v.as_string();
    if (s.empty()) return {};
    if (!last) return Value(s.substr(0, utf8_advance(s, 0, 1)));
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return Value(s.substr(start));
  }
  return Value("");
}

}  // namespace

Result<Value> compact(const Value& input, const FilterArgs&, const FilterContext&) {
  Array out;
  for (Value& item : to_array(input)) {
    if (!item.is_nil()) out.push_back(std::move(item));
  }
  return Value(std::move(out));
}

Result<Value> concat(const Value& input, const FilterArgs& args, const FilterContext&) {
  Array out = to_array(input);
  if (const Value* rhs = args.at(0)) {
    for (Value& item : to_array(*rhs)) out.push_back(std::move(item));
  }
  return Value(std::move(out));
}

Result<Value> push(const Value& input, const FilterArgs& args, const FilterContext&) {
  Array out = to_array(input);
  out.push_back(args.at(0) ? *args.at(0) : Value());
  return Value(std::move(out));
}

Result<Value> unshift(const Value& input, const FilterArgs& args, const FilterContext&) {
  Array out = to_array(input);
  out.insert(out.begin(), args.at(0) ? *args.at(0) : Value());
  return Value(std::move(out));
}

Result<Value> pop(const Value& input, const FilterArgs&, const FilterContext&) {
  Array out = to_array(input);
  if (!out.empty()) out.pop_back();
  return Value(std::move(out));
}

Result<Value> shift(const Value& input, const FilterArgs&, const FilterContext&) {
  Array out = to_array(input);
  if (!out.empty()) out.erase(out.begin());
  return Value(std::move(out));
}

Result<Value> first(const Value& input, const FilterArgs&, const FilterContext&) {
  return array_like_at(input, false);
}

Result<Value> last(const Value& input, const FilterArgs&, const FilterContext&) {
  return array_like_at(input, true);
}

Result<Value> join(const Value& input, const FilterArgs& args, const FilterContext&) {
  const Value* sep_arg = args.at(0);
  std::string sep = (sep_arg == nullptr || sep_arg->is_nil()) ? " " : stringify(*sep_arg);
  std::string out;
  bool first_item = true;
  for (const Value& item : to_array(input)) {
    if (!first_item) out += sep;
    first_item = false;
    if (!item.is_nil()) out += js_string(item);
  }
  return Value(std::move(out));
}

Result<Value> reverse(const Value& input, const FilterArgs&, const FilterContext&) {
  Array out = to_array(input);
  std::reverse(out.begin(), out.end());
  return Value(std::move(out));
}

Result<Value> size(const Value& input, const FilterArgs&, const FilterContext&) {
  if (input.is_string()) return Value(static_cast<std::int64_t>(utf16_length(input.as_string())));
  if (input.is_array()) return Value(static_cast<std::int64_t>(input.as_array().size()));
  return Value(0);
}

Result<Value> sort(const Value& input, const FilterArgs& args, const FilterContext&) {
  return sort_by(input, args.at(0), ordered_compare);
}

Result<Value> sort_natural(const Value& input, const FilterArgs& args, const FilterContext&) {
  return sort_by(input, args.at(0), case_insensitive_compare);
}

Result<Value> map(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string path = stringify(args.at(0));
  Array out;
  for (const Value& item : to_array(input)) out.push_back(get_path(item, path));
  return Value(std::move(out));
}

Result<Value> sum(const Value& input, const FilterArgs& args, const FilterContext&) {
  const Value* property = args.at(0);
  bool by_property = property && property->truthy() && !stringify(*property).empty();
  std::string path = by_property ? stringify(*property) : std::string();
  double total = 0;
  for (const Value& item : to_array(input)) {
    double d = (by_property ? get_path(item, path) : item).to_number();
    if (!std::isnan(d)) total += d;
  }
  return number_value(total);
}

Result<Value> slice(const Value& input, const FilterArgs& args, const FilterContext&) {
  if (input.is_nil()) return Value(Array{});
  double begin = std::trunc(to_number(args.at(0)));
  double length = args.at(1) ? std::trunc(to_number(args.at(1))) : 1;
  if (input.is_array()) {
    const Array& a = input.as_array();
    double n = static_cast<double>(a.size());
    if (begin < 0) begin += n;
    if (begin < 0 || length < 0) return Value(Array{});
    double end = std::min(begin + length, n);
    Array out;
    for (double i = begin; i < end; ++i) out.push_back(a[static_cast<std::size_t>(i)]);
    return Value(std::move(out));
  }
  std::string s = stringify(input);
  if (begin < 0) begin += static_cast<double>(utf8_code_points(s));
  if (begin < 0 || length < 0) return Value("");
  constexpr double kMax = 1e15;
  std::size_t start = utf8_advance(s, 0, static_cast<std::size_t>(std::min(begin, kMax)));
  std::size_t end = utf8_advance(s, start, static_cast<std::size_t>(std::min(length, kMax)));
  return Value(s.substr(start, end - start));
}

Result<Value> where(const Value& input, const FilterArgs& args, const FilterContext&) {
  return filter_items(input, args, true);
}

Result<Value> reject(const Value& input, const FilterArgs& args, const FilterContext&) {
  return filter_items(input, args, false);
}

Result<Value> group_by(const Value& input, const FilterArgs& args, const FilterContext&) {
  // LiquidJS toEnumerable(): arrays, a non-empty string as one item, an
  // object as [key, value] pairs.
  Array items;
  if (input.is_array()) {
    items = input.as_array();
  } else if (input.is_string() && !input.as_string().empty()) {
    items.push_back(input);
  } else if (input.is_object()) {
    for (const auto& [k, v] : input.as_object()) items.push_back(Value(Array{Value(k), v}));
  }
  std::string path = stringify(args.at(0));
  std::vector<std::pair<Value, Array>> groups;
  for (Value& item : items) {
    Value key = get_path(item, path);
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return same_value_zero(g.first, key); });
    if (it == groups.end()) {
      groups.emplace_back(std::move(key), Array{});
      it = groups.end() - 1;
    }
    it->second.push_back(std::move(item));
  }
  Array out;
  out.reserve(groups.size());
  for (auto& [key, members] : groups) {
    Object group;
    group.set("name", std::move(key));
    group.set("items", Value(std::move(members)));
    out.emplace_back(std::move(group));
  }
  return Value(std::move(out));
}

Result<Value> has(const Value& input, const FilterArgs& args, const FilterContext&) {
  return Value(search(to_array(input), args) >= 0);
}

Result<Value> find(const Value& input, const FilterArgs& args, const FilterContext&) {
  Array items = to_array(input);
  long i = search(items, args);
  return i < 0 ? Value() : items[static_cast<std::size_t>(i)];
}

Result<Value> find_index(const Value& input, const FilterArgs& args, const FilterContext&) {
  long i = search(to_array(input), args);
  return i < 0 ? Value() : Value(static_cast<std::int64_t>(i));
}

Result<Value> uniq(const Value& input, const FilterArgs&, const FilterContext&) {
  Array out;
  for (Value& item : to_array(input)) {
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const Value& o) { return same_value_zero(o, item); });
    if (!seen) out.push_back(std::move(item));
  }
  return Value(std::move(out));
}

Result<Value> sample(const Value& input, const FilterArgs& args, const FilterContext&) {
  if (input.is_nil()) return Value(Array{});
  Array items;
  if (input.is_array()) {
    items = input.as_array();
  } else {
    std::string s = stringify(input);
    for (std::size_t i = 0; i < s.size();) {
      std::size_t start = i;
      utf8_decode(s, i);
      items.emplace_back(s.substr(start, i - start));
    }
  }
  std::random_device seed;
  std::mt19937 rng(seed());
  std::shuffle(items.begin(), items.end(), rng);
  double count = args.at(0) ? to_number(args.at(0)) : 1;
  if (count == 1) return items.empty() ? Value() : items.front();
  if (count < 0) count = std::max(0.0, static_cast<double>(items.size()) + std::trunc(count));
  items.resize(std::min(items.size(), static_cast<std::size_t>(std::min(count, 1e15))));
  return Value(std::move(items));
}

}  // namespace hypergen::liquid::filters
