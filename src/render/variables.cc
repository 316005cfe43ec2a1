#include "render/variables.h"

#include <array>
#include <vector>

namespace hypergen::render {

namespace {

constexpr std::array<std::string_view, 44> kKeywords = {
    "if",      "elsif",    "else",       "endif",    "unless",      "endunless", "case",
    "when",    "endcase",  "for",        "endfor",   "in",          "break",     "continue",
    "assign",  "capture",  "endcapture", "comment",  "endcomment",  "raw",       "endraw",
    "include", "render",   "with",       "as",       "and",         "or",        "contains",
    "true",    "false",    "nil",        "null",     "empty",       "blank",     "limit",
    "offset",  "reversed", "cycle",      "tablerow", "endtablerow", "increment", "decrement",
    "echo",    "liquid"};

bool is_keyword(std::string_view w) {
  for (auto k : kKeywords) {
    if (k == w) return true;
  }
  return w == "forloop" || w == "tablerowloop" || w == "attributes" || w == "cols";
}

bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool ident_char(char c) {
  return ident_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '?';
}

}  // namespace

std::set<std::string> scan_variables(std::string_view src) {
  std::set<std::string> used, defined;
  std::size_t i = 0;
  bool in_raw = false;
  while (i < src.size()) {
    std::size_t open = src.find('{', i);
    if (open == std::string_view::npos || open + 1 >= src.size()) break;
    char kind = src[open + 1];
    if (kind != '{' && kind != '%') {
      i = open + 1;
      continue;
    }
    std::string_view close = kind == '{' ? "}}" : "%}";
    std::size_t end = src.find(close, open + 2);
    if (end == std::string_view::npos) break;
    std::string_view inner = src.substr(open + 2, end - open - 2);
    i = end + 2;
    // Tokenize.
    std::vector<std::string_view> words;
    std::vector<char> before;  // the significant character before each word
    char prev = 0;
    for (std::size_t k = 0; k < inner.size();) {
      char c = inner[k];
      if (c == '"' || c == '\'') {
        std::size_t q = inner.find(c, k + 1);
        k = q == std::string_view::npos ? inner.size() : q + 1;
        prev = 's';
        continue;
      }
      if (ident_start(c)) {
        std::size_t b = k;
        while (k < inner.size() && ident_char(inner[k])) ++k;
        words.push_back(inner.substr(b, k - b));
        before.push_back(prev);
        prev = 'w';
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '-') prev = c;
      ++k;
    }
    if (words.empty()) continue;
    std::string_view tag = kind == '%' ? words[0] : std::string_view();
    if (tag == "raw") {
      in_raw = true;
      continue;
    }
    if (tag == "endraw") {
      in_raw = false;
      continue;
    }
    if (in_raw || tag == "comment") continue;
    std::size_t first = 0;
    if (kind == '%') {
      first = 1;
      if ((tag == "assign" || tag == "capture" || tag == "increment" || tag == "decrement") &&
          words.size() > 1) {
        defined.insert(std::string(words[1]));
        first = 2;
      } else if ((tag == "for" || tag == "tablerow") && words.size() > 1) {
        defined.insert(std::string(words[1]));
        first = 2;
      } else if (tag == "include" || tag == "render") {
        first = words.size();
      }
    }
    for (std::size_t w = first; w < words.size(); ++w) {
      char b = before[w];
      if (b == '.' || b == '|' || b == '[') continue;  // property or filter name
      if (w + 1 < words.size() && before[w + 1] == ':' && b == ',') continue;  // named arg key
      std::string word(words[w]);
      if (is_keyword(word)) continue;
      // A named filter argument `key: value` — the key is followed by ':'.
      std::size_t pos = static_cast<std::size_t>(words[w].data() - inner.data()) + words[w].size();
      while (pos < inner.size() && inner[pos] == ' ') ++pos;
      if (pos < inner.size() && inner[pos] == ':') continue;
      used.insert(word);
    }
  }
  for (const auto& d : defined) used.erase(d);
  return used;
}

}  // namespace hypergen::render
