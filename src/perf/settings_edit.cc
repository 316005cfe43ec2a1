#include "perf/settings_edit.h"

#include <vector>

#include <nlohmann/json.hpp>

namespace hypergen::perf {

namespace {

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

bool blank_or_comment(std::string_view line) {
  std::size_t i = indent_of(line);
  return i >= line.size() || line[i] == '#' || line[i] == '\r';
}

// `key:` at the start of `line` (after `indent` spaces), followed by space,
// end of line or a comment; returns the offset just after the colon.
std::size_t key_colon(std::string_view line, std::size_t indent, std::string_view key) {
  if (line.size() < indent + key.size() + 1) return 0;
  if (line.substr(indent, key.size()) != key) return 0;
  std::size_t i = indent + key.size();
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != ':') return 0;
  ++i;
  if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
    return 0;
  return i;
}

// The rest of a line after a value, from its comment (" # …") on, or "".
std::string_view trailing_comment(std::string_view rest) {
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '#' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t')) {
      std::size_t start = i;
      while (start > 0 && (rest[start - 1] == ' ' || rest[start - 1] == '\t')) --start;
      return rest.substr(start);
    }
  }
  return {};
}

}  // namespace

Result<std::string> set_yaml_perf_jobs(std::string_view text, int jobs) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.emplace_back(text.substr(pos, end - pos));
    pos = end;
  }
  std::string value = std::to_string(jobs);
  std::size_t perf_line = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (std::size_t c = key_colon(lines[i], 0, "perf")) {
      std::string_view rest = std::string_view(lines[i]).substr(c);
      std::string_view comment = trailing_comment(rest);
      std::string_view val = rest.substr(0, rest.size() - comment.size());
      if (val.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        return make_error(ErrorKind::kData,
                          "'perf:' at line " + std::to_string(i + 1) +
                              " is not a block mapping; set 'perf.jobs: " + value + "' by hand",
                          {"", static_cast<int>(i + 1), 1});
      }
      perf_line = i;
      break;
    }
  }
  if (perf_line == lines.size()) {
    std::string out(text);
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "perf:\n  jobs: " + value + "\n";
    return out;
  }
  std::size_t child_indent = 0;
  std::size_t jobs_line = lines.size();
  for (std::size_t i = perf_line + 1; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (blank_or_comment(l)) continue;
    std::size_t ind = indent_of(l);
    if (ind == 0) break;  // the next top-level key
    if (child_indent == 0) child_indent = ind;
    if (ind == child_indent && key_colon(l, ind, "jobs")) {
      jobs_line = i;
      break;
    }
  }
  if (jobs_line < lines.size()) {
    std::string& l = lines[jobs_line];
    std::size_t c = key_colon(l, child_indent, "jobs");
    bool newline = !l.empty() && l.back() == '\n';
    std::string_view rest = std::string_view(l).substr(c);
    if (newline) rest.remove_suffix(1);
    std::string comment(trailing_comment(rest));
    l = l.substr(0, c) + " " + value + comment + (newline ? "\n" : "");
  } else {
    std::string indent(child_indent == 0 ? 2 : child_indent, ' ');
    if (!lines[perf_line].empty() && lines[perf_line].back() != '\n') lines[perf_line] += '\n';
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(perf_line) + 1,
                 indent + "jobs: " + value + "\n");
  }
  std::string out;
  for (const std::string& l : lines) out += l;
  return out;
}

Result<std::string> set_json_perf_jobs(std::string_view text, int jobs) {
  auto j = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return make_error(ErrorKind::kData, "the project file is not a JSON object");
  }
  if (j.contains("perf") && !j["perf"].is_object()) {
    return make_error(ErrorKind::kData, "'perf' is not an object; set perf.jobs by hand");
  }
  j["perf"]["jobs"] = jobs;
  return j.dump(2) + "\n";
}

}  // namespace hypergen::perf
