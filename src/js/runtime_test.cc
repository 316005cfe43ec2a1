#include "js/runtime.h"

#include <gtest/gtest.h>

namespace hypergen::js {
namespace {

using liquid::Object;
using liquid::Value;

Value locals(std::initializer_list<std::pair<std::string, Value>> kv) {
  Object o;
  for (const auto& [k, v] : kv) o.set(k, v);
  return Value(std::move(o));
}

// One runtime for the whole suite: SpiderMonkey starts once per process.
Runtime& rt() {
  static Runtime runtime({"/work/project", nullptr, nullptr, nullptr, nullptr});
  return runtime;
}

std::string render(std::string_view text, const Value& data = locals({})) {
  auto r = rt().render_ejs(text, data);
  if (!r) return "ERROR " + r.error().message + " @" + std::to_string(r.error().where.line);
  return *r;
}

TEST(JsRuntime, RendersAllTagKinds) {
  Value data = locals({{"name", Value("Tom & <Jerry>")}, {"n", Value(3)}});
  EXPECT_EQ(render("Hi <%= name %>!", data), "Hi Tom &amp; &lt;Jerry&gt;!");
  EXPECT_EQ(render("Hi <%- name %>!", data), "Hi Tom & <Jerry>!");
  EXPECT_EQ(render("<% for (var i = 0; i < n; i++) { -%>\n<%= i %>\n<% } -%>\n", data),
            "0\n1\n2\n");
  EXPECT_EQ(render("a <%# c %>b <%% x %> y", data), "a b <% x %> y");
  EXPECT_EQ(render("  <%_ if (true) { _%>  \nyes\n  <%_ } _%>\n", data), "yes\n");
  EXPECT_EQ(render("<%= \"'\\\"\" %>", data), "&#39;&#34;");
}

TEST(JsRuntime, PrintsValuesAsJavaScript) {
  Value data = locals({{"f", Value(1.5)},
                       {"big", Value(1e21)},
                       {"arr", Value(liquid::Array{Value(1), Value("b"), Value()})},
                       {"obj", locals({{"a", Value(1)}})},
                       {"nul", Value()}});
  EXPECT_EQ(render("<%= f %> <%= big %> <%= arr %> <%= obj %> [<%= nul %>]", data),
            "1.5 1e+21 1,b, [object Object] []");
}

TEST(JsRuntime, UndefinedVariableIsAReferenceErrorWithItsLine) {
  auto r = rt().render_ejs("line 1\nline 2 <%= missing %>\n", locals({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "ReferenceError: missing is not defined");
  EXPECT_EQ(r.error().where.line, 2);
  EXPECT_NE(r.error().context.find(" >> 2| line 2"), std::string::npos);
  EXPECT_EQ(render("<%= locals.missing %>|", locals({})), "|");
}

TEST(JsRuntime, SyntaxErrorNamesTheTemplateLine) {
  auto r = rt().render_ejs("a\nb\n<% if ( { %>\n", locals({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message.rfind("SyntaxError: ", 0), 0u) << r.error().message;
  EXPECT_NE(r.error().message.find("while compiling ejs"), std::string::npos);
  EXPECT_EQ(r.error().where.line, 3);
}

TEST(JsRuntime, UnclosedTag) {
  auto r = rt().render_ejs("a <%= b\n", locals({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Could not find matching close tag for \"<%=\".");
}

TEST(JsRuntime, GlobalsLeakToLaterRenders) {
  EXPECT_EQ(render("<% leakedGlobal = 41 %>"), "");
  EXPECT_EQ(render("<%= leakedGlobal + 1 %>"), "42");
  // Assigning to a local only changes that render's copy.
  Value data = locals({{"name", Value("a")}});
  EXPECT_EQ(render("<% name = 'b' %><%= name %>", data), "b");
  EXPECT_EQ(render("<%= name %>", data), "a");
}

TEST(JsRuntime, ThrownPrimitiveKeepsItsLine) {
  auto r = rt().render_ejs("\n<% throw 'boom' %>", locals({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "boom");
  EXPECT_EQ(r.error().where.line, 2);
}

TEST(JsRuntime, Helpers) {
  Value data = locals({{"name", Value("user_account")}});
  EXPECT_EQ(render("<%= h.changeCase.camel(name) %> <%= h.changeCase.pascalCase(name) %> "
                   "<%= h.changeCase.param(name) %> <%= h.changeCase.kebabCase(name) %> "
                   "<%= h.changeCase.constant(name) %> <%= h.changeCase.isLower(name) %>",
                   data),
            "userAccount UserAccount user-account user-account USER_ACCOUNT true");
  EXPECT_EQ(
      render("<%= h.inflection.pluralize('person') %> <%= h.inflection.singularize('octopi') "
             "%> <%= h.inflection.camelize('admin/user_accounts') %> "
             "<%= h.inflection.undasherize('foo-bar_baz') %> <%= h.inflection.ordinalize('the 1 "
             "22') %> <%= h.inflection.inflect('cat', 2) %> <%= h.inflection.transform('foo_bar', "
             "['camelize', 'pluralize']) %>"),
      "people octopi Admin::UserAccounts FooBarBaz the 1st 22nd cats FooBars");
  EXPECT_EQ(render("<%= h.capitalize('aBC') %> <%= h.capitalize(12) %>"), "ABC 12");
  EXPECT_EQ(
      render("<%- h.path.join('a', '../b', 'c/') %> <%- h.path.resolve('x') %> "
             "<%- h.path.relative('/a/b/c', '/a/d') %> <%- h.path.basename('/x/y.txt', '.txt') "
             "%> <%- h.path.extname('a.b.c') %> <%- h.path.dirname('/a/b/') %> "
             "<%- JSON.stringify(h.path.parse('/home/u/f.txt')) %>"),
      "b/c/ /work/project/x ../../d y .c /a "
      "{\"root\":\"/\",\"dir\":\"/home/u\",\"base\":\"f.txt\",\"ext\":\".txt\",\"name\":\"f\"}");
  auto r = rt().render_ejs("<%= h.inflection.pluralize(42) %>", locals({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "TypeError: str.toLowerCase is not a function");
}

TEST(JsRuntime, CachesCompiledTemplatesByContent) {
  std::size_t before = rt().compiled();
  EXPECT_EQ(render("cache me <%= 1 + 1 %>"), "cache me 2");
  EXPECT_EQ(render("cache me <%= 1 + 1 %>"), "cache me 2");
  EXPECT_EQ(rt().compiled(), before + 1);
  EXPECT_TRUE(rt().started());
  EXPECT_TRUE(plugin_loaded());
}

TEST(JsRuntime, LocalsSourceKeepsSpecialValues) {
  EXPECT_EQ(to_js_source(locals({{"a", Value(liquid::Array{Value(-0.0), Value(true)})},
                                 {"__proto__", Value("x")}})),
            "{\"a\":[-0,true],[\"__proto__\"]:\"x\"}");
  auto r = rt().render_ejs("[<%= typeof sub %>]", Value(), "({sub: undefined})");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "[undefined]");
}

TEST(JsRuntime, Eval) {
  auto r = rt().eval("6 * 7", "t.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "42");
  auto bad = rt().eval("\nnope(", "t.js");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where.file, "t.js");
  EXPECT_EQ(bad.error().where.line, 2);
}

TEST(JsRuntime, StopsARenderAtTheTimeLimit) {
  RuntimeOptions o;
  o.cwd = "/work/project";
  o.max_render_time = std::chrono::milliseconds(50);
  Runtime bounded(std::move(o));
  auto r = bounded.render_ejs("a\n<% while (true) {} %>\nb\n", locals({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kTemplate);
  EXPECT_NE(r.error().message.find("rendering took longer than the limit of 50 ms"),
            std::string::npos)
      << r.error().message;
  EXPECT_EQ(r.error().where.line, 2);
  EXPECT_NE(r.error().context.find("while (true)"), std::string::npos) << r.error().context;

  // A script cannot catch the stop, nor hide in a function of its own.
  r = bounded.render_ejs("<% try { for (;;) {} } catch (e) {} finally { } %>done", locals({}));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("longer than the limit"), std::string::npos);
  r = bounded.render_ejs("<%\nfunction spin(n) { while (n >= 0) n++; }\nspin(1) %>", locals({}));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("longer than the limit"), std::string::npos);

  // The realm is still usable afterwards, and a render within the limit
  // is not affected by the stops before it.
  auto ok = bounded.render_ejs("<%= [1, 2, 3].map(x => x * 2).join() %>", locals({}));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(*ok, "2,4,6");
}

TEST(JsRuntime, TimeLimitZeroMeansNone) {
  // The shared runtime has no limit: a render that takes a while finishes.
  EXPECT_EQ(render("<% var t = Date.now(); while (Date.now() - t < 120) {} %>done"), "done");
}

TEST(JsRuntime, BoundsTheOutputSize) {
  RuntimeOptions o;
  o.cwd = "/work/project";
  o.max_output_bytes = 10;
  Runtime bounded(std::move(o));
  auto ok = bounded.render_ejs("<%= 'x'.repeat(10) %>", locals({}));
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, "xxxxxxxxxx");
  auto r = bounded.render_ejs("<%= 'x'.repeat(11) %>", locals({}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kTemplate);
  EXPECT_NE(r.error().message.find("output exceeds the limit of 10 bytes"), std::string::npos);
  // Ten UTF-16 units, more than ten UTF-8 bytes: measured as bytes.
  r = bounded.render_ejs("<%- '\u00e9'.repeat(6) %>", locals({}));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("output exceeds the limit of 10 bytes"), std::string::npos);
  ok = bounded.render_ejs("<%- '\u00e9'.repeat(5) %>", locals({}));
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, "\u00e9\u00e9\u00e9\u00e9\u00e9");
}

// A string doubled 27 times is a rope of a few nodes until it is flattened:
// over the limit, it is refused by its length, without building its 256 MiB.
TEST(JsRuntime, RefusesAHugeOutputWithoutBuildingIt) {
  RuntimeOptions o;
  o.cwd = "/work/project";
  o.max_output_bytes = 1 << 20;
  Runtime bounded(std::move(o));
  auto r = bounded.render_ejs("<% let s = 'ab'; for (let i = 0; i < 27; i++) s += s; %><%- s %>",
                              locals({}));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("output exceeds the limit of 1048576 bytes"), std::string::npos)
      << r.error().message;
}

}  // namespace
}  // namespace hypergen::js
