#include "discover/ignore.h"

namespace hypergen::discover {

namespace {

bool match_class(std::string_view pattern, std::size_t& p, char c) {
  // pattern[p] == '['; on return p is past the closing ']'.
  std::size_t i = p + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    char lo = pattern[i];
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      char hi = pattern[i + 2];
      if (c >= lo && c <= hi) matched = true;
      i += 3;
    } else {
      if (c == lo) matched = true;
      ++i;
    }
  }
  p = i < pattern.size() ? i + 1 : i;
  return matched != negate;
}

bool glob_at(std::string_view pat, std::size_t p, std::string_view text, std::size_t t) {
  while (p < pat.size()) {
    char pc = pat[p];
    if (pc == '*') {
      bool globstar = p + 1 < pat.size() && pat[p + 1] == '*';
      if (globstar) {
        std::size_t next = p + 2;
        // "**/" also matches zero folders.
        if (next < pat.size() && pat[next] == '/') {
          if (glob_at(pat, next + 1, text, t)) return true;
        }
        for (std::size_t k = t; k <= text.size(); ++k) {
          if (glob_at(pat, next, text, k)) return true;
        }
        return false;
      }
      for (std::size_t k = t; k <= text.size(); ++k) {
        if (glob_at(pat, p + 1, text, k)) return true;
        if (k < text.size() && text[k] == '/') break;
      }
      return false;
    }
    if (t >= text.size()) return false;
    if (pc == '?') {
      if (text[t] == '/') return false;
      ++p;
      ++t;
      continue;
    }
    if (pc == '[') {
      if (text[t] == '/') return false;
      std::size_t q = p;
      if (!match_class(pat, q, text[t])) return false;
      p = q;
      ++t;
      continue;
    }
    if (pc == '\\' && p + 1 < pat.size()) {
      ++p;
      pc = pat[p];
    }
    if (pc != text[t]) return false;
    ++p;
    ++t;
  }
  return t == text.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  return glob_at(pattern, 0, text, 0);
}

void IgnoreRules::add_file(std::string_view text, std::string base) {
  Group group{std::move(base), {}};
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    std::string line(text.substr(start, nl == std::string_view::npos ? text.npos : nl - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are ignored unless escaped.
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() > 1 && line[line.size() - 2] == '\\')) {
      line.pop_back();
    }
    if (!line.empty() && line[0] != '#') {
      IgnoreRule rule;
      if (line[0] == '!') {
        rule.negate = true;
        line = line.substr(1);
      } else if (line.size() > 1 && line[0] == '\\' && (line[1] == '#' || line[1] == '!')) {
        line = line.substr(1);
      }
      if (!line.empty() && line.back() == '/') {
        rule.dir_only = true;
        line.pop_back();
      }
      if (!line.empty() && line[0] == '/') {
        rule.anchored = true;
        line = line.substr(1);
      }
      if (line.find('/') != std::string::npos) rule.anchored = true;
      rule.pattern = line;
      if (!rule.pattern.empty()) group.rules.push_back(std::move(rule));
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  if (!group.rules.empty()) groups_.push_back(std::move(group));
}

bool IgnoreRules::ignored(std::string_view rel, bool is_dir, bool undecided) const {
  bool result = undecided;
  for (const Group& g : groups_) {
    std::string_view local = rel;
    if (!g.base.empty()) {
      if (rel.size() <= g.base.size() || rel.substr(0, g.base.size()) != g.base ||
          rel[g.base.size()] != '/') {
        continue;
      }
      local = rel.substr(g.base.size() + 1);
    }
    std::string_view basename =
        local.substr(local.rfind('/') == std::string_view::npos ? 0 : local.rfind('/') + 1);
    for (const IgnoreRule& r : g.rules) {
      if (r.dir_only && !is_dir) continue;
      bool m = r.anchored ? glob_match(r.pattern, local) : glob_match(r.pattern, basename);
      if (m) result = !r.negate;
    }
  }
  return result;
}

}  // namespace hypergen::discover
