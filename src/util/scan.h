#pragma once
// A tiny cursor for hand-written matchers of fixed number shapes (YAML
// floats, yargs' looksLikeNumber, …). std::regex costs milliseconds to
// construct, which is more than a whole generation should take, so hot
// paths match these shapes with a Scanner instead.

#include <string_view>

namespace hypergen {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  void reset(std::size_t pos) { pos_ = pos; }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  // Consumes one character if it is `c` (or in `set`).
  bool eat(char c) {
    if (at_end() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool eat_any(std::string_view set) {
    if (at_end() || set.find(text_[pos_]) == std::string_view::npos) return false;
    ++pos_;
    return true;
  }
  // Consumes a literal string.
  bool eat_str(std::string_view s) {
    if (text_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  // Consumes characters while they are in [lo, hi] or equal `extra`;
  // returns how many.
  std::size_t eat_range(char lo, char hi, char extra = '\0') {
    std::size_t start = pos_;
    while (!at_end() &&
           ((text_[pos_] >= lo && text_[pos_] <= hi) || (extra != '\0' && text_[pos_] == extra))) {
      ++pos_;
    }
    return pos_ - start;
  }
  std::size_t eat_digits(char extra = '\0') { return eat_range('0', '9', extra); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace hypergen
