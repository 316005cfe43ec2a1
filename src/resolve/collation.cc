#include "resolve/collation.h"

#include <array>

namespace hypergen::resolve {

namespace {

constexpr std::string_view kPunctuationOrder = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

struct Ranks {
  std::array<int, 256> primary{};
  constexpr Ranks() {
    for (int c = 0; c < 256; ++c) primary[c] = 1000 + c;  // non-ASCII bytes: after letters
    for (int c = 0; c < 32; ++c) primary[c] = c;          // control characters first
    primary[127] = 31;
    int r = 100;
    for (char c : kPunctuationOrder) primary[static_cast<unsigned char>(c)] = r++;
    for (int c = '0'; c <= '9'; ++c) primary[c] = 200 + (c - '0');
    for (int c = 'a'; c <= 'z'; ++c) {
      primary[c] = 300 + (c - 'a');
      primary[c - 'a' + 'A'] = 300 + (c - 'a');
    }
  }
};

constexpr Ranks kRanks;

}  // namespace

int collate_compare(std::string_view a, std::string_view b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    int pa = kRanks.primary[static_cast<unsigned char>(a[i])];
    int pb = kRanks.primary[static_cast<unsigned char>(b[i])];
    if (pa != pb) return pa < pb ? -1 : 1;
  }
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  // Tertiary: first case difference, lower before upper.
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) {
      bool a_lower = a[i] >= 'a' && a[i] <= 'z';
      return a_lower ? -1 : 1;
    }
  }
  return 0;
}

}  // namespace hypergen::resolve
