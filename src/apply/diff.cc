#include "apply/diff.h"

#include <algorithm>
#include <vector>

#include <dtl/dtl.hpp>

namespace hypergen::apply {
namespace {

constexpr std::size_t kContext = 3;

// Lines with their terminator ("a\n"), the last one possibly without.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find('\n', i);
    std::size_t end = j == std::string_view::npos ? text.size() : j + 1;
    out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

struct Edit {
  int type;  // -1 delete, 0 common, +1 add
  std::string_view line;
};

struct Colors {
  const char* header;
  const char* hunk;
  const char* del;
  const char* add;
  const char* reset;
};

std::string range(std::size_t start, std::size_t count) {
  if (count == 1) return std::to_string(start);
  return std::to_string(start) + "," + std::to_string(count);
}

void emit_line(std::string& out, char mark, std::string_view line, const char* color,
               const char* reset) {
  bool has_newline = !line.empty() && line.back() == '\n';
  if (has_newline) line.remove_suffix(1);
  out += color;
  out += mark;
  out.append(line);
  out += reset;
  out += '\n';
  if (!has_newline) out += "\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view display_path, std::string_view before,
                         std::string_view after, bool color, bool is_new) {
  if (!is_new && before == after) return {};
  Colors c = color ? Colors{"\x1b[1m", "\x1b[36m", "\x1b[31m", "\x1b[32m", "\x1b[m"}
                   : Colors{"", "", "", "", ""};
  auto old_lines = split_lines(is_new ? std::string_view() : before);
  auto new_lines = split_lines(after);

  std::vector<Edit> edits;
  {
    dtl::Diff<std::string_view> diff(old_lines, new_lines);
    if (old_lines.size() + new_lines.size() > 20'000) diff.onHuge();
    diff.compose();
    for (const auto& [line, info] : diff.getSes().getSequence()) {
      edits.push_back(Edit{static_cast<int>(info.type), line});
    }
  }
  // Within a run of changes, show the removed lines first, then the added
  // ones, as git does.
  for (std::size_t run = 0; run < edits.size();) {
    if (edits[run].type == 0) {
      ++run;
      continue;
    }
    std::size_t run_end = run;
    while (run_end < edits.size() && edits[run_end].type != 0) ++run_end;
    std::stable_partition(edits.begin() + static_cast<std::ptrdiff_t>(run),
                          edits.begin() + static_cast<std::ptrdiff_t>(run_end),
                          [](const Edit& e) { return e.type < 0; });
    run = run_end;
  }

  std::string out;
  out += c.header;
  out += is_new ? std::string("--- /dev/null") : "--- a/" + std::string(display_path);
  out += c.reset;
  out += '\n';
  out += c.header;
  out += "+++ b/";
  out.append(display_path);
  out += c.reset;
  out += '\n';

  // old/new line numbers consumed before each edit
  std::vector<std::size_t> old_before(edits.size() + 1), new_before(edits.size() + 1);
  for (std::size_t i = 0; i < edits.size(); ++i) {
    old_before[i + 1] = old_before[i] + (edits[i].type <= 0 ? 1 : 0);
    new_before[i + 1] = new_before[i] + (edits[i].type >= 0 ? 1 : 0);
  }

  std::size_t i = 0;
  while (i < edits.size()) {
    if (edits[i].type == 0) {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines after
    // the last change that is at most 2*kContext common lines further.
    std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t last_change = i;
    std::size_t j = i + 1;
    while (j < edits.size()) {
      if (edits[j].type != 0) {
        last_change = j;
        ++j;
        continue;
      }
      std::size_t k = j;
      while (k < edits.size() && edits[k].type == 0) ++k;
      if (k < edits.size() && k - j <= 2 * kContext) {
        j = k;
        continue;
      }
      break;
    }
    std::size_t end = std::min(edits.size(), last_change + 1 + kContext);
    std::size_t old_count = old_before[end] - old_before[start];
    std::size_t new_count = new_before[end] - new_before[start];
    std::size_t old_start = old_count > 0 ? old_before[start] + 1 : old_before[start];
    std::size_t new_start = new_count > 0 ? new_before[start] + 1 : new_before[start];
    out += c.hunk;
    out += "@@ -" + range(old_start, old_count) + " +" + range(new_start, new_count) + " @@";
    out += c.reset;
    out += '\n';
    for (std::size_t k = start; k < end; ++k) {
      const Edit& e = edits[k];
      if (e.type == 0) {
        emit_line(out, ' ', e.line, "", "");
      } else if (e.type < 0) {
        emit_line(out, '-', e.line, c.del, c.reset);
      } else {
        emit_line(out, '+', e.line, c.add, c.reset);
      }
    }
    i = end;
  }
  return out;
}

}  // namespace hypergen::apply
