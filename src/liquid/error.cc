#include "liquid/error.h"

#include <algorithm>

namespace hypergen::liquid {

namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

LineColumn line_column(std::string_view source, std::size_t offset) {
  offset = std::min(offset, source.size());
  LineColumn lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  for (std::size_t i = line_start; i < offset; ++i) {
    if (!is_continuation(source[i])) ++lc.column;
  }
  return lc;
}

std::string caret_excerpt(std::string_view source, std::size_t offset) {
  offset = std::min(offset, source.size());
  std::size_t newline = source.substr(0, offset).rfind('\n');
  std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  std::size_t line_end = source.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = source.size();
  std::string_view text = source.substr(line_start, line_end - line_start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);

  std::string number = std::to_string(line_column(source, offset).line);
  std::string out = "  " + number + " | ";
  out += text;
  out += '\n';
  out += "  ";
  out.append(number.size(), ' ');
  out += " | ";
  // Pad with spaces (tabs kept, so the caret lines up in a terminal), one per
  // code point before the column.
  for (std::size_t i = line_start; i < offset && i < line_start + text.size(); ++i) {
    if (source[i] == '\t') {
      out += '\t';
    } else if (!is_continuation(source[i])) {
      out += ' ';
    }
  }
  out += '^';
  return out;
}

Error template_error(std::string_view source, std::string_view name, std::size_t offset,
                     std::string message) {
  LineColumn lc = line_column(source, offset);
  Error err;
  err.kind = ErrorKind::kTemplate;
  err.message = std::move(message);
  err.where = SourceLocation{std::string(name), lc.line, lc.column};
  err.context = caret_excerpt(source, offset);
  return err;
}

}  // namespace hypergen::liquid
