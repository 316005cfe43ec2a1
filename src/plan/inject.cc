#include "plan/inject.h"

#include <cmath>
#include <regex>
#include <vector>

#include "args/args.h"

namespace hypergen::plan {

namespace {

using liquid::Value;

struct Pattern {
  std::string source;
  std::string flags;
};

Pattern pattern_of(const frontmatter::Attributes& attrs, std::string_view key, const Value& v) {
  auto it = attrs.regexps.find(key);
  if (it != attrs.regexps.end()) return {it->second.pattern, it->second.flags};
  if (v.is_nil()) return {"null", ""};
  return {v.to_output(), ""};
}

Result<std::regex> compile(const Pattern& p, bool force_multiline_only,
                           const frontmatter::Attributes& attrs, std::string_view key,
                           const std::string& file) {
  auto flags = std::regex::ECMAScript;
  if (force_multiline_only) {
    flags |= std::regex::multiline;
  } else {
    if (p.flags.find('i') != std::string::npos) flags |= std::regex::icase;
    if (p.flags.find('m') != std::string::npos) flags |= std::regex::multiline;
  }
  try {
    return std::regex(p.source, flags);
  } catch (const std::regex_error& e) {
    return make_error(ErrorKind::kTemplate,
                      "invalid regular expression in '" + std::string(key) + "': /" + p.source +
                          "/ (" + e.what() + ")",
                      {file, attrs.line_of(key), 0});
  }
}

std::vector<std::string> split_on(std::string_view text, std::string_view sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto at = text.find(sep, start);
    if (at == std::string_view::npos) {
      out.emplace_back(text.substr(start));
      break;
    }
    out.emplace_back(text.substr(start, at - start));
    start = at + sep.size();
  }
  return out;
}

long count_breaks(std::string_view text) {
  long n = 0;
  for (char c : text) {
    if (c == '\n') ++n;
  }
  return n;
}

bool ends_with_break(std::string_view s) {
  return !s.empty() && s.back() == '\n';
}

// JavaScript `idx >= 0` then splice's ToIntegerOrInfinity, for at_line.
std::optional<long> at_line_index(const Value& v) {
  double d;
  if (v.is_nil()) {
    d = 0;
  } else if (v.is_bool()) {
    d = v.as_bool() ? 1 : 0;
  } else if (v.is_number() || v.is_string()) {
    d = v.to_number();
  } else if (v.is_array()) {
    // [] → "" → 0; [n] → n; otherwise NaN.
    const auto& a = v.as_array();
    if (a.empty())
      d = 0;
    else if (a.size() == 1)
      d = liquid::parse_js_number(a[0].to_output());
    else
      d = std::nan("");
  } else {
    d = std::nan("");
  }
  if (std::isnan(d) || d < 0) return std::nullopt;
  if (std::isinf(d)) return std::numeric_limits<long>::max();
  return static_cast<long>(std::trunc(d));
}

}  // namespace

Result<InjectOutcome> inject(std::string_view target, std::string_view body,
                             const frontmatter::Attributes& attrs, const std::string& file) {
  InjectOutcome out;
  out.text = std::string(target);
  std::string target_str(target);
  if (const Value* skip = attrs.find("skip_if"); skip && args::js_truthy(*skip)) {
    auto re = compile(pattern_of(attrs, "skip_if", *skip), false, attrs, "skip_if", file);
    if (!re) return tl::unexpected(re.error());
    if (std::regex_search(target_str, *re)) {
      out.kind = InjectOutcome::Kind::kSkipIfMatched;
      return out;
    }
  }
  long crlf = 0, lf = 0;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '\n') {
      if (i > 0 && target[i - 1] == '\r')
        ++crlf;
      else
        ++lf;
    }
  }
  std::string nl = (crlf > lf) ? "\r\n" : "\n";
  std::vector<std::string> lines = split_on(target, nl);

  std::optional<long> index = -1;
  for (const auto& [key, value] : attrs.values.as_object()) {
    if (key == "prepend") {
      index = 0;
    } else if (key == "append") {
      index = static_cast<long>(lines.size()) - 1;
    } else if (key == "at_line") {
      index = at_line_index(value);
    } else if (key == "before" || key == "after") {
      bool after = key == "after";
      Pattern p = pattern_of(attrs, key, value);
      auto re = compile(p, false, attrs, key, file);
      if (!re) return tl::unexpected(re.error());
      long found = -1;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (std::regex_search(lines[i], *re)) {
          found = static_cast<long>(i);
          break;
        }
      }
      if (found >= 0) {
        index = after ? found + 1 : found;
      } else {
        std::string joined;
        for (std::size_t i = 0; i < lines.size(); ++i) {
          if (i) joined += '\n';
          joined += lines[i];
        }
        auto mre = compile(p, true, attrs, key, file);
        if (!mre) return tl::unexpected(mre.error());
        std::smatch m;
        if (std::regex_search(joined, m, *mre)) {
          auto start = static_cast<std::size_t>(m.position(0));
          auto end = start + static_cast<std::size_t>(m.length(0));
          index = after ? count_breaks(std::string_view(joined).substr(0, end)) + 1
                        : count_breaks(std::string_view(joined).substr(0, start));
        } else {
          index = after ? 0 : -1;
        }
      }
    } else {
      continue;
    }
    break;
  }
  if (!index || *index < 0) {
    out.kind = InjectOutcome::Kind::kNoLocation;
    return out;
  }
  std::string piece(body);
  const Value* eof_last = attrs.find("eof_last");
  if (eof_last && eof_last->is_bool() && !eof_last->as_bool() && ends_with_break(piece)) {
    piece.pop_back();
    if (!piece.empty() && piece.back() == '\r') piece.pop_back();
  } else if (eof_last && eof_last->is_bool() && eof_last->as_bool() && !ends_with_break(piece)) {
    piece += nl;
  }
  auto at = static_cast<std::size_t>(std::min<long>(*index, static_cast<long>(lines.size())));
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), std::move(piece));
  std::string result;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) result += nl;
    result += lines[i];
  }
  out.kind = InjectOutcome::Kind::kInserted;
  out.index = static_cast<long>(at);
  out.text = std::move(result);
  return out;
}

}  // namespace hypergen::plan
