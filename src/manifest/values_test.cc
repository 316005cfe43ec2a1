#include "manifest/values.h"

#include <gtest/gtest.h>

#include "liquid/json.h"

namespace hypergen::manifest {
namespace {

Manifest sample() {
  Parsed p = parse(R"(name: comp
variables:
  name: {type: string, required: true, pattern: "^[A-Z]", description: Component name}
  style: {type: enum, values: [css, scss], default: css}
  features: {type: enum, multiple: true, values: [router, tests]}
  tags: {type: array}
  port: {type: number, min: 1, max: 65535, default: 3000}
  withTests: {type: boolean, default: false}
  testDir: {type: string, required: true, when: withTests}
  meta: {type: object}
  slug: {type: string, internal: true, compute: "{{ name | downcase }}"}
)",
                   "t.yml");
  EXPECT_TRUE(p.ok()) << format_diagnostics(p.diagnostics);
  return p.manifest;
}

class FakePrompter final : public prompt::Prompter {
 public:
  explicit FakePrompter(bool interactive) : interactive_(interactive) {}
  bool interactive() const override { return interactive_; }
  Result<std::optional<liquid::Value>> ask(const prompt::Question& q) override {
    asked.push_back(q.name);
    kinds.push_back(q.kind);
    auto it = answers.find(q.name);
    if (it == answers.end()) return std::optional<liquid::Value>(q.initial);
    if (q.validate) {
      if (auto problem = q.validate(it->second)) {
        rejected.push_back(*problem);
        return std::optional<liquid::Value>(q.initial);
      }
    }
    return std::optional<liquid::Value>(it->second);
  }
  bool interactive_;
  std::map<std::string, liquid::Value> answers;
  std::vector<std::string> asked;
  std::vector<prompt::Kind> kinds;
  std::vector<std::string> rejected;
};

const std::string_view kReserved[] = {"dry", "json"};
const std::string_view kReservedValue[] = {"answers"};

Result<FlagValues> flags(const Manifest& m, std::vector<std::string> words) {
  return parse_flags(m, words, kReserved, kReservedValue);
}

TEST(Values, CoercionPerType) {
  Manifest m = sample();
  EXPECT_EQ(coerce(*m.find("port"), liquid::Value("42"))->as_int(), 42);
  EXPECT_FALSE(coerce(*m.find("port"), liquid::Value("4x2")));
  EXPECT_EQ(coerce(*m.find("withTests"), liquid::Value("yes"))->as_bool(), true);
  EXPECT_EQ(coerce(*m.find("withTests"), liquid::Value("false"))->as_bool(), false);
  EXPECT_FALSE(coerce(*m.find("withTests"), liquid::Value("maybe")));
  auto arr = coerce(*m.find("tags"), liquid::Value("a, b,c"));
  ASSERT_TRUE(arr);
  EXPECT_EQ(liquid::to_json(*arr), R"(["a","b","c"])");
  EXPECT_EQ(liquid::to_json(*coerce(*m.find("features"), liquid::Value("router,tests"))),
            R"(["router","tests"])");
  EXPECT_EQ(liquid::to_json(*coerce(*m.find("meta"), liquid::Value(R"({"a":1})"))), R"({"a":1})");
  EXPECT_FALSE(coerce(*m.find("meta"), liquid::Value("nope")));
}

TEST(Values, Rules) {
  Manifest m = sample();
  EXPECT_EQ(*check_value(*m.find("name"), liquid::Value("button")),
            "does not match pattern: ^[A-Z]");
  EXPECT_FALSE(check_value(*m.find("name"), liquid::Value("Button")));
  EXPECT_EQ(*check_value(*m.find("style"), liquid::Value("less")), "must be one of: css, scss");
  EXPECT_EQ(*check_value(*m.find("port"), liquid::Value(70000)), "must be <= 65535");
  EXPECT_EQ(*check_value(*m.find("port"), liquid::Value(0)), "must be >= 1");
  EXPECT_EQ(*check_value(*m.find("features"), liquid::Value(liquid::Array{liquid::Value("x")})),
            "contains invalid values: x (allowed: router, tests)");
  Variable s;
  s.name = "s";
  s.min = 2;
  s.max = 3;
  EXPECT_EQ(*check_value(s, liquid::Value("a")), "must be at least 2 characters");
  EXPECT_EQ(*check_value(s, liquid::Value("abcd")), "must be at most 3 characters");
  s.pattern = "^a";
  s.message = "must start with a";
  EXPECT_EQ(*check_value(s, liquid::Value("ba")), "must start with a");
}

TEST(Values, FlagSyntaxes) {
  Manifest m = sample();
  auto f = flags(m, {"Button", "--style", "scss", "--port=8080", "--with-tests", "--features",
                     "router", "--features=tests", "--tags=a,b", "--dry", "--answers", "a.yml"});
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->positionals, std::vector<std::string>{"Button"});
  EXPECT_EQ(f->values.as_object().find("style")->as_string(), "scss");
  EXPECT_EQ(f->values.as_object().find("port")->as_string(), "8080");
  EXPECT_TRUE(f->values.as_object().find("withTests")->as_bool());
  EXPECT_EQ(liquid::to_json(*f->values.as_object().find("features")), R"(["router","tests"])");
  EXPECT_EQ(liquid::to_json(*f->values.as_object().find("tags")), R"(["a","b"])");
  EXPECT_TRUE(f->reserved.as_object().find("dry")->as_bool());
  EXPECT_EQ(f->reserved.as_object().find("answers")->as_string(), "a.yml");
  auto neg = flags(m, {"--no-withTests"});
  ASSERT_TRUE(neg);
  EXPECT_FALSE(neg->values.as_object().find("withTests")->as_bool());
  auto unknown = flags(m, {"--styel=css"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kUsage);
  EXPECT_NE(unknown.error().message.find("did you mean --style?"), std::string::npos);
  EXPECT_FALSE(flags(m, {"--port"}));
  EXPECT_FALSE(flags(m, {"--no-port"}));
  EXPECT_FALSE(flags(m, {"--slug=x"}));  // internal
}

TEST(Values, Precedence) {
  Manifest m = sample();
  auto f = flags(m, {"--name=Flag"});
  Inputs in;
  in.flags = &*f;
  in.answers = *liquid::parse_json(R"({"name":"Answer","port":1,"style":"scss"})", "a");
  std::map<std::string, std::string> env = {{"HYPERGEN_VAR_NAME", "Env"},
                                            {"HYPERGEN_VAR_PORT", "2"}};
  in.env = [&](std::string_view k) -> std::optional<std::string> {
    auto it = env.find(std::string(k));
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  FakePrompter none(false);
  auto r = resolve_values(m, in, none, [](const std::string&, const liquid::Value& v) {
    return Result<std::string>(v.as_object().find("name")->as_string() + "!");
  });
  ASSERT_TRUE(r) << r.error().message;
  const auto& o = r->values.as_object();
  EXPECT_EQ(o.find("name")->as_string(), "Flag");
  EXPECT_EQ(r->origins["name"], Origin::kFlag);
  EXPECT_EQ(o.find("port")->as_int(), 2);
  EXPECT_EQ(r->origins["port"], Origin::kEnv);
  EXPECT_EQ(o.find("style")->as_string(), "scss");
  EXPECT_EQ(r->origins["style"], Origin::kAnswers);
  EXPECT_FALSE(o.find("withTests")->as_bool());
  EXPECT_EQ(r->origins["withTests"], Origin::kDefault);
  EXPECT_EQ(o.find("slug")->as_string(), "Flag!");
  EXPECT_EQ(r->origins["slug"], Origin::kComputed);
  EXPECT_EQ(r->inactive, std::vector<std::string>{"testDir"});  // when: withTests is false
}

TEST(Values, InvalidValueNamesVariableRuleAndSource) {
  Manifest m = sample();
  auto f = flags(m, {"--name=Button", "--port=70000"});
  Inputs in;
  in.flags = &*f;
  FakePrompter none(false);
  auto r = resolve_values(m, in, none, nullptr);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kData);
  EXPECT_EQ(r.error().code, "ACTION_INVALID_PARAM_VALUE");
  EXPECT_EQ(r.error().message,
            "invalid value for variable 'port' (from --port): must be <= 65535, got \"70000\"");
}

TEST(Values, MissingValuesListedTogether) {
  Manifest m = sample();
  auto f = flags(m, {"--with-tests"});
  Inputs in;
  in.flags = &*f;
  FakePrompter none(false);
  auto r = resolve_values(m, in, none, nullptr);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kMissingInput);
  EXPECT_EQ(r.error().code, "ACTION_MISSING_REQUIRED_PARAM");
  EXPECT_NE(r.error().message.find("--name (string)  Component name"), std::string::npos);
  EXPECT_NE(r.error().message.find("--testDir (string)"), std::string::npos);
  ASSERT_FALSE(r.error().suggestions.empty());
  EXPECT_EQ(r.error().suggestions[0].command,
            "hypergen action comp --name=<name> --testDir=<testDir>");
}

TEST(Values, PromptsForWhatIsMissingHonouringWhen) {
  Manifest m = sample();
  FakePrompter tty(true);
  tty.answers["name"] = liquid::Value("lower");  // rejected inline, then the initial (nil)
  tty.answers["withTests"] = liquid::Value(true);
  tty.answers["testDir"] = liquid::Value("spec");
  auto f = flags(m, {"--style=scss"});
  Inputs in;
  in.flags = &*f;
  auto r = resolve_values(m, in, tty, nullptr);
  ASSERT_FALSE(r);  // name was rejected and has no default
  EXPECT_EQ(tty.rejected, std::vector<std::string>{"does not match pattern: ^[A-Z]"});
  tty.answers["name"] = liquid::Value("Card");
  tty.asked.clear();
  auto ok = resolve_values(m, in, tty, nullptr);
  ASSERT_TRUE(ok) << ok.error().message;
  // style came from a flag: not asked; testDir asked because withTests is true.
  EXPECT_EQ(tty.asked, (std::vector<std::string>{"name", "features", "tags", "port", "withTests",
                                                 "testDir", "meta"}));
  EXPECT_EQ(ok->values.as_object().find("testDir")->as_string(), "spec");
  EXPECT_EQ(ok->origins["name"], Origin::kPrompt);
  EXPECT_EQ(tty.kinds[1], prompt::Kind::kMultiSelect);
  EXPECT_EQ(tty.kinds[3], prompt::Kind::kNumeral);
  EXPECT_EQ(tty.kinds[4], prompt::Kind::kConfirm);
  // --yes: nothing asked.
  in.ask = false;
  tty.asked.clear();
  EXPECT_FALSE(resolve_values(m, in, tty, nullptr));
  EXPECT_TRUE(tty.asked.empty());
}

TEST(Values, QuestionKinds) {
  Manifest m = sample();
  auto q = question_for(*m.find("style"));
  EXPECT_EQ(q.kind, prompt::Kind::kSelect);
  EXPECT_EQ(q.choices.size(), 2u);
  EXPECT_EQ(q.initial.as_string(), "css");
  EXPECT_EQ(question_for(*m.find("name")).message, "Component name");
  EXPECT_EQ(*question_for(*m.find("port")).validate(liquid::Value(0)), "must be >= 1");
  EXPECT_EQ(*question_for(*m.find("name")).validate(liquid::Value("")), "This field is required");
}

TEST(Values, EnvNames) {
  EXPECT_EQ(env_name("withTests"), "HYPERGEN_VAR_WITH_TESTS");
  EXPECT_EQ(env_name("my-var"), "HYPERGEN_VAR_MY_VAR");
  EXPECT_EQ(env_name("name"), "HYPERGEN_VAR_NAME");
}

TEST(Values, JsonSchema) {
  Manifest m = sample();
  std::string s = liquid::to_json(json_schema(m));
  EXPECT_NE(s.find(R"("required":["name"])"), std::string::npos);
  EXPECT_NE(s.find(R"("port":{"type":"number","minimum":1,"maximum":65535,"default":3000)"),
            std::string::npos);
  EXPECT_NE(s.find(R"("style":{"type":"string","enum":["css","scss"])"), std::string::npos);
  EXPECT_NE(s.find(R"("additionalProperties":false)"), std::string::npos);
}

TEST(Values, ExampleCommands) {
  Manifest m = sample();
  Example e;
  e.variables = *liquid::parse_json(
      R"({"name":"My Button","withTests":false,"features":["router","tests"]})", "e");
  EXPECT_EQ(example_command(m, e),
            "hypergen action comp '--name=My Button' --no-withTests --features=router,tests");
}

}  // namespace
}  // namespace hypergen::manifest
