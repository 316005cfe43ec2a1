#include "ejs/js_subset.h"

#include <gtest/gtest.h>

#include "ejs/compile.h"

namespace hypergen::ejs::subset {
namespace {

Result<Program> parse_template(std::string_view text) {
  auto body = compile_body(text);
  EXPECT_TRUE(body);
  return parse_program(body->body);
}

TEST(JsSubsetTest, AcceptsTheCommonTemplateConstructs) {
  for (std::string_view t : {
           "<%= name %>",
           "<%- h.changeCase.camel(name) + '.js' %>",
           "<% if (a) { %>x<% } else if (b) { %>y<% } else { %>z<% } %>",
           "<% for (var i = 0; i < n; i++) { %><%= i %><% } %>",
           "<% items.forEach(function (x, i) { %><%= x %><% }) %>",
           "<% items.forEach((x) => { %><%= x %><% }) %>",
           "<%= items.map(x => x.trim()).join(', ') %>",
           "<%= a ? 'b' : c ? 'd' : 'e' %>",
           "<%= (a || b) ?? c %>",
           "<% var x = 1, y; x += 2 %><%= typeof y %>",
           "<%= {a: 1, 'b': [1, 2,]}.a %>",
           "<% name = name || 'x' %>",
       }) {
    auto p = parse_template(t);
    EXPECT_TRUE(p) << t << ": " << (p ? "" : p.error().message);
  }
}

TEST(JsSubsetTest, RejectsWhatNeedsTheEngine) {
  for (std::string_view t : {
           "<%= `x${a}` %>",   // template literal
           "<% let x = 1 %>",  // ES2015 declaration
           "<% const x = 1 %>",
           "<% while (a) {} %>",
           "<% function f() {} %>",
           "<%= this.x %>",
           "<%= new Date() %>",
           "<%= a.replace(/x/g, 'y') %>",  // regex literal
           "<%= JSON.stringify(a) %>",     // an engine global
           "<%= a.frobnicate() %>",        // unknown method
           "<% a.b = 1 %>",                // member assignment
           "<%= a.constructor %>",
           "<%= a || b ?? c %>",  // SyntaxError in JS
           "<%= a; b %>",         // SyntaxError
           "<% if (a) { %>",      // unbalanced
           "<%= __output %>",
           "<% for (var k in a) {} %>",
       }) {
    auto p = parse_template(t);
    EXPECT_FALSE(p) << t;
  }
}

// Nesting is bounded: 50 levels stay native, thousands go to the engine
// instead of overflowing the stack (found by the ejs fuzzer).
TEST(JsSubsetTest, DeepNestingIsLeftToTheEngine) {
  auto nested = [](int n, std::string_view open, std::string_view close) {
    std::string t = "<%= ";
    for (int i = 0; i < n; ++i) t += open;
    t += "1";
    for (int i = 0; i < n; ++i) t += close;
    return t + " %>";
  };
  EXPECT_TRUE(parse_template(nested(50, "[", "]")));
  EXPECT_TRUE(parse_template(nested(50, "(", ")")));
  for (auto [open, close] : {std::pair{"[", "]"}, {"(", ")"}, {"!", ""}, {"- ", ""}}) {
    auto p = parse_template(nested(20000, open, close));
    ASSERT_FALSE(p) << open;
    EXPECT_NE(p.error().message.find("nesting deeper than"), std::string::npos)
        << p.error().message;
  }
  std::string blocks = "<% ";
  for (int i = 0; i < 20000; ++i) blocks += "{";
  for (int i = 0; i < 20000; ++i) blocks += "}";
  EXPECT_FALSE(parse_template(blocks + " %>"));
}

TEST(JsSubsetTest, NamesTheEngineLacksAreReferenceErrorsOnBothPaths) {
  // The prelude has no `require`: natively as in the engine, a ReferenceError.
  EXPECT_TRUE(parse_template("<%= require('fs') %>"));
  EXPECT_FALSE(parse_template("<%= console.log(1) %>"));  // the prelude's console
}

TEST(JsSubsetTest, ListsAssignedNamesNoFunctionDeclares) {
  auto p = parse_template(
      "<% var mine = 1; mine = 2; leaked = 3; name = 'x' %>"
      "<% items.forEach(function (i) { var inner; inner = i; counter++ }) %>");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->assigned_free, (std::vector<std::string>{"leaked", "name", "counter"}));
  EXPECT_EQ(p->hoisted, (std::vector<std::string>{"mine"}));
}

TEST(JsSubsetTest, AutomaticSemicolonsAndComments) {
  EXPECT_TRUE(parse_template("<% var a = 1\nvar b = 2 // c\n/* d */ %><%= a + b %>"));
  EXPECT_FALSE(parse_template("<% var a = 1 var b = 2 %>"));
  EXPECT_FALSE(parse_template("<% a\n++b %>"));  // restricted production
}

}  // namespace
}  // namespace hypergen::ejs::subset
