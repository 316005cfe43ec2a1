#include "liquid/inflection.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <vector>

#include "liquid/unicode.h"

namespace hypergen::liquid::inflection {

namespace {

// ---- A tiny regex engine for the rule tables --------------------------------
// Supports exactly what inflection's rules use: literals, [classes] and
// [^negated] classes, ^ and $, (capturing) and (?:non-capturing) groups with
// | alternation. Matching is case-insensitive (ASCII) and works on bytes.

class Pattern {
 public:
  explicit Pattern(std::string_view src) {
    std::size_t i = 0;
    root_ = parse_alt(src, i);
    anchored_start_ = src.starts_with('^');
    anchored_end_ = src.ends_with('$');
    max_len_ = max_length(root_);
  }

  static constexpr int kMaxGroups = 10;
  struct Match {
    std::size_t begin = 0, end = 0;
    std::array<long, kMaxGroups * 2> groups{};
  };

  // Leftmost match in `s`, if any.
  bool search(std::string_view s, Match& m) const {
    // Every rule is anchored: only the last max_len_ positions can match
    // a "…$" pattern, only position 0 a "^…" one.
    std::size_t first = 0;
    if (anchored_end_ && s.size() > max_len_) first = s.size() - max_len_;
    std::size_t last = anchored_start_ ? 0 : s.size();
    for (std::size_t start = first; start <= last; ++start) {
      State st{s, {}};
      st.groups.fill(-1);
      std::size_t end = 0;
      Frame done{nullptr, 0, -1, nullptr, &end};
      if (match_alts(root_, st, start, &done)) {
        m.begin = start;
        m.end = end;
        m.groups = st.groups;
        return true;
      }
    }
    return false;
  }

  int group_count() const { return groups_; }

 private:
  struct Node;
  using Seq = std::vector<Node>;
  struct Node {
    enum class Type { kLiteral, kClass, kStart, kEnd, kGroup } type;
    char literal = 0;
    std::bitset<256> set;
    int capture = -1;
    std::vector<Seq> alts;
  };
  struct State {
    std::string_view s;
    std::array<long, kMaxGroups * 2> groups;
  };
  // Continuation: after the current sequence, go on with `seq` from `index`,
  // first closing capture `close` (if ≥ 0). The outermost frame records the
  // match end.
  struct Frame {
    const Seq* seq;
    std::size_t index;
    int close;
    const Frame* next;
    std::size_t* end_out;
  };

  static char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

  std::vector<Seq> parse_alt(std::string_view src, std::size_t& i) {
    std::vector<Seq> alts(1);
    while (i < src.size() && src[i] != ')') {
      char c = src[i];
      if (c == '|') {
        alts.emplace_back();
        ++i;
        continue;
      }
      Node n{};
      if (c == '^') {
        n.type = Node::Type::kStart;
        ++i;
      } else if (c == '$') {
        n.type = Node::Type::kEnd;
        ++i;
      } else if (c == '(') {
        ++i;
        n.type = Node::Type::kGroup;
        if (src.substr(i, 2) == "?:") {
          i += 2;
        } else {
          n.capture = ++groups_;
        }
        n.alts = parse_alt(src, i);
        ++i;  // ')'
      } else if (c == '[') {
        ++i;
        n.type = Node::Type::kClass;
        bool negate = i < src.size() && src[i] == '^';
        if (negate) ++i;
        while (i < src.size() && src[i] != ']') {
          unsigned char ch = static_cast<unsigned char>(fold(src[i]));
          n.set.set(ch);
          if (ch >= 'a' && ch <= 'z') n.set.set(ch - 32u);
          ++i;
        }
        ++i;  // ']'
        if (negate) n.set.flip();
      } else {
        n.type = Node::Type::kLiteral;
        n.literal = fold(c);
        ++i;
      }
      alts.back().push_back(std::move(n));
    }
    return alts;
  }

  bool match_alts(const std::vector<Seq>& alts, State& st, std::size_t pos, const Frame* k) const {
    for (const Seq& seq : alts) {
      if (match_seq(seq, 0, st, pos, k)) return true;
    }
    return false;
  }

  bool resume(State& st, std::size_t pos, const Frame* k) const {
    if (k->seq == nullptr) {
      *k->end_out = pos;
      return true;
    }
    if (k->close >= 0) {
      long& slot = st.groups[static_cast<std::size_t>(k->close) * 2 + 1];
      long saved = slot;
      slot = static_cast<long>(pos);
      if (match_seq(*k->seq, k->index, st, pos, k->next)) return true;
      slot = saved;
      return false;
    }
    return match_seq(*k->seq, k->index, st, pos, k->next);
  }

  bool match_seq(const Seq& seq, std::size_t index, State& st, std::size_t pos,
                 const Frame* k) const {
    for (; index < seq.size(); ++index) {
      const Node& n = seq[index];
      switch (n.type) {
        case Node::Type::kLiteral:
          if (pos >= st.s.size() || fold(st.s[pos]) != n.literal) return false;
          ++pos;
          break;
        case Node::Type::kClass:
          if (pos >= st.s.size() || !n.set.test(static_cast<unsigned char>(st.s[pos]))) {
            return false;
          }
          ++pos;
          break;
        case Node::Type::kStart:
          if (pos != 0) return false;
          break;
        case Node::Type::kEnd:
          if (pos != st.s.size()) return false;
          break;
        case Node::Type::kGroup: {
          Frame after{&seq, index + 1, n.capture, k, nullptr};
          if (n.capture < 0) return match_alts(n.alts, st, pos, &after);
          long& slot = st.groups[static_cast<std::size_t>(n.capture) * 2];
          long saved = slot;
          slot = static_cast<long>(pos);
          if (match_alts(n.alts, st, pos, &after)) return true;
          slot = saved;
          return false;
        }
      }
    }
    return resume(st, pos, k);
  }

  static std::size_t max_length(const std::vector<Seq>& alts) {
    std::size_t best = 0;
    for (const Seq& seq : alts) {
      std::size_t len = 0;
      for (const Node& n : seq) {
        if (n.type == Node::Type::kLiteral || n.type == Node::Type::kClass) ++len;
        if (n.type == Node::Type::kGroup) len += max_length(n.alts);
      }
      best = std::max(best, len);
    }
    return best;
  }

  std::vector<Seq> root_;
  int groups_ = 0;
  bool anchored_start_ = false;
  bool anchored_end_ = false;
  std::size_t max_len_ = 0;
};

struct Rule {
  Pattern pattern;
  bool keep;  // "already in the target form": stop without replacing
  std::string_view replacement;
};

// Replaces the match with `replacement` ($1…$9 → groups; unmatched → "").
std::string apply_replacement(std::string_view s, const Pattern::Match& m,
                              std::string_view replacement) {
  std::string out(s.substr(0, m.begin));
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    char c = replacement[i];
    if (c == '$' && i + 1 < replacement.size() && replacement[i + 1] >= '1' &&
        replacement[i + 1] <= '9') {
      std::size_t g = static_cast<std::size_t>(replacement[i + 1] - '0');
      long b = m.groups[g * 2];
      long e = m.groups[g * 2 + 1];
      if (b >= 0 && e >= b) {
        out.append(s.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
      }
      ++i;
      continue;
    }
    out += c;
  }
  out.append(s.substr(m.end));
  return out;
}

struct RuleSpec {
  const char* pattern;
  const char* replacement;  // nullptr: keep unchanged
};

// inflection 1.13.4, plural_rules, in order.
constexpr RuleSpec kPluralSpecs[] = {
    {"^(m|wom)en$", nullptr},
    {"(pe)ople$", nullptr},
    {"(child)ren$", nullptr},
    {"([ti])a$", nullptr},
    {"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$", nullptr},
    {"(database)s$", nullptr},
    {"(drive)s$", nullptr},
    {"(hi|ti)ves$", nullptr},
    {"(curve)s$", nullptr},
    {"([lr])ves$", nullptr},
    {"([^fo])ves$", nullptr},
    {"([^aeiouy]|qu)ies$", nullptr},
    {"(s)eries$", nullptr},
    {"(m)ovies$", nullptr},
    {"(x|ch|ss|sh)es$", nullptr},
    {"([m|l])ice$", nullptr},
    {"(bus)es$", nullptr},
    {"(o)es$", nullptr},
    {"(shoe)s$", nullptr},
    {"(cris|ax|test)es$", nullptr},
    {"(octop|vir)uses$", nullptr},
    {"(alias|canvas|status|campus)es$", nullptr},
    {"^(summons|bonus)es$", nullptr},
    {"^(ox)en", nullptr},
    {"(matr)ices$", nullptr},
    {"^feet$", nullptr},
    {"^teeth$", nullptr},
    {"^geese$", nullptr},
    {"(quiz)zes$", nullptr},
    {"^(whereas)es$", nullptr},
    {"^(criteri)a$", nullptr},
    {"^genera$", nullptr},
    {"^(m|wom)an$", "$1en"},
    {"(pe)rson$", "$1ople"},
    {"(child)$", "$1ren"},
    {"(drive)$", "$1s"},
    {"^(ox)$", "$1en"},
    {"(ax|test)is$", "$1es"},
    {"(octop|vir)us$", "$1uses"},
    {"(alias|status|canvas|campus)$", "$1es"},
    {"^(summons|bonus)$", "$1es"},
    {"(bu)s$", "$1ses"},
    {"(buffal|tomat|potat)o$", "$1oes"},
    {"([ti])um$", "$1a"},
    {"sis$", "ses"},
    {"(?:([^f])fe|([lr])f)$", "$1$2ves"},
    {"(hi|ti)ve$", "$1ves"},
    {"([^aeiouy]|qu)y$", "$1ies"},
    {"(matr)ix$", "$1ices"},
    {"(vert|ind)ex$", "$1ices"},
    {"(x|ch|ss|sh)$", "$1es"},
    {"([m|l])ouse$", "$1ice"},
    {"^foot$", "feet"},
    {"^tooth$", "teeth"},
    {"^goose$", "geese"},
    {"(quiz)$", "$1zes"},
    {"^(whereas)$", "$1es"},
    {"^(criteri)on$", "$1a"},
    {"^genus$", "genera"},
    {"s$", "s"},
    {"$", "s"},
};

// inflection 1.13.4, singular_rules, in order.
constexpr RuleSpec kSingularSpecs[] = {
    {"^(m|wom)an$", nullptr},
    {"(pe)rson$", nullptr},
    {"(child)$", nullptr},
    {"(drive)$", nullptr},
    {"^(ox)$", nullptr},
    {"(ax|test)is$", nullptr},
    {"(octop|vir)us$", nullptr},
    {"(alias|status|canvas|campus)$", nullptr},
    {"^(summons|bonus)$", nullptr},
    {"(bu)s$", nullptr},
    {"(buffal|tomat|potat)o$", nullptr},
    {"([ti])um$", nullptr},
    {"sis$", nullptr},
    {"(?:([^f])fe|([lr])f)$", nullptr},
    {"(hi|ti)ve$", nullptr},
    {"([^aeiouy]|qu)y$", nullptr},
    {"(x|ch|ss|sh)$", nullptr},
    {"(matr)ix$", nullptr},
    {"([m|l])ouse$", nullptr},
    {"^foot$", nullptr},
    {"^tooth$", nullptr},
    {"^goose$", nullptr},
    {"(quiz)$", nullptr},
    {"^(whereas)$", nullptr},
    {"^(criteri)on$", nullptr},
    {"^genus$", nullptr},
    {"^(m|wom)en$", "$1an"},
    {"(pe)ople$", "$1rson"},
    {"(child)ren$", "$1"},
    {"(database)s$", "$1"},
    {"(drive)s$", "$1"},
    {"^genera$", "genus"},
    {"^(criteri)a$", "$1on"},
    {"([ti])a$", "$1um"},
    {"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$", "$1$2sis"},
    {"(hi|ti)ves$", "$1ve"},
    {"(curve)s$", "$1"},
    {"([lr])ves$", "$1f"},
    {"([a])ves$", "$1ve"},
    {"([^fo])ves$", "$1fe"},
    {"(m)ovies$", "$1ovie"},
    {"([^aeiouy]|qu)ies$", "$1y"},
    {"(s)eries$", "$1eries"},
    {"(x|ch|ss|sh)es$", "$1"},
    {"([m|l])ice$", "$1ouse"},
    {"(bus)es$", "$1"},
    {"(o)es$", "$1"},
    {"(shoe)s$", "$1"},
    {"(cris|ax|test)es$", "$1is"},
    {"(octop|vir)uses$", "$1us"},
    {"(alias|canvas|status|campus)es$", "$1"},
    {"^(summons|bonus)es$", "$1"},
    {"^(ox)en", "$1"},
    {"(matr)ices$", "$1ix"},
    {"(vert|ind)ices$", "$1ex"},
    {"^feet$", "foot"},
    {"^teeth$", "tooth"},
    {"^geese$", "goose"},
    {"(quiz)zes$", "$1"},
    {"^(whereas)es$", "$1"},
    {"ss$", "ss"},
    {"s$", ""},
};

constexpr std::string_view kUncountable[] = {
    "accommodation",
    "adulthood",
    "advertising",
    "advice",
    "aggression",
    "aid",
    "air",
    "aircraft",
    "alcohol",
    "anger",
    "applause",
    "arithmetic",
    "assistance",
    "athletics",
    "bacon",
    "baggage",
    "beef",
    "biology",
    "blood",
    "botany",
    "bread",
    "butter",
    "carbon",
    "cardboard",
    "cash",
    "chalk",
    "chaos",
    "chess",
    "crossroads",
    "countryside",
    "dancing",
    "deer",
    "dignity",
    "dirt",
    "dust",
    "economics",
    "education",
    "electricity",
    "engineering",
    "enjoyment",
    "envy",
    "equipment",
    "ethics",
    "evidence",
    "evolution",
    "fame",
    "fiction",
    "flour",
    "flu",
    "food",
    "fuel",
    "fun",
    "furniture",
    "gallows",
    "garbage",
    "garlic",
    "genetics",
    "gold",
    "golf",
    "gossip",
    "gratitude",
    "grief",
    "guilt",
    "gymnastics",
    "happiness",
    "hardware",
    "harm",
    "hate",
    "hatred",
    "health",
    "heat",
    "help",
    "homework",
    "honesty",
    "honey",
    "hospitality",
    "housework",
    "humour",
    "hunger",
    "hydrogen",
    "ice",
    "importance",
    "inflation",
    "information",
    "innocence",
    "iron",
    "irony",
    "jam",
    "jewelry",
    "judo",
    "karate",
    "knowledge",
    "lack",
    "laughter",
    "lava",
    "leather",
    "leisure",
    "lightning",
    "linguine",
    "linguini",
    "linguistics",
    "literature",
    "litter",
    "livestock",
    "logic",
    "loneliness",
    "luck",
    "luggage",
    "macaroni",
    "machinery",
    "magic",
    "management",
    "mankind",
    "marble",
    "mathematics",
    "mayonnaise",
    "measles",
    "methane",
    "milk",
    "minus",
    "money",
    "mud",
    "music",
    "mumps",
    "nature",
    "news",
    "nitrogen",
    "nonsense",
    "nurture",
    "nutrition",
    "obedience",
    "obesity",
    "oxygen",
    "pasta",
    "patience",
    "physics",
    "poetry",
    "pollution",
    "poverty",
    "pride",
    "psychology",
    "publicity",
    "punctuation",
    "quartz",
    "racism",
    "relaxation",
    "reliability",
    "research",
    "respect",
    "revenge",
    "rice",
    "rubbish",
    "rum",
    "safety",
    "scenery",
    "seafood",
    "seaside",
    "series",
    "shame",
    "sheep",
    "shopping",
    "sleep",
    "smoke",
    "smoking",
    "snow",
    "soap",
    "software",
    "soil",
    "spaghetti",
    "species",
    "steam",
    "stuff",
    "stupidity",
    "sunshine",
    "symmetry",
    "tennis",
    "thirst",
    "thunder",
    "timber",
    "traffic",
    "transportation",
    "trust",
    "underwear",
    "unemployment",
    "unity",
    "validity",
    "veal",
    "vegetation",
    "vegetarianism",
    "vengeance",
    "violence",
    "vitality",
    "warmth",
    "wealth",
    "weather",
    "welfare",
    "wheat",
    "wildlife",
    "wisdom",
    "yoga",
    "zinc",
    "zoology",
};

constexpr std::string_view kNonTitlecased[] = {
    "and", "or",   "nor",  "a",  "an",   "the", "so",  "but", "to",   "of",   "at",
    "by",  "from", "into", "on", "onto", "off", "out", "in",  "over", "with", "for",
};

template <std::size_t N>
std::vector<Rule> compile(const RuleSpec (&specs)[N]) {
  std::vector<Rule> rules;
  rules.reserve(N);
  for (const RuleSpec& spec : specs) {
    rules.push_back(Rule{Pattern(spec.pattern), spec.replacement == nullptr,
                         spec.replacement ? spec.replacement : ""});
  }
  return rules;
}

const std::vector<Rule>& plural_rules() {
  static const std::vector<Rule> rules = compile(kPluralSpecs);
  return rules;
}
const std::vector<Rule>& singular_rules() {
  static const std::vector<Rule> rules = compile(kSingularSpecs);
  return rules;
}

std::string apply_rules(std::string_view s, const std::vector<Rule>& rules,
                        std::string_view override_word) {
  if (!override_word.empty()) return std::string(override_word);
  if (is_uncountable(s)) return std::string(s);
  Pattern::Match m;
  for (const Rule& rule : rules) {
    if (rule.pattern.search(s, m)) {
      if (rule.keep) return std::string(s);
      return apply_replacement(s, m, rule.replacement);
    }
  }
  return std::string(s);
}

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + sep.size();
  }
}

// First UTF-16 unit upper/lower-cased (astral characters stay as they are).
std::string first_char_cased(std::string_view s, bool upper, std::size_t& rest) {
  std::string out;
  if (s.empty()) {
    rest = 0;
    return out;
  }
  std::size_t i = 0;
  char32_t cp = utf8_decode(s, i);
  rest = i;
  if (cp > 0xFFFF) {
    out.append(s.substr(0, i));
  } else if (upper) {
    append_upper(out, cp);
  } else {
    append_lower(out, cp);
  }
  return out;
}

std::string upper_first(std::string_view s) {
  std::size_t rest;
  std::string out = first_char_cased(s, true, rest);
  out.append(s.substr(rest));
  return out;
}

// JavaScript parseFloat: the longest decimal prefix after leading spaces.
double parse_float(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_ascii_space(s[i])) ++i;
  std::size_t start = i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  if (s.substr(i).starts_with("Infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  bool any = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, any = true;
  if (i < s.size() && s[i] == '.') {
    std::size_t j = i + 1;
    bool frac = false;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j, frac = true;
    if (frac || any) i = j;
    any = any || frac;
  }
  if (!any) return std::nan("");
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    std::size_t digits = j;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j > digits) i = j;
  }
  return std::strtod(std::string(s.substr(start, i - start)).c_str(), nullptr);
}

}  // namespace

bool is_uncountable(std::string_view s) {
  std::string lower = to_lower(s);
  return std::find(std::begin(kUncountable), std::end(kUncountable), lower) !=
         std::end(kUncountable);
}

std::string pluralize(std::string_view s, std::string_view override_word) {
  return apply_rules(s, plural_rules(), override_word);
}

std::string singularize(std::string_view s, std::string_view override_word) {
  return apply_rules(s, singular_rules(), override_word);
}

std::string inflect(std::string_view s, std::string_view count, std::string_view singular,
                    std::string_view plural) {
  double n = parse_float(count);
  if (std::isnan(n)) return std::string(s);
  if (n == 1) return singularize(s, singular);
  return pluralize(s, plural);
}

std::string camelize(std::string_view s, bool low_first_letter) {
  std::vector<std::string_view> path = split(s, "/");
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i) out += "::";
    std::vector<std::string_view> words = split(path[i], "_");
    for (std::size_t k = 0; k < words.size(); ++k) {
      std::string word = k != 0 ? to_lower(words[k]) : std::string(words[k]);
      std::size_t rest;
      bool lower_it = low_first_letter && i == 0 && k == 0;
      out += first_char_cased(word, !lower_it, rest);
      out.append(word, rest);
    }
  }
  return out;
}

std::string underscore(std::string_view s, bool all_upper_case) {
  if (all_upper_case && to_upper(s) == s) return std::string(s);
  std::vector<std::string_view> path = split(s, "::");
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i) out += '/';
    std::string seg;
    for (char c : path[i]) {
      if (c >= 'A' && c <= 'Z') seg += '_';
      seg += c;
    }
    if (!seg.empty() && seg[0] == '_') seg.erase(0, 1);
    out += seg;
  }
  return to_lower(out);
}

std::string humanize(std::string_view s, bool low_first_letter) {
  std::string str = to_lower(s);
  if (str.ends_with("_ids")) {
    str.resize(str.size() - 4);
  } else if (str.ends_with("_id")) {
    str.resize(str.size() - 3);
  }
  std::replace(str.begin(), str.end(), '_', ' ');
  if (!low_first_letter) str = capitalize(str);
  return str;
}

std::string capitalize(std::string_view s) {
  return upper_first(to_lower(s));
}

std::string dasherize(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == ' ' || c == '_') c = '-';
  }
  return out;
}

std::string titleize(std::string_view s) {
  std::string str = to_lower(s);
  std::replace(str.begin(), str.end(), '_', ' ');
  std::string out;
  std::vector<std::string_view> words = split(str, " ");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    std::vector<std::string_view> parts = split(words[i], "-");
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k) out += '-';
      std::string lower = to_lower(parts[k]);
      bool small = std::find(std::begin(kNonTitlecased), std::end(kNonTitlecased), lower) !=
                   std::end(kNonTitlecased);
      out += small ? std::string(parts[k]) : capitalize(parts[k]);
    }
  }
  return upper_first(out);
}

std::string demodulize(std::string_view s) {
  std::size_t pos = s.rfind("::");
  return std::string(pos == std::string_view::npos ? s : s.substr(pos + 2));
}

std::string tableize(std::string_view s) {
  return pluralize(underscore(s));
}

std::string classify(std::string_view s) {
  return singularize(camelize(s));
}

std::string foreign_key(std::string_view s, bool drop_id_underscore) {
  return underscore(demodulize(s)) + (drop_id_underscore ? "id" : "_id");
}

std::string ordinalize(std::string_view s) {
  std::vector<std::string_view> parts = split(s, " ");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ' ';
    std::string_view part = parts[i];
    out += part;
    // parseInt(part, 10) is not NaN: optional whitespace and sign, then a digit.
    std::size_t j = 0;
    while (j < part.size() && is_ascii_space(part[j])) ++j;
    if (j < part.size() && (part[j] == '+' || part[j] == '-')) ++j;
    if (j >= part.size() || part[j] < '0' || part[j] > '9') continue;
    std::string_view last2 = part.size() >= 2 ? part.substr(part.size() - 2) : part;
    char last = part.back();
    std::string_view suffix = "th";
    if (last2 != "11" && last2 != "12" && last2 != "13") {
      if (last == '1')
        suffix = "st";
      else if (last == '2')
        suffix = "nd";
      else if (last == '3')
        suffix = "rd";
    }
    out += suffix;
  }
  return out;
}

Result<std::string> undasherize(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '-' && s[i] != '_') continue;
    std::string_view word = s.substr(start, i - start);
    if (word.empty()) {
      return make_error(ErrorKind::kTemplate,
                        "undasherize: empty word in \"" + std::string(s) + "\"");
    }
    std::size_t rest;
    out += first_char_cased(word, true, rest);
    out += to_lower(word.substr(rest));
    start = i + 1;
  }
  return out;
}

}  // namespace hypergen::liquid::inflection
