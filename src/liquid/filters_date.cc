// Date filters, as LiquidJS 10 implements them: `date` formats with LiquidJS's
// strftime (flags - _ 0 ^ # :, widths, %N/%L/%q/%s/%z/%:z/%Z, English names),
// inputs are "now"/"today", numbers and digit strings (seconds since the
// epoch) or date strings as JavaScript's Date parses them (ISO 8601 and the
// common legacy forms). The time zone is FilterContext::utc_offset_minutes
// (kLocalTime: the process's zone via localtime_r), or the filter's second
// argument in JavaScript's convention (minutes *west* of UTC, or "UTC").
#include <time.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "liquid/filters_internal.h"
#include "liquid/unicode.h"

namespace hypergen::liquid::filters {

namespace {

constexpr std::int64_t kMsPerDay = 86400000;
constexpr double kMaxJsTime = 8.64e15;

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Minutes east of UTC of the process's local zone at `ms`.
int local_offset_minutes(std::int64_t ms) {
  time_t t = static_cast<time_t>(floor_div(ms, 1000));
  struct tm tm_local {};
  if (localtime_r(&t, &tm_local) == nullptr) return 0;
  return static_cast<int>(tm_local.tm_gmtoff / 60);
}

// What Intl.DateTimeFormat().resolvedOptions().timeZone reports.
std::string local_zone_name() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string_view name(tz);
    if (name.front() == ':') name.remove_prefix(1);
    if (auto p = name.find("zoneinfo/"); p != std::string_view::npos) name.remove_prefix(p + 9);
    return std::string(name);
  }
  char buf[512];
  ssize_t n = readlink("/etc/localtime", buf, sizeof buf - 1);
  if (n > 0) {
    std::string_view link(buf, static_cast<std::size_t>(n));
    if (auto p = link.find("zoneinfo/"); p != std::string_view::npos) {
      return std::string(link.substr(p + 9));
    }
  }
  return "UTC";
}

// Where the date is shown: a fixed offset (with an optional name for %Z) or
// the local zone.
struct Zone {
  bool local = true;
  int offset_minutes = 0;  // east of UTC, when !local
  std::string name;        // %Z for a named fixed zone; empty: print the offset
};

Zone context_zone(const FilterContext& ctx) {
  Zone z;
  if (ctx.utc_offset_minutes != FilterContext::kLocalTime) {
    z.local = false;
    z.offset_minutes = ctx.utc_offset_minutes;
  }
  return z;
}

int offset_at(const Zone& zone, std::int64_t ms) {
  return zone.local ? local_offset_minutes(ms) : zone.offset_minutes;
}

// Milliseconds since the epoch for a wall-clock time in `zone`.
std::int64_t from_wall_clock(const Zone& zone, std::int64_t wall_ms) {
  if (!zone.local) return wall_ms - std::int64_t{zone.offset_minutes} * 60000;
  std::int64_t guess = wall_ms - std::int64_t{local_offset_minutes(wall_ms)} * 60000;
  return wall_ms - std::int64_t{local_offset_minutes(guess)} * 60000;
}

// ---- parsing (JavaScript Date) --------------------------------------------

struct Parsed {
  std::int64_t year = 2001;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
  std::optional<int> offset;  // minutes east; nullopt: wall clock in the zone
};

std::optional<std::int64_t> to_ms(const Parsed& p, const Zone& zone) {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 || p.hour > 24 || p.minute > 59 ||
      p.second > 59) {
    return std::nullopt;
  }
  if (p.hour == 24 && (p.minute || p.second || p.ms)) return std::nullopt;
  if (p.year < -271821 || p.year > 275760) return std::nullopt;
  std::int64_t days =
      days_from_civil(p.year, static_cast<unsigned>(p.month), static_cast<unsigned>(p.day));
  std::int64_t wall = days * kMsPerDay + ((p.hour * 60LL + p.minute) * 60 + p.second) * 1000 + p.ms;
  std::int64_t ms = p.offset ? wall - std::int64_t{*p.offset} * 60000 : from_wall_clock(zone, wall);
  if (std::fabs(static_cast<double>(ms)) > kMaxJsTime) return std::nullopt;
  return ms;
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool done() const { return i_ >= s_.size(); }
  char peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  // Exactly n digits.
  bool digits(int n, int& out) {
    int v = 0;
    for (int k = 0; k < n; ++k) {
      char c = peek(static_cast<std::size_t>(k));
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i_ += static_cast<std::size_t>(n);
    out = v;
    return true;
  }
  // One or more digits; returns the count.
  int number(std::int64_t& out) {
    int n = 0;
    std::int64_t v = 0;
    while (peek() >= '0' && peek() <= '9') {
      if (n < 18) v = v * 10 + (peek() - '0');
      ++i_, ++n;
    }
    out = v;
    return n;
  }
  std::size_t pos() const { return i_; }
  void set_pos(std::size_t p) { i_ = p; }
  std::string_view rest() const { return s_.substr(i_); }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

// "+HH:MM", "+HHMM", "+HH" → minutes east.
bool parse_offset(Scanner& sc, int& out) {
  char sign = sc.peek();
  if (sign != '+' && sign != '-') return false;
  sc.eat(sign);
  int h = 0, m = 0;
  if (!sc.digits(2, h)) return false;
  if (sc.eat(':')) {
    if (!sc.digits(2, m)) return false;
  } else {
    sc.digits(2, m);
  }
  out = (sign == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

bool parse_time(Scanner& sc, Parsed& p) {
  if (!sc.digits(2, p.hour) || !sc.eat(':') || !sc.digits(2, p.minute)) return false;
  if (sc.eat(':')) {
    if (!sc.digits(2, p.second)) return false;
    if (sc.eat('.') || sc.eat(',')) {
      int count = 0;
      int ms = 0;
      while (sc.peek() >= '0' && sc.peek() <= '9') {
        if (count < 3) ms = ms * 10 + (sc.peek() - '0');
        ++count;
        sc.set_pos(sc.pos() + 1);
      }
      if (count == 0) return false;
      for (int k = count; k < 3; ++k) ms *= 10;
      p.ms = ms;
    }
  }
  return true;
}

// ECMAScript's date-time string format (plus a space instead of "T").
std::optional<Parsed> parse_iso(std::string_view s) {
  Scanner sc(s);
  Parsed p;
  if (sc.peek() == '+' || sc.peek() == '-') {
    bool negative = sc.peek() == '-';
    sc.eat(sc.peek());
    int y = 0;
    if (!sc.digits(6, y)) return std::nullopt;
    p.year = negative ? -y : y;
  } else {
    int y = 0;
    if (!sc.digits(4, y)) return std::nullopt;
    p.year = y;
  }
  bool date_only = true;
  if (sc.eat('-')) {
    if (!sc.digits(2, p.month)) return std::nullopt;
    if (sc.eat('-') && !sc.digits(2, p.day)) return std::nullopt;
  }
  if (sc.peek() == 'T' || sc.peek() == 't' || (sc.peek() == ' ' && sc.peek(3) == ':')) {
    sc.set_pos(sc.pos() + 1);
    if (!parse_time(sc, p)) return std::nullopt;
    date_only = false;
    int off = 0;
    if (sc.eat('Z') || sc.eat('z')) {
      p.offset = 0;
    } else if (parse_offset(sc, off)) {
      p.offset = off;
    }
  }
  if (!sc.done()) return std::nullopt;
  if (date_only) p.offset = 0;  // date-only forms are UTC
  return p;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

// A forgiving parser for the legacy forms JavaScript's Date also accepts:
// "Jan 15, 2024 10:00", "Mon, 15 Jan 2024 10:00:00 GMT", "2024/01/15",
// "1/15/2024 10:20 PM", "15 January 2024 +0100".
std::optional<Parsed> parse_legacy(std::string_view s) {
  Parsed p;
  std::optional<int> month;
  std::optional<std::int64_t> year;
  std::optional<int> day;
  std::vector<std::int64_t> loose;  // numbers not yet placed
  int pm = -1;                      // -1: none, 0: am, 1: pm
  bool have_time = false;
  Scanner sc(s);
  while (!sc.done()) {
    char c = sc.peek();
    if (c == '(') {  // comment
      while (!sc.done() && sc.peek() != ')') sc.set_pos(sc.pos() + 1);
      sc.eat(')');
      continue;
    }
    if ((c == '+' || c == '-') && have_time && sc.peek(1) >= '0' && sc.peek(1) <= '9') {
      int off;
      if (!parse_offset(sc, off)) return std::nullopt;
      p.offset = off;
      continue;
    }
    if (c >= '0' && c <= '9') {
      std::size_t start = sc.pos();
      std::int64_t n;
      int len = sc.number(n);
      if (sc.peek() == ':' && !have_time) {
        sc.set_pos(start);
        if (len == 1) {
          // "9:05" — pad to the two-digit form parse_time expects.
          std::string padded = "0" + std::string(sc.rest());
          Scanner sub(padded);
          if (!parse_time(sub, p)) return std::nullopt;
          sc.set_pos(start + sub.pos() - 1);
        } else if (!parse_time(sc, p)) {
          return std::nullopt;
        }
        have_time = true;
        continue;
      }
      if (sc.peek() == '/' || (sc.peek() == '-' && !month)) {
        // n/n/n or n-n-n
        char sep = sc.peek();
        std::int64_t b = 0, d = 0;
        sc.eat(sep);
        if (!sc.number(b)) return std::nullopt;
        bool third = sc.eat(sep) && sc.number(d);
        if (len >= 3 || n > 31) {
          year = n, month = static_cast<int>(b), day = third ? static_cast<int>(d) : 1;
        } else {
          month = static_cast<int>(n), day = static_cast<int>(b);
          if (third) year = d < 50 ? 2000 + d : (d < 100 ? 1900 + d : d);
        }
        continue;
      }
      loose.push_back(n);
      (void)len;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      std::size_t start = sc.pos();
      while ((sc.peek() >= 'a' && sc.peek() <= 'z') || (sc.peek() >= 'A' && sc.peek() <= 'Z')) {
        sc.set_pos(sc.pos() + 1);
      }
      std::string word = lower_ascii(s.substr(start, sc.pos() - start));
      if (word == "am" || word == "pm") {
        pm = word == "pm";
      } else if (word == "z" || word == "utc" || word == "gmt" || word == "ut") {
        p.offset = 0;
        int off;
        if (parse_offset(sc, off)) p.offset = off;
      } else if (word == "t" && have_time == false) {
        // ISO-like "T" separator inside a legacy string
      } else {
        bool known = false;
        for (std::size_t m = 0; m < kMonths.size(); ++m) {
          if (word.size() >= 3 && lower_ascii(kMonths[m]).starts_with(word)) {
            month = static_cast<int>(m) + 1;
            known = true;
          }
        }
        for (std::string_view d : kDays) {
          if (word.size() >= 3 && lower_ascii(d).starts_with(word)) known = true;
        }
        if (!known) return std::nullopt;
      }
      continue;
    }
    if (c == ',' || c == ' ' || c == '.' || c == '\t' || c == '-' || c == '/') {
      sc.set_pos(sc.pos() + 1);
      continue;
    }
    return std::nullopt;
  }
  for (std::int64_t n : loose) {
    if (!day && n >= 1 && n <= 31 && month) {
      day = static_cast<int>(n);
    } else if (!year) {
      year = n < 50 ? 2000 + n : (n < 100 ? 1900 + n : n);
    } else {
      return std::nullopt;
    }
  }
  if (!month || !day) return std::nullopt;
  p.month = *month;
  p.day = *day;
  if (year) p.year = *year;
  if (pm >= 0) {
    if (p.hour > 12) return std::nullopt;
    if (p.hour == 12) p.hour = 0;
    if (pm == 1) p.hour += 12;
  }
  return p;
}

struct Moment {
  std::int64_t ms;  // since the epoch, UTC
  Zone zone;
};

// LiquidJS parseDate(): nullopt when the input is not a valid date (the
// filter then returns its input unchanged).
std::optional<Moment> parse_date(const Value& v, const Zone& zone, const FilterContext& ctx) {
  Moment m{0, zone};
  double ms;
  if (v.is_number()) {
    ms = v.to_number() * 1000;
  } else if (v.is_string()) {
    const std::string& s = v.as_string();
    if (s == "now" || s == "today") {
      ms = ctx.now_ms ? static_cast<double>(ctx.now_ms())
                      : static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count());
    } else if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos) {
      ms = parse_js_number(s) * 1000;
    } else {
      std::optional<Parsed> p = parse_iso(s);
      if (!p) p = parse_legacy(s);
      if (!p) return std::nullopt;
      std::optional<std::int64_t> t = to_ms(*p, zone);
      if (!t) return std::nullopt;
      ms = static_cast<double>(*t);
    }
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(ms) || std::fabs(ms) > kMaxJsTime) return std::nullopt;
  m.ms = static_cast<std::int64_t>(std::trunc(ms));
  return m;
}

// ---- formatting (LiquidJS strftime) -----------------------------------------

struct Fields {
  std::int64_t year;
  int month, day, hour, minute, second, millis, weekday, yday;
  int offset;  // minutes east
};

Fields fields_of(const Moment& m) {
  Fields f{};
  f.offset = offset_at(m.zone, m.ms);
  std::int64_t wall = m.ms + std::int64_t{f.offset} * 60000;
  std::int64_t days = floor_div(wall, kMsPerDay);
  std::int64_t in_day = wall - days * kMsPerDay;
  Civil c = civil_from_days(days);
  f.year = c.year;
  f.month = static_cast<int>(c.month);
  f.day = static_cast<int>(c.day);
  f.hour = static_cast<int>(in_day / 3600000);
  f.minute = static_cast<int>(in_day / 60000 % 60);
  f.second = static_cast<int>(in_day / 1000 % 60);
  f.millis = static_cast<int>(in_day % 1000);
  f.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  f.yday = static_cast<int>(days - days_from_civil(c.year, 1, 1)) + 1;
  return f;
}

std::string pad_start(std::string s, std::size_t width, char ch) {
  std::size_t len = utf16_length(s);
  if (len >= width) return s;
  return std::string(width - len, ch) + s;
}

std::string two(int v) {
  return pad_start(std::to_string(v), 2, '0');
}

std::string offset_string(int offset, bool colon) {
  int a = std::abs(offset);
  // JS getTimezoneOffset() > 0 (west of UTC) prints "-".
  std::string out = offset < 0 ? "-" : "+";
  out += two(a / 60);
  if (colon) out += ':';
  out += two(a % 60);
  return out;
}

std::string hour12(int h) {
  return std::to_string(h % 12 == 0 ? 12 : h % 12);
}

std::string week_of_year(const Fields& f, int start_day) {
  int since = (f.weekday - start_day + 7) % 7;
  return std::to_string((f.yday - 1 - since + 7) / 7);
}

std::string locale_date(const Fields& f) {
  return std::to_string(f.month) + "/" + std::to_string(f.day) + "/" + std::to_string(f.year);
}
std::string locale_time(const Fields& f) {
  return hour12(f.hour) + ":" + two(f.minute) + ":" + two(f.second) + (f.hour < 12 ? " AM" : " PM");
}

int pad_width(char32_t conv) {
  switch (conv) {
    case 'C':
    case 'd':
    case 'e':
    case 'H':
    case 'I':
    case 'k':
    case 'l':
    case 'm':
    case 'M':
    case 'S':
    case 'U':
    case 'W':
    case 'y':
      return 2;
    case 'j':
    case 'L':
      return 3;
    case 'Y':
      return 4;
    default:
      return 0;
  }
}

bool pads_with_space(char32_t conv) {
  switch (conv) {
    case 'a':
    case 'A':
    case 'b':
    case 'B':
    case 'c':
    case 'e':
    case 'k':
    case 'l':
    case 'p':
    case 'P':
      return true;
    default:
      return false;
  }
}

// The value of one conversion, or nullopt for an unknown one.
std::optional<std::string> convert(char32_t conv, const Moment& m, const Fields& f, bool colon,
                                   int width) {
  switch (conv) {
    case 'a':
      return std::string(kDays[static_cast<std::size_t>(f.weekday)].substr(0, 3));
    case 'A':
      return std::string(kDays[static_cast<std::size_t>(f.weekday)]);
    case 'b':
    case 'h':
      return std::string(kMonths[static_cast<std::size_t>(f.month - 1)].substr(0, 3));
    case 'B':
      return std::string(kMonths[static_cast<std::size_t>(f.month - 1)]);
    case 'c':
      return locale_date(f) + ", " + locale_time(f);
    case 'C':
      return std::to_string(floor_div(f.year, 100));
    case 'd':
    case 'e':
      return std::to_string(f.day);
    case 'H':
    case 'k':
      return std::to_string(f.hour);
    case 'I':
    case 'l':
      return hour12(f.hour);
    case 'j':
      return std::to_string(f.yday);
    case 'L':
      return std::to_string(f.millis);
    case 'm':
      return std::to_string(f.month);
    case 'M':
      return std::to_string(f.minute);
    case 'N': {
      int w = width > 0 ? width : 9;
      std::string s = pad_start(std::to_string(f.millis), 3, '0');
      if (static_cast<int>(s.size()) > w) s.resize(static_cast<std::size_t>(w));
      s.append(static_cast<std::size_t>(w) - s.size(), '0');
      return s;
    }
    case 'p':
      return std::string(f.hour < 12 ? "AM" : "PM");
    case 'P':
      return std::string(f.hour < 12 ? "am" : "pm");
    case 'q': {
      if (f.day >= 11 && f.day <= 13) return std::string("th");
      switch (f.day % 10) {
        case 1:
          return std::string("st");
        case 2:
          return std::string("nd");
        case 3:
          return std::string("rd");
        default:
          return std::string("th");
      }
    }
    case 's':
      return std::to_string(floor_div(m.ms, 1000));
    case 'S':
      return std::to_string(f.second);
    case 'u':
      return std::to_string(f.weekday == 0 ? 7 : f.weekday);
    case 'U':
      return week_of_year(f, 0);
    case 'w':
      return std::to_string(f.weekday);
    case 'W':
      return week_of_year(f, 1);
    case 'x':
      return locale_date(f);
    case 'X':
      return locale_time(f);
    case 'y':
      return std::to_string(((f.year % 100) + 100) % 100);
    case 'Y':
      return std::to_string(f.year);
    case 'z':
      return offset_string(f.offset, colon);
    case 'Z':
      if (!m.zone.local) {
        return m.zone.name.empty() ? offset_string(f.offset, colon) : m.zone.name;
      }
      return local_zone_name();
    case 't':
      return std::string("\t");
    case 'n':
      return std::string("\n");
    case '%':
      return std::string("%");
    default:
      return std::nullopt;
  }
}

std::string strftime_js(const Moment& m, std::string_view format) {
  Fields f = fields_of(m);
  std::string out;
  std::size_t i = 0;
  while (i < format.size()) {
    std::size_t pct = format.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(format.substr(i));
      break;
    }
    out.append(format.substr(i, pct - i));
    // /%([-_0^#:]+)?(\d+)?([EO])?(.)/
    std::size_t j = pct + 1;
    std::string flags;
    while (j < format.size() &&
           std::string_view("-_0^#:").find(format[j]) != std::string_view::npos) {
      flags += format[j++];
    }
    std::size_t width_start = j;
    while (j < format.size() && format[j] >= '0' && format[j] <= '9') ++j;
    std::string width_str(format.substr(width_start, j - width_start));
    if (j < format.size() && (format[j] == 'E' || format[j] == 'O') && j + 1 < format.size() &&
        format[j + 1] != '\n') {
      ++j;
    }
    if (j >= format.size() || format[j] == '\n') {
      // No match here ('.' needs a character that is not a line break).
      out += '%';
      i = pct + 1;
      continue;
    }
    std::size_t conv_start = j;
    char32_t conv = utf8_decode(format, j);
    std::string_view whole = format.substr(pct, j - pct);
    (void)conv_start;
    int width = width_str.empty() ? 0 : std::atoi(width_str.substr(0, 6).c_str());
    bool colon = flags.find(':') != std::string::npos;
    std::optional<std::string> value = convert(conv, m, f, colon, width);
    i = j;
    if (!value) {
      out.append(whole);
      continue;
    }
    std::string ret = std::move(*value);
    char pad = pads_with_space(conv) ? ' ' : '0';
    int pad_to = width > 0 ? width : pad_width(conv);
    if (flags.find('^') != std::string::npos) {
      ret = to_upper(ret);
    } else if (flags.find('#') != std::string::npos) {
      bool has_lower = ret.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;
      ret = has_lower ? to_upper(ret) : to_lower(ret);
    }
    if (flags.find('_') != std::string::npos) {
      pad = ' ';
    } else if (flags.find('0') != std::string::npos) {
      pad = '0';
    }
    if (flags.find('-') != std::string::npos) pad_to = 0;
    if (pad == '0' && !ret.empty() && ret[0] == '-') {
      out += '-';
      out += pad_start(ret.substr(1), pad_to > 0 ? static_cast<std::size_t>(pad_to - 1) : 0, pad);
    } else {
      out += pad_start(ret, static_cast<std::size_t>(pad_to), pad);
    }
  }
  return out;
}

// The `date` filter's optional time zone argument: JS minutes west of UTC, or
// a zone name (only UTC-equivalent names are known without a tz database).
Result<Zone> zone_argument(const Value* arg, const FilterContext& ctx) {
  if (arg == nullptr || arg->is_nil()) return context_zone(ctx);
  Zone z;
  z.local = false;
  if (arg->is_number()) {
    z.offset_minutes = static_cast<int>(-std::trunc(arg->to_number()));
    return z;
  }
  std::string name = stringify(*arg);
  if (name == "UTC" || name == "Etc/UTC" || name == "GMT" || name == "Etc/GMT" || name == "Z") {
    z.name = name;
    return z;
  }
  double n = parse_js_number(name);
  if (!std::isnan(n) && !name.empty()) {
    z.offset_minutes = static_cast<int>(-std::trunc(n));
    return z;
  }
  return filter_error(
      "date: unsupported time zone \"" + name +
      "\" (use minutes west of UTC, as JavaScript's getTimezoneOffset, or \"UTC\")");
}

Result<Value> format_date(const Value& input, std::string_view format, const Zone& zone,
                          const FilterContext& ctx) {
  std::optional<Moment> m = parse_date(input, zone, ctx);
  if (!m) return input;
  return Value(strftime_js(*m, format));
}

Result<Value> stringify_date(const Value& input, const FilterArgs& args, const FilterContext& ctx,
                             std::string_view month) {
  std::optional<Moment> m = parse_date(input, context_zone(ctx), ctx);
  if (!m) return input;
  std::string type = stringify(args.at(0));
  if (type == "ordinal") {
    std::string day = std::to_string(fields_of(*m).day);
    std::string style = stringify(args.at(1));
    std::string format = style == "US" ? std::string(month) + " " + day + "%q, %Y"
                                       : day + "%q " + std::string(month) + " %Y";
    return Value(strftime_js(*m, format));
  }
  return Value(strftime_js(*m, "%d " + std::string(month) + " %Y"));
}

}  // namespace

Result<Value> date(const Value& input, const FilterArgs& args, const FilterContext& ctx) {
  Result<Zone> zone = zone_argument(args.at(1), ctx);
  if (!zone) return tl::unexpected(zone.error());
  const Value* format = args.at(0);
  std::string fmt = (format == nullptr || format->is_nil()) ? "%A, %B %-e, %Y at %-l:%M %P %z"
                                                            : stringify(*format);
  return format_date(input, fmt, *zone, ctx);
}

Result<Value> date_to_xmlschema(const Value& input, const FilterArgs&, const FilterContext& ctx) {
  return format_date(input, "%Y-%m-%dT%H:%M:%S%:z", context_zone(ctx), ctx);
}

Result<Value> date_to_rfc822(const Value& input, const FilterArgs&, const FilterContext& ctx) {
  return format_date(input, "%a, %d %b %Y %H:%M:%S %z", context_zone(ctx), ctx);
}

Result<Value> date_to_string(const Value& input, const FilterArgs& args, const FilterContext& ctx) {
  return stringify_date(input, args, ctx, "%b");
}

Result<Value> date_to_long_string(const Value& input, const FilterArgs& args,
                                  const FilterContext& ctx) {
  return stringify_date(input, args, ctx, "%B");
}

}  // namespace hypergen::liquid::filters
