#include "prompt/answers.h"

#include <gtest/gtest.h>

#include "liquid/json.h"
#include "prompt/factory.h"
#include "prompt/internal.h"
#include "prompt/scripted_terminal.h"
#include "prompt/terminal_prompter.h"

namespace hypergen::prompt {
namespace {

using liquid::Value;

Question make(Kind kind, Value initial = {}) {
  Question q;
  q.kind = kind;
  q.name = "q";
  q.initial = std::move(initial);
  q.choices = {{"a", "", "", true}, {"b", "", "", false}, {"c", "", "", false}};
  return q;
}

std::string answer(const Question& q) {
  auto v = default_answer(q);
  return v ? liquid::to_json(*v) : "error: " + v.error().message;
}

TEST(DefaultAnswer, EachKind) {
  EXPECT_EQ(answer(make(Kind::kInput)), R"("")");
  EXPECT_EQ(answer(make(Kind::kInput, Value(42))), R"("42")");
  EXPECT_EQ(answer(make(Kind::kPassword, Value("pw"))), R"("pw")");
  EXPECT_EQ(answer(make(Kind::kNumeral)), "0");
  EXPECT_EQ(answer(make(Kind::kNumeral, Value(2.5))), "2.5");
  EXPECT_EQ(answer(make(Kind::kNumeral, Value("7"))), "7");
  EXPECT_EQ(answer(make(Kind::kNumeral, Value("x"))), "0");
  EXPECT_EQ(answer(make(Kind::kConfirm)), "false");
  EXPECT_EQ(answer(make(Kind::kConfirm, Value(true))), "true");
  EXPECT_EQ(answer(make(Kind::kConfirm, Value("yes"))), "true");
  EXPECT_EQ(answer(make(Kind::kConfirm, Value("false"))), "false");
  EXPECT_EQ(answer(make(Kind::kSelect)), R"("b")");  // a is disabled
  EXPECT_EQ(answer(make(Kind::kSelect, Value("c"))), R"("c")");
  EXPECT_EQ(answer(make(Kind::kSelect, Value(2))), R"("c")");
  EXPECT_EQ(answer(make(Kind::kAutocomplete, Value("a"))), R"("b")");
  EXPECT_EQ(answer(make(Kind::kMultiSelect)), "[]");
  EXPECT_EQ(
      answer(make(Kind::kMultiSelect, Value(liquid::Array{Value("c"), Value("a"), Value(1)}))),
      R"(["b","c"])");
  Question none = make(Kind::kSelect);
  none.choices = {{"a", "", "", true}};
  EXPECT_EQ(answer(none), "error: question 'q': at least one choice must be selectable");
}

// What Enter on the terminal gives is what default_answer says.
TEST(DefaultAnswer, AgreesWithPressingEnter) {
  std::vector<Question> qs = {
      make(Kind::kInput, Value("x")),
      make(Kind::kNumeral, Value(3)),
      make(Kind::kConfirm, Value("t")),
      make(Kind::kSelect, Value("c")),
      make(Kind::kAutocomplete),
      make(Kind::kMultiSelect, Value(liquid::Array{Value("c")})),
      make(Kind::kPassword, Value("abc")),
  };
  for (const Question& q : qs) {
    ScriptedTerminal t("\r");
    TerminalPrompter p(t, false);
    auto asked = p.ask(q);
    ASSERT_TRUE(asked && *asked) << kind_name(q.kind);
    EXPECT_EQ(liquid::to_json(**asked), answer(q)) << kind_name(q.kind);
  }
}

TEST(CheckAnswer, RequiredThenValidate) {
  Question q = make(Kind::kInput);
  EXPECT_EQ(check_answer(q, Value("")), std::nullopt);
  q.required = true;
  EXPECT_EQ(check_answer(q, Value("")), "Invalid input");
  EXPECT_EQ(check_answer(q, Value(liquid::Array{})), "Invalid input");
  EXPECT_EQ(check_answer(q, Value(false)), std::nullopt);
  q.validate = [](const Value& v) -> std::optional<std::string> {
    if (v.as_string() == "bad") return std::string("  nope ");
    if (v.as_string() == "blank") return std::string(" ");
    return std::nullopt;
  };
  EXPECT_EQ(check_answer(q, Value("bad")), "nope");
  EXPECT_EQ(check_answer(q, Value("blank")), "Invalid input");
  EXPECT_EQ(check_answer(q, Value("good")), std::nullopt);
}

TEST(KindNames, EnquirerTypes) {
  EXPECT_EQ(kind_from_name("text"), Kind::kInput);
  EXPECT_EQ(kind_from_name("number"), Kind::kNumeral);
  EXPECT_EQ(kind_from_name("multiselect"), Kind::kMultiSelect);
  EXPECT_EQ(kind_from_name("list"), std::nullopt);
  for (Kind k : {Kind::kInput, Kind::kPassword, Kind::kNumeral, Kind::kConfirm, Kind::kSelect,
                 Kind::kAutocomplete, Kind::kMultiSelect}) {
    EXPECT_EQ(kind_from_name(kind_name(k)), k);
  }
}

TEST(ParseNumeral, EnquirerPattern) {
  using internal::parse_numeral;
  EXPECT_EQ(parse_numeral("12"), Value(12));
  EXPECT_EQ(parse_numeral("+3"), Value(3));
  EXPECT_EQ(parse_numeral("-1.50"), Value(-1.5));
  EXPECT_EQ(parse_numeral("4."), Value(4));
  EXPECT_TRUE(parse_numeral("4.0")->is_int());
  EXPECT_FALSE(parse_numeral(""));
  EXPECT_FALSE(parse_numeral("-"));
  EXPECT_FALSE(parse_numeral(".5"));
  EXPECT_FALSE(parse_numeral("1e3"));
  EXPECT_FALSE(parse_numeral("1.2.3"));
}

TEST(Factory, NonInteractiveAnswersNothing) {
  auto p = make_prompter(false, false);
  EXPECT_FALSE(p->interactive());
  auto r = p->ask(make(Kind::kInput, Value("x")));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->has_value());
  auto t = make_prompter(true, false);
  EXPECT_TRUE(t->interactive());
}

}  // namespace
}  // namespace hypergen::prompt
