#include "prompt/terminal.h"

#include <algorithm>
#include <array>
#include <utility>

#include "liquid/unicode.h"

namespace hypergen::prompt {

namespace {

constexpr char kEsc = '\x1b';

std::optional<Key> wait_or(bool complete, std::optional<Key> key, std::size_t n,
                           std::size_t& used) {
  if (!complete) {
    used = 0;
    return std::nullopt;
  }
  used = n;
  return key;
}

// Final byte (and first parameter) of a CSI sequence → key.
Key csi_key(char final_byte, int first_param) {
  switch (final_byte) {
    case 'A':
    case 'a':
      return Key::of(KeyType::kUp);
    case 'B':
    case 'b':
      return Key::of(KeyType::kDown);
    case 'C':
    case 'c':
      return Key::of(KeyType::kRight);
    case 'D':
    case 'd':
      return Key::of(KeyType::kLeft);
    case 'H':
      return Key::of(KeyType::kHome);
    case 'F':
      return Key::of(KeyType::kEnd);
    case 'Z':
      return Key::of(KeyType::kShiftTab);
    case '~':
      switch (first_param) {
        case 1:
        case 7:
          return Key::of(KeyType::kHome);
        case 4:
        case 8:
          return Key::of(KeyType::kEnd);
        case 3:
          return Key::of(KeyType::kDelete);
        case 5:
          return Key::of(KeyType::kPageUp);
        case 6:
          return Key::of(KeyType::kPageDown);
        default:
          return Key::of(KeyType::kUnknown);
      }
    default:
      return Key::of(KeyType::kUnknown);
  }
}

// `bytes` starts with ESC '['.
std::optional<Key> decode_csi(std::string_view bytes, bool complete, std::size_t& used) {
  std::size_t i = 2;
  int first_param = -1;
  bool in_first = true;
  while (i < bytes.size()) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x30 && c <= 0x3f) {  // parameter bytes
      if (in_first && c >= '0' && c <= '9') {
        first_param = (first_param < 0 ? 0 : first_param * 10) + (c - '0');
        if (first_param > 10000) first_param = 10000;
      } else {
        in_first = false;
      }
      ++i;
      continue;
    }
    if (c >= 0x20 && c <= 0x2f) {  // intermediate bytes
      ++i;
      continue;
    }
    if (c >= 0x40 && c <= 0x7e) {
      // The Linux console's F1–F5: ESC [ [ A … E.
      if (c == '[' && i == 2) {
        if (i + 1 < bytes.size()) {
          used = i + 2;
          return Key::of(KeyType::kUnknown);
        }
        return wait_or(complete, Key::of(KeyType::kUnknown), bytes.size(), used);
      }
      used = i + 1;
      return csi_key(static_cast<char>(c), first_param);
    }
    // Not a CSI byte: the sequence was cut short; drop what we have.
    used = i;
    return Key::of(KeyType::kUnknown);
  }
  return wait_or(complete, Key::of(KeyType::kUnknown), bytes.size(), used);
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;  // invalid lead: U+FFFD for this one byte
}

}  // namespace

std::optional<Key> decode_key(std::string_view bytes, bool complete, std::size_t& used) {
  used = 0;
  if (bytes.empty()) return std::nullopt;
  auto b0 = static_cast<unsigned char>(bytes[0]);

  if (b0 == static_cast<unsigned char>(kEsc)) {
    if (bytes.size() == 1) return wait_or(complete, Key::of(KeyType::kEscape), 1, used);
    char b1 = bytes[1];
    if (b1 == '[') return decode_csi(bytes, complete, used);
    if (b1 == 'O') {
      if (bytes.size() < 3) return wait_or(complete, Key::of(KeyType::kUnknown), 2, used);
      used = 3;
      // SS3 (application cursor keys): the same letters as CSI.
      char c = bytes[2];
      bool known = (c >= 'A' && c <= 'D') || (c >= 'a' && c <= 'd') || c == 'H' || c == 'F';
      return known ? csi_key(c, -1) : Key::of(KeyType::kUnknown);
    }
    if (b1 == kEsc) {
      // ESC ESC [ … is Option/Alt + a special key; a bare ESC ESC is Escape.
      if (bytes.size() >= 3 && (bytes[2] == '[' || bytes[2] == 'O')) {
        std::size_t inner = 0;
        auto key = decode_key(bytes.substr(1), complete, inner);
        if (!key) return std::nullopt;
        used = inner + 1;
        key->alt = true;
        return key;
      }
      if (bytes.size() == 2 && !complete) return std::nullopt;
      used = 2;
      Key key = Key::of(KeyType::kEscape);
      key.alt = true;
      return key;
    }
    // Alt + one key.
    std::size_t inner = 0;
    auto key = decode_key(bytes.substr(1), complete, inner);
    if (!key) return std::nullopt;
    used = inner + 1;
    key->alt = true;
    return key;
  }

  used = 1;
  switch (b0) {
    case '\r':
    case '\n':
      return Key::of(KeyType::kEnter);
    case 0x7f:
    case 0x08:
      return Key::of(KeyType::kBackspace);
    case '\t':
      return Key::of(KeyType::kTab);
    case ' ':
      return Key{KeyType::kSpace, " ", 0, false};
    default:
      break;
  }
  if (b0 >= 0x01 && b0 <= 0x1a) return Key::control(static_cast<char>('a' + b0 - 1));
  if (b0 < 0x20) return Key::of(KeyType::kUnknown);
  if (b0 < 0x80) return Key::character(std::string(1, static_cast<char>(b0)));

  std::size_t want = utf8_length(b0);
  if (want > 1 && bytes.size() < want) {
    bool continuation_so_far = true;
    for (std::size_t i = 1; i < bytes.size(); ++i) {
      auto c = static_cast<unsigned char>(bytes[i]);
      if (c < 0x80 || c > 0xbf) continuation_so_far = false;
    }
    if (continuation_so_far && !complete) {
      used = 0;
      return std::nullopt;
    }
  }
  std::size_t i = 0;
  char32_t cp = liquid::utf8_decode(bytes, i);
  used = i;
  std::string text;
  liquid::utf8_append(text, cp);
  return Key::character(std::move(text));
}

namespace {

struct Range {
  char32_t first, last;
};

// Wide (W) and full-width (F) characters of Unicode's EastAsianWidth.txt,
// emoji presentation included, merged into ranges.
constexpr std::array kWide = {
    Range{0x1100, 0x115f},   Range{0x231a, 0x231b},   Range{0x2329, 0x232a},
    Range{0x23e9, 0x23ec},   Range{0x23f0, 0x23f0},   Range{0x23f3, 0x23f3},
    Range{0x25fd, 0x25fe},   Range{0x2614, 0x2615},   Range{0x2648, 0x2653},
    Range{0x267f, 0x267f},   Range{0x2693, 0x2693},   Range{0x26a1, 0x26a1},
    Range{0x26aa, 0x26ab},   Range{0x26bd, 0x26be},   Range{0x26c4, 0x26c5},
    Range{0x26ce, 0x26ce},   Range{0x26d4, 0x26d4},   Range{0x26ea, 0x26ea},
    Range{0x26f2, 0x26f3},   Range{0x26f5, 0x26f5},   Range{0x26fa, 0x26fa},
    Range{0x26fd, 0x26fd},   Range{0x2705, 0x2705},   Range{0x270a, 0x270b},
    Range{0x2728, 0x2728},   Range{0x274c, 0x274c},   Range{0x274e, 0x274e},
    Range{0x2753, 0x2755},   Range{0x2757, 0x2757},   Range{0x2795, 0x2797},
    Range{0x27b0, 0x27b0},   Range{0x27bf, 0x27bf},   Range{0x2b1b, 0x2b1c},
    Range{0x2b50, 0x2b50},   Range{0x2b55, 0x2b55},   Range{0x2e80, 0x303e},
    Range{0x3041, 0x33ff},   Range{0x3400, 0x4dbf},   Range{0x4e00, 0x9fff},
    Range{0xa000, 0xa4cf},   Range{0xa960, 0xa97f},   Range{0xac00, 0xd7a3},
    Range{0xf900, 0xfaff},   Range{0xfe10, 0xfe19},   Range{0xfe30, 0xfe6f},
    Range{0xff00, 0xff60},   Range{0xffe0, 0xffe6},   Range{0x16fe0, 0x16fe4},
    Range{0x17000, 0x18cff}, Range{0x1b000, 0x1b2ff}, Range{0x1f004, 0x1f004},
    Range{0x1f0cf, 0x1f0cf}, Range{0x1f18e, 0x1f18e}, Range{0x1f191, 0x1f19a},
    Range{0x1f200, 0x1f251}, Range{0x1f300, 0x1f64f}, Range{0x1f680, 0x1f6ff},
    Range{0x1f7e0, 0x1f7eb}, Range{0x1f90c, 0x1f9ff}, Range{0x1fa70, 0x1faff},
    Range{0x20000, 0x2fffd}, Range{0x30000, 0x3fffd},
};

constexpr std::array kZero = {
    Range{0x200b, 0x200f},   Range{0x2028, 0x202e},   Range{0x2060, 0x2064},
    Range{0xfe00, 0xfe0f},   Range{0xfeff, 0xfeff},   Range{0x1f3fb, 0x1f3ff},
    Range{0xe0000, 0xe007f}, Range{0xe0100, 0xe01ef},
};

template <std::size_t N>
bool in_ranges(const std::array<Range, N>& ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t c, const Range& r) { return c < r.first; });
  if (it == ranges.begin()) return false;
  --it;
  return cp <= it->last;
}

}  // namespace

int code_point_width(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (in_ranges(kZero, cp) || liquid::is_mark(cp)) return 0;
  return in_ranges(kWide, cp) ? 2 : 1;
}

int display_width(std::string_view text) {
  int width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == kEsc) {
      ++i;
      if (i < text.size() && text[i] == '[') {
        ++i;
        while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7e)) ++i;
      }
      if (i < text.size()) ++i;
      continue;
    }
    width += code_point_width(liquid::utf8_decode(text, i));
  }
  return width;
}

}  // namespace hypergen::prompt
