#include "manifest/glob.h"

#include <functional>

namespace hypergen::manifest {

bool glob_match(std::string_view pat, std::string_view text) {
  if (pat.find_first_of("*?") == std::string_view::npos) {
    if (pat.ends_with("/")) pat.remove_suffix(1);
    return text == pat ||
           (text.starts_with(pat) && text.size() > pat.size() && text[pat.size()] == '/');
  }
  std::function<bool(std::size_t, std::size_t)> m = [&](std::size_t p, std::size_t t) -> bool {
    while (p < pat.size()) {
      if (pat.substr(p).starts_with("**")) {
        std::size_t next = p + 2;
        if (next < pat.size() && pat[next] == '/') {
          // "**/" matches zero or more folders
          for (std::size_t k = t; k <= text.size(); ++k) {
            if ((k == t || text[k - 1] == '/') && m(next + 1, k)) return true;
          }
          return false;
        }
        for (std::size_t k = t; k <= text.size(); ++k) {
          if (m(next, k)) return true;
        }
        return false;
      }
      if (pat[p] == '*') {
        for (std::size_t k = t; k <= text.size(); ++k) {
          if (m(p + 1, k)) return true;
          if (k < text.size() && text[k] == '/') break;
        }
        return false;
      }
      if (t >= text.size()) return false;
      if (pat[p] != '?' && pat[p] != text[t]) return false;
      if (pat[p] == '?' && text[t] == '/') return false;
      ++p;
      ++t;
    }
    return t == text.size();
  };
  return m(0, 0);
}

}  // namespace hypergen::manifest
