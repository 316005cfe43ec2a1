#include "prompt/scripted_terminal.h"

#include <algorithm>
#include <cstdlib>

#include "liquid/unicode.h"

namespace hypergen::prompt {

void ScreenModel::ensure_row(int row) {
  if (row >= static_cast<int>(rows_.size())) rows_.resize(static_cast<std::size_t>(row) + 1);
}

void ScreenModel::erase(int row, int from, int to) {
  ensure_row(row);
  auto& cells = rows_[static_cast<std::size_t>(row)];
  for (int c = from; c < to && c < static_cast<int>(cells.size()); ++c) {
    cells[static_cast<std::size_t>(c)] = " ";
  }
}

void ScreenModel::put(std::string cell, int width) {
  if (width == 0) {
    // A combining mark joins the cell before it.
    ensure_row(row_);
    auto& cells = rows_[static_cast<std::size_t>(row_)];
    int at = pending_wrap_ ? column_ : column_ - 1;
    if (at >= 0 && at < static_cast<int>(cells.size())) cells[static_cast<std::size_t>(at)] += cell;
    return;
  }
  if (pending_wrap_ || column_ + width > columns_) {
    ++row_;
    column_ = 0;
    pending_wrap_ = false;
  }
  ensure_row(row_);
  auto& cells = rows_[static_cast<std::size_t>(row_)];
  if (static_cast<int>(cells.size()) < column_ + width) {
    cells.resize(static_cast<std::size_t>(column_ + width), " ");
  }
  cells[static_cast<std::size_t>(column_)] = std::move(cell);
  if (width == 2) cells[static_cast<std::size_t>(column_ + 1)] = "";
  column_ += width;
  if (column_ >= columns_) {
    column_ = columns_ - 1;
    pending_wrap_ = true;
  }
}

void ScreenModel::feed(std::string_view input) {
  std::string joined;
  if (!partial_.empty()) {
    joined = partial_ + std::string(input);
    partial_.clear();
    input = joined;
  }
  std::size_t i = 0;
  while (i < input.size()) {
    char c = input[i];
    if (c == '\x1b') {
      if (i + 1 >= input.size()) {
        partial_ = std::string(input.substr(i));
        return;
      }
      if (input[i + 1] != '[') {
        i += 2;
        continue;
      }
      std::size_t j = i + 2;
      while (j < input.size() && !(input[j] >= 0x40 && input[j] <= 0x7e)) ++j;
      if (j >= input.size()) {
        partial_ = std::string(input.substr(i));
        return;
      }
      std::string params(input.substr(i + 2, j - i - 2));
      char final_byte = input[j];
      i = j + 1;
      bool is_private = !params.empty() && params[0] == '?';
      int n = params.empty() || is_private ? 0 : std::atoi(params.c_str());
      int count = n == 0 ? 1 : n;
      switch (final_byte) {
        case 'A':
          row_ = std::max(0, row_ - count);
          pending_wrap_ = false;
          break;
        case 'B':
          row_ += count;
          ensure_row(row_);
          pending_wrap_ = false;
          break;
        case 'C':
          column_ = std::min(columns_ - 1, column_ + count);
          pending_wrap_ = false;
          break;
        case 'D':
          column_ = std::max(0, column_ - count);
          pending_wrap_ = false;
          break;
        case 'G':
          column_ = std::clamp(count - 1, 0, columns_ - 1);
          pending_wrap_ = false;
          break;
        case 'E':
        case 'F':
          row_ = final_byte == 'F' ? std::max(0, row_ - count) : row_ + count;
          ensure_row(row_);
          column_ = 0;
          pending_wrap_ = false;
          break;
        case 'K':
          if (n == 0) erase(row_, column_, columns_);
          if (n == 1) erase(row_, 0, column_ + 1);
          if (n == 2) erase(row_, 0, columns_);
          break;
        case 'J':
          if (n == 0) {
            erase(row_, column_, columns_);
            if (row_ + 1 < static_cast<int>(rows_.size())) {
              rows_.resize(static_cast<std::size_t>(row_) + 1);
            }
          }
          break;
        case 'h':
        case 'l':
          if (params == "?25") cursor_visible_ = final_byte == 'h';
          break;
        default:  // 'm' (colours) and anything else: no effect on the text
          break;
      }
      continue;
    }
    if (c == '\r') {
      column_ = 0;
      pending_wrap_ = false;
      ++i;
      continue;
    }
    if (c == '\n') {  // the tty's ONLCR: LF moves to the next line's start
      ++row_;
      ensure_row(row_);
      column_ = 0;
      pending_wrap_ = false;
      ++i;
      continue;
    }
    if (c == '\b') {
      column_ = std::max(0, column_ - 1);
      pending_wrap_ = false;
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) {  // BEL and friends
      ++i;
      continue;
    }
    std::size_t start = i;
    char32_t cp = liquid::utf8_decode(input, i);
    put(std::string(input.substr(start, i - start)), code_point_width(cp));
  }
}

std::string ScreenModel::row_text(int row) const {
  std::string line;
  for (const std::string& cell : rows_[static_cast<std::size_t>(row)]) line += cell;
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

std::string ScreenModel::text() const {
  std::vector<std::string> lines;
  for (int r = 0; r < static_cast<int>(rows_.size()); ++r) lines.push_back(row_text(r));
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    out += lines[i];
  }
  return out;
}

std::string ScreenModel::last_line() const {
  for (int r = static_cast<int>(rows_.size()) - 1; r >= 0; --r) {
    std::string line = row_text(r);
    if (!line.empty()) return line;
  }
  return {};
}

void ScriptedTerminal::resize(TerminalSize size) {
  size_ = size;
  screen_.set_columns(size.columns);
  resize_pending_ = true;
}

Status ScriptedTerminal::enter_raw() {
  if (!raw_) ++raw_entries_;
  raw_ = true;
  return {};
}

void ScriptedTerminal::leave_raw() {
  raw_ = false;
}

Result<Key> ScriptedTerminal::read_key() {
  if (resize_pending_) {
    resize_pending_ = false;
    return Key::of(KeyType::kResize);
  }
  std::string_view rest = remaining();
  std::size_t used = 0;
  auto key = decode_key(rest, true, used);
  if (!key) return make_error(ErrorKind::kIo, "scripted terminal: no more keys");
  pos_ += used;
  return *key;
}

void ScriptedTerminal::write(std::string_view text) {
  output_ += text;
  screen_.feed(text);
}

}  // namespace hypergen::prompt
