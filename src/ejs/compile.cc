#include "ejs/compile.h"

#include "liquid/json.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace hypergen::ejs {

namespace {

// The tokenizer's alternatives, in the order the regex tries them.
constexpr std::array<std::string_view, 10> kTokens = {"<%%", "%%>", "<%=", "<%-", "<%_",
                                                      "<%#", "<%",  "%>",  "-%>", "_%>"};

enum class Mode { kNone, kEval, kEscaped, kRaw, kComment, kLiteral };

// `[ \t]*<%_` → `<%_` and `_%>[ \t]*` → `_%>`.
std::string slurp(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "_%>") == 0) {
      out += "_%>";
      i += 3;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      continue;
    }
    if (text.compare(i, 3, "<%_") == 0) {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    }
    out += text[i++];
  }
  return out;
}

// The regex split: text pieces and tokens, in order.
std::vector<std::string_view> split(std::string_view str) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < str.size();) {
    std::string_view hit;
    if (str[i] == '<' || str[i] == '%' || str[i] == '-' || str[i] == '_') {
      for (std::string_view tok : kTokens) {
        if (str.compare(i, tok.size(), tok) == 0) {
          hit = tok;
          break;
        }
      }
    }
    if (hit.empty()) {
      ++i;
      continue;
    }
    if (i > start) parts.push_back(str.substr(start, i - start));
    parts.push_back(str.substr(i, hit.size()));
    i += hit.size();
    start = i;
  }
  if (start < str.size()) parts.push_back(str.substr(start));
  return parts;
}

// str.replace(/;(\s*$)/, '$1'): drops the first ';' followed only by
// whitespace up to the end.
std::string strip_semi(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ';') continue;
    std::size_t j = i + 1;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' ||
                            s[j] == '\f' || s[j] == '\v')) {
      ++j;
    }
    if (j == s.size()) return std::string(s.substr(0, i)) + std::string(s.substr(i + 1));
  }
  return std::string(s);
}

class Generator {
 public:
  void scan(std::string_view line) {
    int new_lines = 0;
    for (char c : line) new_lines += c == '\n';
    if (line == "<%" || line == "<%_") {
      mode_ = Mode::kEval;
    } else if (line == "<%=") {
      mode_ = Mode::kEscaped;
    } else if (line == "<%-") {
      mode_ = Mode::kRaw;
    } else if (line == "<%#") {
      mode_ = Mode::kComment;
    } else if (line == "<%%") {
      mode_ = Mode::kLiteral;
      source_ += "    ; __append(\"<%\")\n";
    } else if (line == "%%>") {
      mode_ = Mode::kLiteral;
      source_ += "    ; __append(\"%>\")\n";
    } else if (line == "%>" || line == "-%>" || line == "_%>") {
      if (mode_ == Mode::kLiteral) add_output(line);
      mode_ = Mode::kNone;
      truncate_ = line[0] == '-' || line[0] == '_';
    } else if (mode_ != Mode::kNone) {
      std::string code(line);
      if (mode_ == Mode::kEval || mode_ == Mode::kEscaped || mode_ == Mode::kRaw) {
        std::size_t slashes = code.rfind("//");
        std::size_t nl = code.rfind('\n');
        if (slashes != std::string::npos && (nl == std::string::npos || slashes > nl)) {
          code += '\n';
        }
      }
      switch (mode_) {
        case Mode::kEval:
          source_ += "    ; " + code + "\n";
          break;
        case Mode::kEscaped:
          source_ += "    ; __append(escapeFn(" + strip_semi(code) + "))\n";
          break;
        case Mode::kRaw:
          source_ += "    ; __append(" + strip_semi(code) + ")\n";
          break;
        case Mode::kLiteral:
          add_output(line);
          break;
        default:
          break;
      }
    } else {
      add_output(line);
    }
    if (new_lines > 0) {
      current_line_ += new_lines;
      source_ += "    ; __line = " + std::to_string(current_line_) + "\n";
    }
  }

  std::string take() { return std::move(source_); }

 private:
  void add_output(std::string_view line) {
    if (truncate_) {
      if (line.starts_with("\r\n")) {
        line.remove_prefix(2);
      } else if (line.starts_with("\n") || line.starts_with("\r")) {
        line.remove_prefix(1);
      }
      truncate_ = false;
    }
    if (line.empty()) return;
    source_ += "    ; __append(\"";
    for (char c : line) {
      switch (c) {
        case '\\':
          source_ += "\\\\";
          break;
        case '\n':
          source_ += "\\n";
          break;
        case '\r':
          source_ += "\\r";
          break;
        case '"':
          source_ += "\\\"";
          break;
        default:
          source_ += c;
      }
    }
    source_ += "\")\n";
  }

  std::string source_;
  Mode mode_ = Mode::kNone;
  bool truncate_ = false;
  int current_line_ = 1;
};

int line_at(const std::vector<std::string_view>& parts, std::size_t index) {
  int line = 1;
  for (std::size_t i = 0; i < index; ++i) {
    for (char c : parts[i]) line += c == '\n';
  }
  return line;
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  liquid::append_json_string(out, s);
  return out;
}

bool is_plain_text(std::string_view text) {
  return text.find("<%") == std::string_view::npos && text.find("%>") == std::string_view::npos;
}

Result<CompiledBody> compile_body(std::string_view text, std::string_view file) {
  CompiledBody out;
  out.slurped = slurp(text);
  std::vector<std::string_view> parts = split(out.slurped);
  Generator gen;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view line = parts[i];
    if (line.starts_with("<%") && !line.starts_with("<%%")) {
      std::string_view closing = i + 2 < parts.size() ? parts[i + 2] : std::string_view();
      if (closing != "%>" && closing != "-%>" && closing != "_%>") {
        return make_error(ErrorKind::kTemplate,
                          "Could not find matching close tag for \"" + std::string(line) + "\".",
                          {std::string(file), line_at(parts, i), 0});
      }
    }
    gen.scan(line);
  }
  out.body = gen.take();
  return out;
}

Result<std::string> compile(std::string_view text, std::string_view file) {
  auto compiled = compile_body(text, file);
  if (!compiled) return tl::unexpected(compiled.error());
  const std::string& body = compiled->body;
  const std::string& slurped = compiled->slurped;
  std::string src;
  src.reserve(body.size() + slurped.size() + 256);
  src += "var __line = 1\n  , __lines = ";
  src += json_quote(slurped);
  src += "\n  , __filename = undefined;\ntry {\n";
  src += "  var __output = \"\";\n";
  src += "  function __append(s) { if (s !== undefined && s !== null) __output += s }\n";
  src += "  with (locals || {}) {\n";
  src += body;
  src += "  }\n  return __output;\n";
  src += "} catch (e) {\n  rethrow(e, __lines, __filename, __line, escapeFn);\n}\n";
  return src;
}

std::string error_excerpt(std::string_view text, int line) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (true) {
    std::size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl == std::string_view::npos ? nl : nl - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  int start = std::max(line - 3, 0);
  int end = std::min(static_cast<int>(lines.size()), line + 3);
  std::string out;
  for (int i = start; i < end; ++i) {
    int n = i + 1;
    out += (n == line ? " >> " : "    ") + std::to_string(n) + "| ";
    out += lines[static_cast<std::size_t>(i)];
    if (i + 1 < end) out += '\n';
  }
  return out;
}

int line_for_source_line(std::string_view body, int body_line) {
  int line = 1;
  int current = 1;
  std::size_t pos = 0;
  constexpr std::string_view kMarker = "    ; __line = ";
  while (current < body_line && pos < body.size()) {
    std::size_t nl = body.find('\n', pos);
    std::string_view text =
        body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (text.starts_with(kMarker)) {
      int n = 0;
      for (char c : text.substr(kMarker.size())) {
        if (c < '0' || c > '9') break;
        n = n * 10 + (c - '0');
      }
      if (n > 0) line = n;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++current;
  }
  return line;
}

}  // namespace hypergen::ejs
