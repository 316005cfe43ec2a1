// The hook and .hygen.js machinery of js::Runtime (kHooksJs): the CommonJS
// shim, Hygen's module shapes, the prompter bridge, config helpers.
#include <gtest/gtest.h>

#include "js/runtime.h"
#include "liquid/json.h"

namespace hypergen::js {
namespace {

using liquid::Value;

Value json(std::string_view text) {
  auto v = liquid::parse_json(text, "test");
  EXPECT_TRUE(v) << text;
  return v ? *v : Value();
}

struct Fixture {
  std::vector<Value> asked;  // the specs of each prompt() call
  Value answers = json("{}");
  std::string validated;
  Runtime runtime;

  Fixture()
      : runtime(
            RuntimeOptions{"/work/project", nullptr, nullptr,
                           [](std::string_view name) -> std::optional<std::string> {
                             if (name == "HOOK_ENV") return std::string("from env");
                             return std::nullopt;
                           },
                           [this](const Value& specs, const ValidateFn& validate) -> Result<Value> {
                             asked.push_back(specs);
                             for (std::size_t i = 0; i < specs.as_array().size(); ++i) {
                               auto r = validate(i, Value("bad"));
                               if (r && *r) validated += **r + ";";
                             }
                             return answers;
                           }}) {}

  std::string run(std::vector<ModuleFile> files, std::string_view args = "{}") {
    auto r = runtime.run_hook(files, json(args));
    if (!r) return "ERROR " + r.error().message + " @" + std::to_string(r.error().where.line);
    return liquid::to_json(*r);
  }
};

TEST(JsHooks, ParamsGetsArgsAndHelpersWithoutPrompting) {
  Fixture f;
  EXPECT_EQ(
      f.run({{"/t/index.js",
              "module.exports = { params: ({ args, h }) => ({ x: h.changeCase.snake(args.name), "
              "n: args.n + 1 }) }"}},
            R"({"name":"FooBar","n":1})"),
      R"({"x":"foo_bar","n":2})");
  EXPECT_TRUE(f.asked.empty());
}

TEST(JsHooks, QuestionArrayAsksOnlyWhatTheCommandLineLacks) {
  Fixture f;
  f.answers = json(R"({"b":"typed"})");
  std::string hook =
      "module.exports = [{type:'input',name:'a',message:'A?'},{type:'input',name:'b',"
      "message:'B?'},{type:'confirm',name:'c'},{type:'input',name:'d'}]";
  EXPECT_EQ(f.run({{"/t/prompt.js", hook}}, R"({"a":"given","c":false,"d":""})"),
            R"({"b":"typed"})");
  ASSERT_EQ(f.asked.size(), 1u);
  // a and c (false counts as given) are skipped; b and d ("" asks again).
  EXPECT_EQ(
      liquid::to_json(f.asked[0]),
      R"([{"type":"input","name":"b","message":"B?"},{"type":"input","name":"d","message":"d"}])");
}

TEST(JsHooks, PromptFunctionGetsThePrompterAndAsyncWorks) {
  Fixture f;
  f.answers = json(R"({"kind":"b"})");
  std::string hook = R"(module.exports = {
  prompt: async ({ prompter, inquirer, args }) => {
    if (prompter !== inquirer) throw new Error('not the same');
    const a = await prompter.prompt({ type: 'select', name: 'kind', message: () => 'Kind?',
      choices: ['a', { name: 'b', hint: 'bee' }], initial: 1,
      validate: (v) => v === 'bad' ? 'no bad' : true,
      result: (v) => v.toUpperCase() })
    await Promise.resolve()
    return { ...a, name: args.name + '!', env: process.env.HOOK_ENV, cwd: process.cwd(), fn: () => 1 }
  }
})";
  EXPECT_EQ(f.run({{"/t/prompt.js", hook}}, R"({"name":"x"})"),
            R"({"kind":"B","name":"x!","env":"from env","cwd":"/work/project"})");
  ASSERT_EQ(f.asked.size(), 1u);
  EXPECT_EQ(
      liquid::to_json(f.asked[0]),
      R"([{"type":"select","name":"kind","message":"Kind?","initial":1,"choices":[{"name":"a"},{"name":"b","hint":"bee"}],"validate":true}])");
  EXPECT_EQ(f.validated, "no bad;");
}

TEST(JsHooks, RequireResolvesRegisteredRelativeFilesOnce) {
  Fixture f;
  EXPECT_EQ(f.run({{"/t/prompt.js",
                    "const a = require('./lib'); const b = require('./lib/index.js');\n"
                    "const d = require('./d.json'); const p = require('path');\n"
                    "module.exports = { params: () => ({ same: a === b, n: a.n, d: d.k, "
                    "j: p.join('a', 'b'), file: __filename, dir: __dirname }) }"},
                   {"/t/lib/index.js", "module.exports = { n: 7 }"},
                   {"/t/d.json", "{\"k\": [1]}"}}),
            R"({"same":true,"n":7,"d":[1],"j":"a/b","file":"/t/prompt.js","dir":"/t"})");
}

TEST(JsHooks, UnknownModulesAndThrownErrorsFail) {
  Fixture f;
  EXPECT_EQ(f.run({{"/t/a/index.js", "require('fs')"}}),
            "ERROR the hook /t/a/index.js failed: Error: Cannot find module 'fs' @0");
  EXPECT_EQ(f.run({{"/t/b/index.js",
                    "module.exports = {\n params: () => {\n throw new "
                    "TypeError('boom') } }"}}),
            "ERROR the hook /t/b/index.js failed: TypeError: boom @3");
  EXPECT_EQ(
      f.run({{"/t/c/index.js", "module.exports = {}"}}),
      "ERROR the hook /t/c/index.js failed: TypeError: hooksModule.filter is not a function @0");
}

TEST(JsHooks, PendingPromiseIsAnError) {
  Fixture f;
  auto r = f.runtime.run_hook(
      std::vector<ModuleFile>{
          {"/t/p.js", "module.exports = { params: () => new Promise(() => {}) }"}},
      json("{}"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("never finished"), std::string::npos);
}

TEST(JsHooks, ConfigHelpersJoinH) {
  Fixture f;
  std::vector<ModuleFile> files{
      {"/p/.hygen.js",
       "module.exports = { templates: 'tmpl', localsDefaults: { motto: 'go' },\n"
       "  helpers: (args, config) => ({ shout: (s) => s.toUpperCase() + args.name + "
       "config.cwd, capitalize: () => 'mine' }) }"}};
  auto summary = f.runtime.load_config(files, json(R"({"cwd":"/p"})"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->templates.value_or(""), "tmpl");
  EXPECT_EQ(liquid::to_json(summary->locals_defaults), R"({"motto":"go"})");
  EXPECT_TRUE(summary->helpers_function);
  ASSERT_TRUE(f.runtime.set_helper_args(json(R"({"name":"raw"})")));
  auto out = f.runtime.render_ejs(
      "<%= h.shout('a') %> <%= h.capitalize('x') %> <%= h.inflection.pluralize('cat') %>",
      json("{}"));
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(*out, "Araw/p mine cats");
}

}  // namespace
}  // namespace hypergen::js
