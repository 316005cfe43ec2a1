// HTML, URL, base64 and crypto filters, as LiquidJS 10 implements them
// (src/filters/html.ts, url.ts, base64.ts, crypto.ts). URL encoding follows
// JavaScript's encodeURIComponent/encodeURI on UTF-8 bytes; SHA-256 is a
// straightforward FIPS 180-4 implementation.
#include <array>
#include <cstdint>
#include <string>

#include "liquid/filters_internal.h"
#include "liquid/html.h"
#include "liquid/unicode.h"

namespace hypergen::liquid {

void append_escaped_html(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&#34;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace hypergen::liquid

namespace hypergen::liquid::filters {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_escaped_html(out, s);
  return out;
}

std::string unescape_html(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&#34;", '"'}, {"&#39;", '\''}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [entity, ch] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out += ch;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

bool is_unreserved(unsigned char c, std::string_view extra) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("-_.!~*'()").find(static_cast<char>(c)) != std::string_view::npos ||
         (c != 0 && extra.find(static_cast<char>(c)) != std::string_view::npos);
}

// encodeURIComponent (extra = "") / encodeURI (extra = reserved characters).
std::string percent_encode(std::string_view s, std::string_view extra, bool space_as_plus,
                           std::string_view also_encode = {}) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (space_as_plus && c == ' ') {
      out += '+';
    } else if (is_unreserved(c, extra) &&
               also_encode.find(static_cast<char>(c)) == std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// decodeURIComponent: every %XX is decoded; the bytes must form valid UTF-8.
Result<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
    int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
    if (hi < 0 || lo < 0) return filter_error("url_decode: URI malformed");
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  for (std::size_t i = 0; i < out.size();) {
    std::size_t start = i;
    char32_t cp = utf8_decode(out, i);
    if (cp == 0xFFFD && !(i - start == 3 && out.compare(start, 3, "\xEF\xBF\xBD") == 0)) {
      return filter_error("url_decode: URI malformed");
    }
  }
  return out;
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode_bytes(std::string_view s) {
  std::string out;
  out.reserve((s.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    std::uint32_t n = (static_cast<unsigned char>(s[i]) << 16) |
                      (static_cast<unsigned char>(s[i + 1]) << 8) |
                      static_cast<unsigned char>(s[i + 2]);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += kBase64[n & 63];
  }
  if (i + 1 == s.size()) {
    std::uint32_t n = static_cast<unsigned char>(s[i]) << 16;
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == s.size()) {
    std::uint32_t n =
        (static_cast<unsigned char>(s[i]) << 16) | (static_cast<unsigned char>(s[i + 1]) << 8);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

// ---- SHA-256 ------------------------------------------------------------------

class Sha256 {
 public:
  void update(std::string_view data) {
    for (unsigned char c : data) {
      block_[block_len_++] = c;
      if (block_len_ == 64) {
        transform();
        block_len_ = 0;
      }
      bit_len_ += 8;
    }
  }
  std::array<unsigned char, 32> digest() {
    std::uint64_t bits = bit_len_;
    update(std::string_view("\x80", 1));
    while (block_len_ != 56) update(std::string_view("\0", 1));
    for (int k = 7; k >= 0; --k) {
      block_[block_len_++] = static_cast<unsigned char>(bits >> (k * 8));
    }
    transform();
    std::array<unsigned char, 32> out{};
    for (int k = 0; k < 8; ++k) {
      for (int b = 0; b < 4; ++b) {
        out[static_cast<std::size_t>(k * 4 + b)] =
            static_cast<unsigned char>(h_[static_cast<std::size_t>(k)] >> (24 - b * 8));
      }
    }
    return out;
  }

 private:
  static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
  void transform() {
    static constexpr std::uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    std::uint32_t w[64];
    for (int t = 0; t < 16; ++t) {
      w[t] = (std::uint32_t{block_[t * 4]} << 24) | (std::uint32_t{block_[t * 4 + 1]} << 16) |
             (std::uint32_t{block_[t * 4 + 2]} << 8) | std::uint32_t{block_[t * 4 + 3]};
    }
    for (int t = 16; t < 64; ++t) {
      std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6],
                  h = h_[7];
    for (int t = 0; t < 64; ++t) {
      std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      std::uint32_t ch = (e & f) ^ (~e & g);
      std::uint32_t t1 = h + s1 + ch + k[t] + w[t];
      std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      std::uint32_t t2 = s0 + maj;
      h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h_[0] += a, h_[1] += b, h_[2] += c, h_[3] += d, h_[4] += e, h_[5] += f, h_[6] += g, h_[7] += h;
  }

  std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  unsigned char block_[64] = {};
  std::size_t block_len_ = 0;
  std::uint64_t bit_len_ = 0;
};

std::string sha256_raw(std::string_view data) {
  Sha256 h;
  h.update(data);
  auto d = h.digest();
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kLowerHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kLowerHex[c >> 4];
    out += kLowerHex[c & 15];
  }
  return out;
}

// Latin letters with accents → ASCII, as LiquidJS's removeAccents().
std::string remove_accents(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = utf8_decode(s, i);
    const char* r = nullptr;
    if (cp >= 0xE0 && cp <= 0xE5)
      r = "a";
    else if (cp == 0xE6)
      r = "ae";
    else if (cp == 0xE7)
      r = "c";
    else if (cp >= 0xE8 && cp <= 0xEB)
      r = "e";
    else if (cp >= 0xEC && cp <= 0xEF)
      r = "i";
    else if (cp == 0xF0)
      r = "d";
    else if (cp == 0xF1)
      r = "n";
    else if ((cp >= 0xF2 && cp <= 0xF6) || cp == 0xF8)
      r = "o";
    else if (cp >= 0xF9 && cp <= 0xFC)
      r = "u";
    else if (cp == 0xFD || cp == 0xFF)
      r = "y";
    else if (cp == 0xDF)
      r = "ss";
    else if (cp == 0x153)
      r = "oe";
    else if (cp == 0xFE)
      r = "th";
    else if (cp == 0x1E9E)
      r = "SS";
    else if (cp == 0x152)
      r = "OE";
    else if (cp == 0xDE)
      r = "TH";
    if (r) {
      out += r;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace

Result<Value> escape(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(escape_html(stringify(input)));
}

Result<Value> xml_escape(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(escape_html(stringify(input)));
}

Result<Value> escape_once(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(escape_html(unescape_html(stringify(input))));
}

Result<Value> newline_to_br(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = stringify(input);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    if (s[i] == '\n') {
      out += "<br />\n";
    } else {
      out += s[i];
    }
  }
  return Value(std::move(out));
}

Result<Value> strip_html(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = stringify(input);
  // Raw-text blocks first, then any <...>; an opener that is never closed is
  // not tried again (LiquidJS's linear-time algorithm).
  std::array<std::pair<std::string_view, std::string_view>, 4> blocks = {
      {{"<script", "</script>"}, {"<style", "</style>"}, {"<!--", "-->"}, {"<", ">"}}};
  std::array<bool, 4> live = {true, true, true, true};
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t lt = s.find('<', i);
    if (lt == std::string::npos) {
      out.append(s, i);
      return Value(std::move(out));
    }
    out.append(s, i, lt - i);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (!live[b] || s.compare(lt, blocks[b].first.size(), blocks[b].first) != 0) continue;
      std::size_t e = s.find(blocks[b].second, lt + blocks[b].first.size());
      if (e != std::string::npos) {
        i = e + blocks[b].second.size();
        break;
      }
      live[b] = false;
    }
    if (i <= lt) {
      out.append(s, lt);
      return Value(std::move(out));
    }
  }
  return Value(std::move(out));
}

Result<Value> url_encode(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(percent_encode(stringify(input), "", true));
}

Result<Value> cgi_escape(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(percent_encode(stringify(input), "", true, "!'()*"));
}

Result<Value> uri_escape(const Value& input, const FilterArgs&, const FilterContext&) {
  // encodeURI keeps the reserved characters; LiquidJS also keeps [ and ].
  return Value(percent_encode(stringify(input), ";,/?:@&=+$#[]", false));
}

Result<Value> url_decode(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = stringify(input);
  for (char& c : s) {
    if (c == '+') c = ' ';
  }
  Result<std::string> decoded = percent_decode(s);
  if (!decoded) return tl::unexpected(decoded.error());
  return Value(std::move(*decoded));
}

Result<Value> slugify(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::string mode = args.at(0) && !args.at(0)->is_nil() ? stringify(*args.at(0)) : "default";
  bool cased = args.at(1) && args.at(1)->truthy();
  if (mode != "none") {
    bool (*keep)(char32_t) = nullptr;
    if (mode == "raw") {
      keep = [](char32_t cp) { return !is_js_space(cp); };
    } else if (mode == "default" || mode == "latin") {
      keep = [](char32_t cp) { return is_mark(cp) || is_letter(cp) || is_decimal(cp); };
    } else if (mode == "pretty") {
      keep = [](char32_t cp) {
        return is_mark(cp) || is_letter(cp) || is_decimal(cp) ||
               (cp < 0x80 && std::string_view("._~!$&'()+,;=@").find(static_cast<char>(cp)) !=
                                 std::string_view::npos);
      };
    } else if (mode == "ascii") {
      keep = [](char32_t cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
      };
    }
    if (keep != nullptr) {
      if (mode == "latin") s = remove_accents(s);
      std::string out;
      bool in_run = false;
      for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        char32_t cp = utf8_decode(s, i);
        if (keep(cp)) {
          out.append(s, start, i - start);
          in_run = false;
        } else if (!in_run) {
          out += '-';
          in_run = true;
        }
      }
      // .replace(/^-|-$/g, '')
      if (!out.empty() && out.front() == '-') out.erase(0, 1);
      if (!out.empty() && out.back() == '-') out.pop_back();
      s = std::move(out);
    }
  }
  return Value(cased ? s : to_lower(s));
}

Result<Value> base64_encode(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(base64_encode_bytes(stringify(input)));
}

Result<Value> base64_decode(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = stringify(input);
  // LiquidJS isBase64(): whitespace ignored, optional padding, no length ≡ 1 (mod 4).
  std::string clean;
  for (char c : s) {
    if (c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != ' ') clean += c;
  }
  if (clean.size() % 4 == 0) {
    if (clean.ends_with("==")) {
      clean.resize(clean.size() - 2);
    } else if (clean.ends_with("=")) {
      clean.pop_back();
    }
  }
  bool valid = clean.size() % 4 != 1;
  for (char c : clean) {
    if (std::string_view(kBase64).find(c) == std::string_view::npos) valid = false;
  }
  if (!valid) return filter_error("invalid base64 provided to base64_decode");
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : clean) {
    acc = (acc << 6) | static_cast<std::uint32_t>(std::string_view(kBase64).find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  // Buffer#toString('utf8') replaces invalid sequences with U+FFFD.
  std::string text;
  for (std::size_t i = 0; i < out.size();) utf8_append(text, utf8_decode(out, i));
  return Value(std::move(text));
}

Result<Value> sha256(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(to_hex(sha256_raw(stringify(input))));
}

Result<Value> hmac_sha256(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string key = stringify(args.at(0));
  if (key.size() > 64) key = sha256_raw(key);
  key.resize(64, '\0');
  std::string inner(64, '\0');
  std::string outer(64, '\0');
  for (std::size_t i = 0; i < 64; ++i) {
    inner[i] = static_cast<char>(key[i] ^ 0x36);
    outer[i] = static_cast<char>(key[i] ^ 0x5c);
  }
  std::string inner_hash = sha256_raw(inner + stringify(input));
  return Value(to_hex(sha256_raw(outer + inner_hash)));
}

}  // namespace hypergen::liquid::filters
