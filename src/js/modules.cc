#include "js/modules.h"

#include <algorithm>
#include <array>
#include <deque>
#include <set>

#include "util/path.h"

namespace hypergen::js {

namespace {

bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool ident_char(char c) {
  return ident_start(c) || (c >= '0' && c <= '9');
}

// Keywords after which a '/' starts a regular expression.
bool regex_after_word(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "return", "typeof", "case", "do",    "else",  "in",    "of",
      "new",    "delete", "void", "throw", "yield", "await", "instanceof"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  std::vector<SourceUse> run() {
    // Braces opened inside `${` … `}` of template literals, innermost last.
    std::vector<int> template_depth;
    int depth = 0;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\n') {
        ++line_;
        ++i_;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
        continue;
      }
      if (c == '/' && peek(1) == '/') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        i_ += 2;
        while (i_ < s_.size() && !(s_[i_] == '*' && peek(1) == '/')) bump();
        i_ += 2;
        continue;
      }
      if (c == '\'' || c == '"') {
        string_literal(c);
        last_ = Last::kValue;
        dot_run_ = 0;
        continue;
      }
      if (c == '`') {
        ++i_;
        if (template_text()) {
          template_depth.push_back(depth);
          last_ = Last::kPunct;
        } else {
          last_ = Last::kValue;
        }
        continue;
      }
      if (c == '}' && !template_depth.empty() && template_depth.back() == depth) {
        template_depth.pop_back();
        ++i_;
        if (template_text()) {
          template_depth.push_back(depth);
          last_ = Last::kPunct;
        } else {
          last_ = Last::kValue;
        }
        continue;
      }
      if (c == '/') {
        bool regex = last_ == Last::kNone || last_ == Last::kPunct ||
                     (last_ == Last::kWord && regex_after_word(last_word_));
        if (regex) {
          regex_literal();
          last_ = Last::kValue;
          continue;
        }
      }
      if (ident_start(c)) {
        word();
        continue;
      }
      if (c >= '0' && c <= '9') {
        while (i_ < s_.size() && (ident_char(s_[i_]) || s_[i_] == '.')) ++i_;
        last_ = Last::kValue;
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}') --depth;
      last_ = (c == ')' || c == ']' || c == '}') ? Last::kValue : Last::kPunct;
      dot_run_ = c == '.' ? dot_run_ + 1 : 0;
      ++i_;
      continue;
    }
    return std::move(uses_);
  }

 private:
  enum class Last { kNone, kPunct, kWord, kValue };

  char peek(std::size_t n) const { return i_ + n < s_.size() ? s_[i_ + n] : '\0'; }

  void bump() {
    if (s_[i_] == '\n') ++line_;
    ++i_;
  }

  void skip_space() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        bump();
      } else if (c == '/' && peek(1) == '/') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (c == '/' && peek(1) == '*') {
        i_ += 2;
        while (i_ < s_.size() && !(s_[i_] == '*' && peek(1) == '/')) bump();
        i_ += 2;
      } else {
        break;
      }
    }
  }

  // At the opening quote; returns the literal's value (escapes kept simple).
  std::string string_literal(char quote) {
    std::string out;
    ++i_;
    while (i_ < s_.size() && s_[i_] != quote && s_[i_] != '\n') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        ++i_;
        if (s_[i_] == '\n') ++line_;
      }
      out += s_[i_];
      ++i_;
    }
    if (i_ < s_.size()) ++i_;
    return out;
  }

  // After '`' or a template's closing '}': skips text; true when it stopped
  // at '${' (consumed), false at the closing '`' (consumed) or the end.
  bool template_text() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\') {
        ++i_;
        if (i_ < s_.size()) bump();
        continue;
      }
      if (c == '`') {
        ++i_;
        return false;
      }
      if (c == '$' && peek(1) == '{') {
        i_ += 2;
        return true;
      }
      bump();
    }
    return false;
  }

  void regex_literal() {
    ++i_;
    bool in_class = false;
    while (i_ < s_.size() && s_[i_] != '\n') {
      char c = s_[i_];
      if (c == '\\') {
        i_ += 2;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      ++i_;
      if (c == '/' && !in_class) break;
    }
    while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
  }

  void word() {
    std::size_t start = i_;
    int line = line_;
    while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
    std::string_view w = s_.substr(start, i_ - start);
    bool member = dot_run_ == 1 && last_ == Last::kPunct;
    last_ = Last::kWord;
    last_word_ = std::string(w);
    dot_run_ = 0;
    if (member) return;
    if (w == "require") {
      std::size_t save = i_;
      int save_line = line_;
      skip_space();
      if (i_ < s_.size() && s_[i_] == '(') {
        ++i_;
        skip_space();
        char q = i_ < s_.size() ? s_[i_] : '\0';
        if (q == '\'' || q == '"') {
          std::string spec = string_literal(q);
          skip_space();
          if (i_ < s_.size() && s_[i_] == ')') {
            uses_.push_back({SourceUse::Kind::kRequire, spec, line});
            ++i_;
            last_ = Last::kValue;
            return;
          }
        }
        uses_.push_back({SourceUse::Kind::kDynamicRequire, "require(<expression>)", line});
      } else if (i_ < s_.size() && s_[i_] == '.') {
        ++i_;
        skip_space();
        std::size_t m = i_;
        while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
        uses_.push_back(
            {SourceUse::Kind::kNodeOnly, "require." + std::string(s_.substr(m, i_ - m)), line});
      }
      i_ = save;
      line_ = save_line;
      return;
    }
    if (w == "process") {
      std::size_t save = i_;
      int save_line = line_;
      skip_space();
      if (i_ < s_.size() && s_[i_] == '.') {
        ++i_;
        skip_space();
        std::size_t m = i_;
        while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
        std::string_view member_name = s_.substr(m, i_ - m);
        if (member_name != "cwd" && member_name != "env" && member_name != "platform") {
          uses_.push_back(
              {SourceUse::Kind::kNodeOnly, "process." + std::string(member_name), line});
        }
      }
      i_ = save;
      line_ = save_line;
      return;
    }
    if (w == "import") {
      std::size_t save = i_;
      skip_space();
      if (i_ < s_.size() && s_[i_] == '(') {
        uses_.push_back({SourceUse::Kind::kNodeOnly, "import()", line});
      }
      i_ = save;
      line_ = line;
      return;
    }
    static constexpr std::array<std::string_view, 8> kNodeGlobals = {
        "setTimeout", "setInterval",   "setImmediate", "clearTimeout",
        "Buffer",     "clearInterval", "global",       "__non_webpack_require__"};
    if (std::find(kNodeGlobals.begin(), kNodeGlobals.end(), w) != kNodeGlobals.end()) {
      uses_.push_back({SourceUse::Kind::kNodeOnly, std::string(w), line});
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int line_ = 1;
  Last last_ = Last::kNone;
  std::string last_word_;
  int dot_run_ = 0;  // consecutive '.' just before (1: member access, 3: spread)
  std::vector<SourceUse> uses_;
};

std::string normalize(const std::string& path) {
  std::vector<std::string> out;
  for (const std::string& part : split_path(path)) {
    if (part == ".") continue;
    if (part == "..") {
      if (!out.empty()) out.pop_back();
      continue;
    }
    out.push_back(part);
  }
  std::string s;
  for (const std::string& p : out) s += "/" + p;
  return s.empty() ? "/" : s;
}

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

bool inside(const std::string& path, const std::string& root) {
  if (root == "/") return true;
  return path == root || (path.starts_with(root) && path[root.size()] == '/');
}

std::string shorten(const std::string& path, const std::string& base) {
  if (!base.empty() && path.starts_with(base + "/")) return path.substr(base.size() + 1);
  return path;
}

bool is_relative(std::string_view id) {
  return id == "." || id == ".." || id.starts_with("./") || id.starts_with("../") ||
         id.starts_with("/");
}

}  // namespace

std::vector<SourceUse> scan_source(std::string_view source) {
  return Scanner(source).run();
}

bool is_builtin_module(std::string_view id) {
  return id == "path" || id == "node:path";
}

Result<ModuleSet> collect_modules(FileSystem& fs, const std::string& entry,
                                  std::span<const std::string> roots, const std::string& display) {
  ModuleSet out;
  std::deque<std::string> queue{normalize(entry)};
  std::set<std::string> seen{queue.front()};
  std::vector<std::string> norm_roots;
  for (const std::string& r : roots) norm_roots.push_back(normalize(r));
  while (!queue.empty()) {
    std::string file = queue.front();
    queue.pop_front();
    auto text = fs.read_file(file);
    if (!text) return tl::unexpected(text.error());
    out.files.push_back({file, *text});
    if (file.ends_with(".json")) continue;
    std::string where = shorten(file, display);
    for (const SourceUse& use : scan_source(*text)) {
      std::string at = " (" + where + ":" + std::to_string(use.line) + ")";
      if (use.kind == SourceUse::Kind::kNodeOnly || use.kind == SourceUse::Kind::kDynamicRequire) {
        out.node_reasons.push_back(use.text + at);
        continue;
      }
      if (is_builtin_module(use.text)) continue;
      if (!is_relative(use.text)) {
        out.node_reasons.push_back("require('" + use.text + "')" + at);
        if (out.first_module.empty()) out.first_module = use.text;
        continue;
      }
      std::string base =
          normalize(use.text.starts_with("/") ? use.text : dir_of(file) + "/" + use.text);
      std::string found;
      for (const std::string& c :
           {base, base + ".js", base + ".json", base + "/index.js", base + "/index.json"}) {
        auto st = fs.stat(c);
        if (st && st->is_file()) {
          found = c;
          break;
        }
      }
      if (found.empty()) continue;  // fails at run time, in node as here
      bool ok = std::any_of(norm_roots.begin(), norm_roots.end(),
                            [&](const std::string& r) { return inside(found, r); });
      if (!ok) {
        out.node_reasons.push_back("require('" + use.text + "') outside the project" + at);
        continue;
      }
      if (seen.insert(found).second) queue.push_back(found);
    }
  }
  return out;
}

}  // namespace hypergen::js
