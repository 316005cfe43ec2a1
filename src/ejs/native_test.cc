#include "ejs/native.h"

#include <gtest/gtest.h>

namespace hypergen::ejs {
namespace {

NativeOutcome render(std::string_view text, const liquid::Value& data = liquid::Object{}) {
  auto tpl = analyze(text);
  std::vector<NativeLocal> locals;
  for (const auto& [k, v] : data.as_object()) locals.emplace_back(k, &v);
  NativeRenderer renderer("/cwd");
  return renderer.render(*tpl, text, locals);
}

std::string ok(std::string_view text, const liquid::Value& data = liquid::Object{}) {
  NativeOutcome r = render(text, data);
  EXPECT_EQ(r.kind, NativeOutcome::Kind::kOk) << text << ": " << r.bail << r.error.message;
  return r.output;
}

liquid::Value data() {
  liquid::Object o;
  o.set("name", liquid::Value("user account"));
  o.set("n", liquid::Value(3));
  o.set("items", liquid::Value(liquid::Array{liquid::Value("a"), liquid::Value("b")}));
  o.set("nil", liquid::Value(nullptr));
  return liquid::Value(std::move(o));
}

TEST(NativeEjsTest, JavaScriptValuesPrintAsJavaScriptPrintsThem) {
  EXPECT_EQ(ok("<%= 0.1 + 0.2 %>|<%= 1e21 %>|<%= -0 %>|<%= 0/0 %>|<%= [1,'b',null] %>|<%= {} %>"),
            "0.30000000000000004|1e+21|0|NaN|1,b,|[object Object]");
  EXPECT_EQ(ok("<%= undefined %>|<%= null %>|<%- nil %>|<%= '<&>\"\\'' %>", data()),
            "|||&lt;&amp;&gt;&#34;&#39;");
  EXPECT_EQ(ok("<%- 1 + '2' %> <%- 1 + 2 + '3' %> <%- null + 1 %> <%- [] + {} %>"),
            "12 33 1 [object Object]");
}

TEST(NativeEjsTest, StatementsSpanTags) {
  EXPECT_EQ(ok("<% if (n > 2) { %>big<% } else { %>small<% } %>", data()), "big");
  EXPECT_EQ(ok("<% for (var i = 0; i < n; i++) { %><%= i %><% } %>", data()), "012");
  EXPECT_EQ(ok("<% items.forEach(function (x, i) { -%>\n<%= i %>=<%= x %>\n<% }) -%>\n", data()),
            "0=a\n1=b\n");
}

TEST(NativeEjsTest, HygenHelpers) {
  EXPECT_EQ(ok("<%= h.changeCase.pascal(name) %> <%= h.inflection.pluralize('person') %> "
               "<%= h.capitalize(name) %> <%= h.path.join('a', '../b', name) %>",
               data()),
            "UserAccount people User account b/user account");
  EXPECT_EQ(ok("<%= h.path.resolve('x') %> <%= h.path.relative('/a/b', '/a/c/d') %>"),
            "/cwd/x ../c/d");
}

TEST(NativeEjsTest, ReferenceErrorOnTheTemplateLine) {
  NativeOutcome r = render("a\nb <%= missing %>\n");
  ASSERT_EQ(r.kind, NativeOutcome::Kind::kError);
  EXPECT_EQ(r.error.message, "ReferenceError: missing is not defined");
  EXPECT_EQ(r.error.where.line, 2);
  EXPECT_EQ(r.error.context, "    1| a\n >> 2| b <%= missing %>\n    3| ");
  EXPECT_EQ(ok("<%= typeof missing %> <%= locals.missing %>"), "undefined ");
}

TEST(NativeEjsTest, BailsWhereTheEngineWouldThrowOtherErrors) {
  EXPECT_EQ(render("<%= nil.x %>", data()).kind, NativeOutcome::Kind::kBail);
  EXPECT_EQ(render("<%= n.toFixed(2) %>", data()).kind, NativeOutcome::Kind::kBail);
  EXPECT_EQ(render("<%= h.inflection.pluralize(3) %>").kind, NativeOutcome::Kind::kBail);
  // Outside the subset: never rendered natively.
  EXPECT_EQ(render("<%= `x` %>").kind, NativeOutcome::Kind::kBail);
}

TEST(NativeEjsTest, AssignmentsStayInTheRender) {
  EXPECT_EQ(ok("<% name = name + '!' %><%= name %> <% var k = 2; k += n %><%= k %>", data()),
            "user account! 5");
}

TEST(NativeEjsTest, UnclosedTagIsTheCompilerError) {
  NativeOutcome r = render("x\n<%= a");
  ASSERT_EQ(r.kind, NativeOutcome::Kind::kError);
  EXPECT_EQ(r.error.message, "Could not find matching close tag for \"<%=\".");
  EXPECT_EQ(r.error.where.line, 2);
}

}  // namespace
}  // namespace hypergen::ejs
