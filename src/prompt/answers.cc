#include "prompt/answers.h"

#include <cmath>
#include <cstdlib>

#include "liquid/unicode.h"
#include "prompt/internal.h"

namespace hypergen::prompt {

namespace internal {

std::string initial_text(const liquid::Value& initial) {
  if (initial.is_string() || initial.is_number() || initial.is_bool()) return initial.to_output();
  return {};
}

bool is_yes_text(std::string_view text) {
  if (text.empty()) return false;
  char c = text[0];
  return c == 't' || c == 'T' || c == 'y' || c == 'Y' || c == '1';
}

bool is_no_text(std::string_view text) {
  if (text.empty()) return false;
  char c = text[0];
  return c == 'f' || c == 'F' || c == 'n' || c == 'N' || c == '0';
}

bool confirm_from_initial(const liquid::Value& initial) {
  return is_yes_text(initial_text(initial));
}

std::optional<liquid::Value> parse_numeral(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  std::size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits) return std::nullopt;
  bool fraction = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      fraction = true;
      ++i;
    }
  }
  if (i != text.size()) return std::nullopt;
  std::string copy(text);
  double d = std::strtod(copy.c_str(), nullptr);
  if (!fraction || d == std::trunc(d)) {
    if (std::fabs(d) < 9007199254740992.0) return liquid::Value(static_cast<std::int64_t>(d));
  }
  return liquid::Value(d);
}

int find_choice(const std::vector<Choice>& choices, const liquid::Value& value) {
  if (value.is_string()) {
    for (std::size_t i = 0; i < choices.size(); ++i) {
      if (choices[i].name == value.as_string()) return static_cast<int>(i);
    }
    return -1;
  }
  if (value.is_int()) {
    auto i = value.as_int();
    if (i >= 0 && i < static_cast<std::int64_t>(choices.size())) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace internal

namespace {

Result<int> first_selectable(const Question& q) {
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    if (!q.choices[i].disabled) return static_cast<int>(i);
  }
  return make_error(ErrorKind::kData,
                    "question '" + q.name + "': at least one choice must be selectable");
}

}  // namespace

Result<liquid::Value> default_answer(const Question& q) {
  using namespace internal;
  switch (q.kind) {
    case Kind::kInput:
    case Kind::kPassword:
      return liquid::Value(initial_text(q.initial));
    case Kind::kNumeral: {
      if (auto n = parse_numeral(initial_text(q.initial))) return *n;
      return liquid::Value(std::int64_t{0});
    }
    case Kind::kConfirm:
      return liquid::Value(confirm_from_initial(q.initial));
    case Kind::kSelect:
    case Kind::kAutocomplete: {
      auto first = first_selectable(q);
      if (!first) return tl::unexpected(first.error());
      int at = find_choice(q.choices, q.initial);
      if (at < 0 || q.choices[static_cast<std::size_t>(at)].disabled) at = *first;
      return liquid::Value(q.choices[static_cast<std::size_t>(at)].name);
    }
    case Kind::kMultiSelect: {
      auto first = first_selectable(q);
      if (!first) return tl::unexpected(first.error());
      std::vector<bool> on(q.choices.size(), false);
      auto enable = [&](const liquid::Value& v) {
        int at = find_choice(q.choices, v);
        if (at >= 0 && !q.choices[static_cast<std::size_t>(at)].disabled) {
          on[static_cast<std::size_t>(at)] = true;
        }
      };
      if (q.initial.is_array()) {
        for (const liquid::Value& v : q.initial.as_array()) enable(v);
      } else {
        enable(q.initial);
      }
      liquid::Array names;
      for (std::size_t i = 0; i < q.choices.size(); ++i) {
        if (on[i]) names.emplace_back(q.choices[i].name);
      }
      return liquid::Value(std::move(names));
    }
  }
  return liquid::Value();
}

bool is_empty_answer(const liquid::Value& answer) {
  if (answer.is_nil()) return true;
  if (answer.is_string()) return answer.as_string().empty();
  if (answer.is_array()) return answer.as_array().empty();
  return false;
}

std::optional<std::string> check_answer(const Question& q, const liquid::Value& answer) {
  if (q.required && is_empty_answer(answer)) return std::string("Invalid input");
  if (q.validate) {
    if (auto message = q.validate(answer)) {
      std::string m = *message;
      std::size_t b = 0, e = m.size();
      while (b < e && liquid::is_ascii_space(m[b])) ++b;
      while (e > b && liquid::is_ascii_space(m[e - 1])) --e;
      m = m.substr(b, e - b);
      return m.empty() ? std::string("Invalid input") : m;
    }
  }
  return std::nullopt;
}

std::optional<Kind> kind_from_name(std::string_view name) {
  if (name == "input" || name == "text") return Kind::kInput;
  if (name == "password") return Kind::kPassword;
  if (name == "numeral" || name == "number") return Kind::kNumeral;
  if (name == "confirm") return Kind::kConfirm;
  if (name == "select") return Kind::kSelect;
  if (name == "autocomplete") return Kind::kAutocomplete;
  if (name == "multiselect") return Kind::kMultiSelect;
  return std::nullopt;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kInput:
      return "input";
    case Kind::kPassword:
      return "password";
    case Kind::kNumeral:
      return "numeral";
    case Kind::kConfirm:
      return "confirm";
    case Kind::kSelect:
      return "select";
    case Kind::kAutocomplete:
      return "autocomplete";
    case Kind::kMultiSelect:
      return "multiselect";
  }
  return "input";
}

}  // namespace hypergen::prompt
