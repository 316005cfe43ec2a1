// libFuzzer target for liquid/json.h: parses the input as JSON and, when it
// parses, checks the round trip: to_json() of the value must parse back to a
// structurally equal value (non-finite numbers print as null, as
// JSON.stringify does), and printing that again must give the same text
// (compact and indented). Any crash, sanitizer report or abort() is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "liquid/json.h"
#include "liquid/value.h"

namespace {

using hypergen::liquid::Value;

// Deep equality (Value's operator== compares objects by identity). Keys must
// come back in the same order: to_json keeps insertion order.
bool same(const Value& a, const Value& b) {
  if (a.is_float() && !std::isfinite(a.as_float())) return b.is_nil();
  if (a.is_number() || b.is_number()) {
    if (!a.is_number() || !b.is_number()) return false;
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    return a.to_number() == b.to_number();
  }
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) {
    const auto& x = a.as_array();
    const auto& y = b.as_array();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!same(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    const auto& x = a.as_object().entries();
    const auto& y = b.as_object().entries();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i].first != y[i].first || !same(x[i].second, y[i].second)) return false;
    }
    return true;
  }
  return a == b;  // nil, bool, string
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  auto parsed = hypergen::liquid::parse_json(text, "fuzz.json");
  if (!parsed) {
    volatile std::size_t len = parsed.error().message.size();
    (void)len;
    return 0;
  }
  for (int indent : {-1, 2}) {
    const std::string printed = hypergen::liquid::to_json(*parsed, indent);
    auto again = hypergen::liquid::parse_json(printed, "printed.json");
    if (!again || !same(*parsed, *again)) std::abort();
    if (hypergen::liquid::to_json(*again, indent) != printed) std::abort();
  }
  return 0;
}
