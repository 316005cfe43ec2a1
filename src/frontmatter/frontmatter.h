#pragma once
// Template frontmatter: the split of a template into its YAML header and its
// body (byte-exact with the front-matter 4.0.2 package Hygen uses, spec §7.3,
// odd cases included), and the YAML dialect of js-yaml 3 (spec §7.4) read
// with yaml-cpp, keeping the line of every top-level key so later errors can
// point at file:line.
//
// Attribute values are liquid::Values (the engine renders the top-level
// strings later, in render/). `!!js/regexp` values keep their pattern and
// flags on the side; their Value is the string JavaScript would print
// ("/pattern/flags"). Values that are objects in JavaScript (regexps and
// js-yaml 3 timestamps, at any depth) also get a JavaScript expression in
// `js_values`, which the EJS locals use; Liquid sees the string.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::frontmatter {

struct Split {
  bool has_frontmatter = false;
  std::string yaml;   // inner text, trimmed
  int yaml_line = 0;  // 1-based file line of the first character of `yaml`
  std::string body;   // the text with the frontmatter block removed
  int body_line = 1;  // 1-based file line where the body starts
};

Split split(std::string_view text);

struct RegexLiteral {
  std::string pattern;
  std::string flags;
};

struct Attributes {
  liquid::Value values = liquid::Object{};                   // top-level keys in file order
  std::map<std::string, int, std::less<>> lines;             // key → 1-based file line
  std::map<std::string, RegexLiteral, std::less<>> regexps;  // top-level `!!js/regexp` keys
  // Path from the top (keys; array indexes in decimal) → JavaScript
  // expression of a value that is not plain data in js-yaml 3:
  // `new RegExp("ab+c","gi")` for `!!js/regexp /ab+c/gi`,
  // `new Date(Date.UTC(2001,11,14))` for the timestamp `2001-12-14`.
  std::map<std::vector<std::string>, std::string> js_values;

  const liquid::Value* find(std::string_view key) const { return values.as_object().find(key); }
  bool has(std::string_view key) const { return find(key) != nullptr; }
  int line_of(std::string_view key) const;
};

// Parses the YAML of a frontmatter block. `file` and `first_line` (the file
// line of the YAML's first line) locate errors. A null document or a
// non-mapping document gives no attributes, as Hygen does.
Result<Attributes> parse_yaml(std::string_view yaml, const std::string& file, int first_line);

// The fast path parse_yaml takes first: a block mapping whose every line is
// `key: value` (or `key:`), keys unique and starting at column 1, each value
// one plain, "double-quoted" (no escapes) or 'single-quoted' (no '') scalar
// on its line, ASCII only, no comments. That is what almost every template
// header looks like, and it reads ~40x faster than yaml-cpp. nullopt when
// the text needs the full reader; when it answers, the answer is exactly the
// full reader's (the unit tests and the frontmatter fuzzer compare them).
std::optional<Attributes> parse_simple_yaml(std::string_view yaml, int first_line);

// parse_yaml without the fast path (for the tests and the fuzzer that
// compare the two).
Result<Attributes> parse_yaml_full(std::string_view yaml, const std::string& file, int first_line);

// The js-yaml 3 resolution of a plain (unquoted) scalar: null, bool, int
// (decimal, 0x, 0b, leading-0 octal, base 60, `_` separators), float or
// string.
liquid::Value resolve_plain_scalar(const std::string& text);

// The JavaScript expression js-yaml 3 constructs for a timestamp scalar
// (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`, …: a `Date`), or nullopt
// when `text` is not a YAML timestamp.
std::optional<std::string> yaml_timestamp_js(const std::string& text);

}  // namespace hypergen::frontmatter
