// Engine-level tests: error messages (verbatim goldens), strict variables,
// partials (include/render), limits, custom filters and concurrent renders.
#include "liquid/liquid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>

#include "liquid/json.h"
#include "liquid/template.h"

namespace hypergen::liquid {
namespace {

class MapLoader : public PartialLoader {
 public:
  std::map<std::string, std::string, std::less<>> files;
  int loads = 0;
  Result<Source> load(std::string_view name) override {
    ++loads;
    auto it = files.find(name);
    if (it == files.end()) it = files.find(std::string(name) + ".liquid");
    if (it == files.end()) {
      return make_error(ErrorKind::kNotFound, "no such partial");
    }
    return Source{it->second, it->first};
  }
};

Value json(std::string_view text) {
  auto v = parse_json(text, "data.json");
  EXPECT_TRUE(v) << v.error().describe();
  return v ? *v : Value();
}

std::string render(const Engine& engine, std::string_view src, std::string_view data = "{}") {
  auto out = engine.parse_and_render(src, json(data), "t.liquid");
  if (!out) return "ERROR " + out.error().describe();
  return *out;
}

std::string error_of(const Engine& engine, std::string_view src, std::string_view data = "{}") {
  auto out = engine.parse_and_render(src, json(data), "t.liquid");
  if (out) return "no error, rendered: " + *out;
  EXPECT_EQ(out.error().kind, ErrorKind::kTemplate);
  return out.error().describe();
}

// ---- error goldens ---------------------------------------------------------

TEST(LiquidErrors, UnknownTagWithSuggestion) {
  Engine e;
  EXPECT_EQ(error_of(e, "a\nb\n{% iff x %}"),
            "t.liquid:3:4: unknown tag 'iff' (did you mean 'if'?)\n"
            "  3 | {% iff x %}\n"
            "    |    ^");
}

TEST(LiquidErrors, UnclosedBlock) {
  Engine e;
  EXPECT_EQ(error_of(e, "x\ny\n{% if x %}\nno end\n"),
            "t.liquid:3:4: unexpected end of template: 'if' opened at line 3 was never closed\n"
            "  3 | {% if x %}\n"
            "    |    ^");
  EXPECT_EQ(error_of(e, "{% for a in b %}{% if a %}{% endfor %}"),
            "t.liquid:1:30: unexpected 'endfor' inside 'if' opened at line 1 (expected 'endif')\n"
            "  1 | {% for a in b %}{% if a %}{% endfor %}\n"
            "    |                              ^");
}

TEST(LiquidErrors, ForWithoutIn) {
  Engine e;
  EXPECT_EQ(error_of(e, "{% for x inn arr %}{% endfor %}"),
            "t.liquid:1:10: expected 'in' after loop variable in 'for'\n"
            "  1 | {% for x inn arr %}{% endfor %}\n"
            "    |          ^");
}

TEST(LiquidErrors, UnknownFilterWithSuggestion) {
  Engine e;
  EXPECT_EQ(error_of(e, "line 1\n  {{ name | upcas }}"),
            "t.liquid:2:13: unknown filter 'upcas' (did you mean 'upcase'?)\n"
            "  2 |   {{ name | upcas }}\n"
            "    |             ^");
}

TEST(LiquidErrors, FilterArgumentCount) {
  Engine e;
  EXPECT_EQ(error_of(e, "{{ 'a' | append }}"),
            "t.liquid:1:10: filter 'append' expects exactly 1 argument, got 0\n"
            "  1 | {{ 'a' | append }}\n"
            "    |          ^");
  EXPECT_EQ(error_of(e, "{{ 'a' | upcase: 1, 2 }}"),
            "t.liquid:1:10: filter 'upcase' expects exactly 0 arguments, got 2\n"
            "  1 | {{ 'a' | upcase: 1, 2 }}\n"
            "    |          ^");
}

TEST(LiquidErrors, StrayEndTagAndTrailingGarbage) {
  Engine e;
  EXPECT_EQ(error_of(e, "{% endif %}"),
            "t.liquid:1:4: unexpected 'endif' outside of any block\n"
            "  1 | {% endif %}\n"
            "    |    ^");
  EXPECT_EQ(error_of(e, "{{ a b }}"),
            "t.liquid:1:6: unexpected 'b' in output\n"
            "  1 | {{ a b }}\n"
            "    |      ^");
}

TEST(LiquidErrors, UnclosedOutputAndColumnsCountCharacters) {
  Engine e;
  EXPECT_EQ(error_of(e, "héllo {{ x"),
            "t.liquid:1:7: output '{{' was never closed (missing '}}')\n"
            "  1 | héllo {{ x\n"
            "    |       ^");
  EXPECT_EQ(error_of(e, "\t{% iff %}"),
            "t.liquid:1:5: unknown tag 'iff' (did you mean 'if'?)\n"
            "  1 | \t{% iff %}\n"
            "    | \t   ^");
}

TEST(LiquidErrors, AssignSyntax) {
  Engine e;
  EXPECT_EQ(error_of(e, "{% assign x 1 %}"),
            "t.liquid:1:13: expected '=' after 'assign x'\n"
            "  1 | {% assign x 1 %}\n"
            "    |             ^");
}

TEST(LiquidErrors, ErrorCarriesLocation) {
  Engine e;
  auto r = e.parse("ok\n  {% bogus %}", "gen/x.liquid");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kTemplate);
  EXPECT_EQ(r.error().where.file, "gen/x.liquid");
  EXPECT_EQ(r.error().where.line, 2);
  EXPECT_EQ(r.error().where.column, 6);
  EXPECT_EQ(r.error().context, "  2 |   {% bogus %}\n    |      ^");
}

// ---- strict variables -------------------------------------------------------

TEST(LiquidStrict, UndefinedVariableRendersEmptyByDefault) {
  Engine e;
  EXPECT_EQ(render(e, "[{{ missing }}][{{ a.missing }}]", R"({"a":{}})"), "[][]");
}

TEST(LiquidStrict, UndefinedVariableIsAnErrorWithPosition) {
  Options o;
  o.strict_variables = true;
  Engine e(o);
  EXPECT_EQ(error_of(e, "ok\n{{ user.nmae }}", R"({"user":{"name":"x"}})"),
            "t.liquid:2:4: undefined variable 'user.nmae'\n"
            "  2 | {{ user.nmae }}\n"
            "    |    ^");
  EXPECT_EQ(error_of(e, "{% if nope %}{% endif %}"),
            "t.liquid:1:7: undefined variable 'nope'\n"
            "  1 | {% if nope %}{% endif %}\n"
            "    |       ^");
  // Defined (even null) values, assigned names, loop variables and sizes are fine.
  EXPECT_EQ(render(e,
                   "{{ n }}{% assign a = 1 %}{{ a }}{% for i in (1..2) %}{{ i }}{{ forloop.index "
                   "}}{% endfor %}{{ s.size }}",
                   R"({"n":null,"s":"abc"})"),
            "111223");
}

// ---- partials -----------------------------------------------------------------

TEST(LiquidPartials, IncludeSharesScope) {
  MapLoader loader;
  loader.files["greet.liquid"] = "Hi {{ name }}{% assign seen = true %}";
  Engine e({}, &loader);
  EXPECT_EQ(render(e, "{% include 'greet' %}|{{ seen }}", R"({"name":"Ann"})"), "Hi Ann|true");
  EXPECT_EQ(render(e, "{% assign name = 'Bob' %}{% include 'greet' %}"), "Hi Bob");
}

TEST(LiquidPartials, IncludeWithArgsAndWith) {
  MapLoader loader;
  loader.files["card.liquid"] = "[{{ card }}|{{ title }}|{{ flag }}]";
  Engine e({}, &loader);
  EXPECT_EQ(render(e, "{% include 'card' with 'W', title: t, flag %}", R"({"t":"T"})"),
            "[W|T|true]");
  // The name may be a variable.
  EXPECT_EQ(render(e, "{% include which title: 'x' %}", R"({"which":"card"})"), "[|x|]");
}

TEST(LiquidPartials, IncludeFor) {
  MapLoader loader;
  loader.files["item.liquid"] = "{{ item }}{{ forloop.index }};";
  Engine e({}, &loader);
  EXPECT_EQ(render(e, "{% include 'item' for items %}", R"({"items":["a","b"]})"), "a1;b2;");
}

TEST(LiquidPartials, RenderIsIsolated) {
  MapLoader loader;
  loader.files["iso.liquid"] = "[{{ secret }}|{{ arg }}]{% assign leaked = 1 %}";
  Engine e({}, &loader);
  EXPECT_EQ(render(e, "{% assign secret = 's' %}{% render 'iso', arg: secret %}[{{ leaked }}]",
                   R"({"secret":"data"})"),
            "[|s][]");
}

TEST(LiquidPartials, RenderWithAsAndForAs) {
  MapLoader loader;
  loader.files["p.liquid"] = "<{{ p.n }}{{ thing.n }}{{ x }}{{ forloop.first }}>";
  Engine e({}, &loader);
  EXPECT_EQ(render(e, "{% render 'p' with obj %}", R"({"obj":{"n":1}})"), "<1>");
  EXPECT_EQ(render(e, "{% render 'p' with obj as thing %}", R"({"obj":{"n":1}})"), "<1>");
  EXPECT_EQ(render(e, "{% render 'p' for list as x, extra: 1 %}", R"({"list":[1,2]})"),
            "<1true><2false>");
}

TEST(LiquidPartials, PartialsAreParsedOnceAndCached) {
  MapLoader loader;
  loader.files["a.liquid"] = "A";
  Engine e({}, &loader);
  EXPECT_EQ(render(e, "{% for i in (1..5) %}{% render 'a' %}{% endfor %}"), "AAAAA");
  EXPECT_EQ(loader.loads, 1);
}

TEST(LiquidPartials, MissingPartialAndParseErrorInPartial) {
  MapLoader loader;
  loader.files["bad.liquid"] = "ok\n{% if %}";
  Engine e({}, &loader);
  EXPECT_EQ(error_of(e, "{% include 'nope' %}"),
            "t.liquid:1:12: cannot load partial 'nope': no such partial\n"
            "  1 | {% include 'nope' %}\n"
            "    |            ^");
  EXPECT_EQ(error_of(e, "{% render 'bad' %}"),
            "bad.liquid:2:6: expected a condition after 'if'\n"
            "  2 | {% if %}\n"
            "    |      ^");
  Engine no_loader;
  EXPECT_EQ(error_of(no_loader, "{% include 'x' %}"),
            "t.liquid:1:12: cannot load partial 'x': no partial loader is configured\n"
            "  1 | {% include 'x' %}\n"
            "    |            ^");
}

TEST(LiquidPartials, RecursionIsBounded) {
  MapLoader loader;
  loader.files["loop.liquid"] = "x{% include 'loop' %}";
  Options o;
  o.max_partial_depth = 5;
  Engine e(o, &loader);
  EXPECT_EQ(error_of(e, "{% include 'loop' %}"),
            "loop.liquid:1:2: partials nested more than 5 deep while rendering 'loop' (does a "
            "partial include itself?)\n"
            "  1 | x{% include 'loop' %}\n"
            "    |  ^");
  // Bounded recursion through a counter works.
  loader.files["count.liquid"] =
      "{{ n }}{% assign m = n | append: '' %}{% if n < 3 %}{% include 'count2' %}{% endif %}";
  loader.files["count2.liquid"] = "{% increment n %}";
  EXPECT_EQ(render(e, "{% include 'count' %}", R"({"n":1})"), "11");
}

TEST(LiquidPartials, BreakEscapesIncludeButNotRender) {
  MapLoader loader;
  loader.files["brk.liquid"] = "{% break %}";
  Engine e({}, &loader);
  EXPECT_EQ(render(e, "{% for i in (1..3) %}{{ i }}{% include 'brk' %}{% endfor %}"), "1");
  EXPECT_EQ(render(e, "{% for i in (1..3) %}{{ i }}{% render 'brk' %}{% endfor %}"), "123");
}

// ---- limits, filters, misc -----------------------------------------------------

TEST(LiquidLimits, OutputIsBounded) {
  Options o;
  o.max_output_bytes = 100;
  Engine e(o);
  std::string err = error_of(e, "{% for i in (1..1000) %}xxxxxxxxxx{% endfor %}");
  EXPECT_NE(err.find("output exceeds the limit of 100 bytes"), std::string::npos) << err;
  EXPECT_EQ(render(e, "{% for i in (1..5) %}xxxxxxxxxx{% endfor %}").size(), 50u);
}

TEST(LiquidLimits, RenderTimeIsBounded) {
  // A fake clock that advances 1 ms per reading: nested loops that produce
  // nothing (so the output limit never fires) run into the time limit.
  auto ticks = std::make_shared<std::int64_t>(0);
  Options o;
  o.max_render_time = std::chrono::milliseconds(50);
  o.steady_now = [ticks] {
    return std::chrono::steady_clock::time_point(std::chrono::milliseconds(++*ticks));
  };
  Engine e(o);
  std::string err = error_of(e,
                             "line 1\n{% for i in (1..100000) %}{% for j in (1..100000) %}"
                             "{% endfor %}{% endfor %}");
  EXPECT_NE(err.find("longer than the limit of 50 ms"), std::string::npos) << err;
  EXPECT_NE(err.find(":2:"), std::string::npos) << "names the loop's line: " << err;
  // tablerow loops are bounded the same way.
  *ticks = 0;
  err = error_of(e,
                 "{% tablerow i in (1..100000) %}{% for j in (1..1000) %}{% endfor %}"
                 "{% endtablerow %}");
  EXPECT_NE(err.find("longer than the limit"), std::string::npos) << err;
  // A short loop finishes well inside the limit.
  *ticks = 0;
  EXPECT_EQ(render(e, "{% for i in (1..100) %}{{ i }}{% endfor %}").size(), 192u);
}

TEST(LiquidLimits, NoTimeLimitByDefault) {
  Options o;
  int reads = 0;
  o.steady_now = [&reads] {
    ++reads;
    return std::chrono::steady_clock::time_point();
  };
  Engine e(o);
  EXPECT_EQ(render(e, "{% for i in (1..5000) %}{% endfor %}ok"), "ok");
  EXPECT_EQ(reads, 0) << "the clock is not read when there is no limit";
}

TEST(LiquidLimits, HugeRangeIsAnError) {
  Engine e;
  std::string err = error_of(e, "{% assign r = (1..100000000) %}");
  EXPECT_NE(err.find("range is too large"), std::string::npos) << err;
}

Result<Value> shout(const Value& in, const FilterArgs& args, const FilterContext&) {
  std::string s = in.to_output() + "!";
  if (const Value* n = args.named_arg("times")) {
    for (std::int64_t i = 1; i < n->as_int(); ++i) s += "!";
  }
  if (const Value* p = args.at(0)) s = p->to_output() + s;
  return Value(std::move(s));
}

Result<Value> failing(const Value&, const FilterArgs&, const FilterContext&) {
  return make_error(ErrorKind::kTemplate, "filter 'boom' cannot handle this");
}

TEST(LiquidLimits, DeepNestingIsAnErrorNotACrash) {
  Engine e;
  std::string parens = "{{ " + std::string(5000, '(') + "1..2" + std::string(5000, ')') + " }}";
  EXPECT_NE(error_of(e, parens).find("expression is nested too deeply"), std::string::npos);
  std::string ands = "{% if a";
  for (int i = 0; i < 3000; ++i) ands += " and a";
  ands += " %}x{% endif %}";
  EXPECT_NE(error_of(e, ands).find("expression is nested too deeply"), std::string::npos);
  std::string ifs;
  for (int i = 0; i < 1000; ++i) ifs += "{% if true %}";
  EXPECT_NE(error_of(e, ifs).find("blocks are nested more than 256 deep"), std::string::npos);
  // Realistic nesting is fine.
  std::string ok;
  for (int i = 0; i < 100; ++i) ok += "{% if true %}";
  ok += "y";
  for (int i = 0; i < 100; ++i) ok += "{% endif %}";
  EXPECT_EQ(render(e, ok), "y");
  EXPECT_EQ(render(e, "{{ ((1..2).last..3) | join }}"), "2 3");
}

TEST(LiquidFilters, CustomFiltersWithPositionalAndNamedArgs) {
  Engine e;
  e.register_filter({"shout", shout, 0, 1});
  e.register_filter({"boom", failing, 0, 0});
  EXPECT_EQ(render(e, "{{ 'hi' | shout }}|{{ 'hi' | shout: pre, times: 3 }}", R"({"pre":">"})"),
            "hi!|>hi!!!");
  EXPECT_EQ(error_of(e, "x\n{{ 1 | boom }}"),
            "t.liquid:2:8: filter 'boom' cannot handle this\n"
            "  2 | {{ 1 | boom }}\n"
            "    |        ^");
  auto names = e.filter_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "shout"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "upcase"), names.end());
}

// ---- partial names with markup, layout and block ------------------------------

TEST(LiquidPartials, QuotedNameWithMarkupIsRenderedAsATemplate) {
  MapLoader loader;
  loader.files["files/a.liquid"] = "FA{{ kind }}";
  loader.files["files/b.liquid"] = "FB";
  Engine e({}, &loader);
  // LiquidJS renders the name in the caller's scope; `render` still isolates.
  EXPECT_EQ(render(e, "{% include 'files/{{ kind }}' %}", R"({"kind":"a"})"), "FAa");
  EXPECT_EQ(render(e, "{% render 'files/{{ kind }}' %}", R"({"kind":"a"})"), "FA");
  EXPECT_EQ(render(e, "{% for k in ks %}{% include \"files/{{ k }}\" %};{% endfor %}",
                   R"({"ks":["a","b"],"kind":"!"})"),
            "FA!;FB;");
  // With an escape the name is parsed on its own; the result is the same.
  EXPECT_EQ(render(e, R"({% include 'files/\a{{ "" }}' %})"), "FA");
  // A name that renders empty is an error; so is bad markup, at its position.
  EXPECT_EQ(error_of(e, "{% include '{{ nope }}' %}"),
            "t.liquid:1:12: the partial name is empty\n"
            "  1 | {% include '{{ nope }}' %}\n"
            "    |            ^");
  EXPECT_EQ(error_of(e, "{% include 'files/{{ k | nofilter }}' %}"),
            "t.liquid:1:26: unknown filter 'nofilter'\n"
            "  1 | {% include 'files/{{ k | nofilter }}' %}\n"
            "    |                          ^");
}

TEST(LiquidLayout, BlocksOverrideTheLayoutsDefaults) {
  MapLoader loader;
  loader.files["base.liquid"] =
      "<{% block title %}dt{{ t }}{% endblock %}|{% block content %}dc{% endblock %}|"
      "{% block %}{% endblock %}>";
  loader.files["mid.liquid"] =
      "{% layout 'base' %}{% block content %}MID({{ block.super }}){% endblock %}";
  Engine e({}, &loader);
  // Expected outputs are LiquidJS 10.30's.
  EXPECT_EQ(render(e, "{% layout 'base' %}{% block content %}C{% endblock %}"), "<dt|C|>");
  // Text before the tag is output; text after it becomes the anonymous block.
  EXPECT_EQ(render(e, "A{% layout 'base' %}x{% block content %}C {{ block.super }}{% endblock %}y"),
            "A<dt|C dc|xy>");
  EXPECT_EQ(render(e, "{% layout 'base' %}just text"), "<dt|dc|just text>");
  EXPECT_EQ(render(e, "{% layout 'base' %}{% block %}anon{% endblock %}"), "<dt|dc|anon>");
  // Arguments are visible to the layout and to the blocks it renders.
  EXPECT_EQ(render(e, "{% layout 'base', t: 1 %}{% block title %}T{{ t }}{% endblock %}"),
            "<T1|dc|>");
  // Chained layouts: block.super reaches through each level.
  EXPECT_EQ(
      render(e, "{% layout 'mid' %}{% block content %}CHILD[{{ block.super }}]{% endblock %}"),
      "<dt|CHILD[MID(dc)]|>");
  // The layout shares the template's scope; the name may be a variable or have markup.
  EXPECT_EQ(render(e, "{% assign t = 'v' %}{% layout which %}", R"({"which":"base"})"),
            "<dtv|dc|>");
  EXPECT_EQ(render(e, "{% layout '{{ which }}' %}", R"({"which":"base"})"), "<dt|dc|>");
}

TEST(LiquidLayout, NoneAndBlocksOutsideALayoutRenderInPlace) {
  Engine e;
  EXPECT_EQ(render(e, "{% layout none %}{% block content %}C{% endblock %}!"), "C!");
  EXPECT_EQ(render(e, "{% block content %}alone{% endblock %}"), "alone");
  EXPECT_EQ(render(e, "{% block a %}{{ block }}[{{ block.super }}]{% endblock %}"),
            "[object Object][]");
  EXPECT_EQ(render(e, "{% block \"quoted\" %}q{% endblock %}"), "q");
}

TEST(LiquidLayout, Errors) {
  MapLoader loader;
  loader.files["self.liquid"] = "{% layout 'self' %}";
  Options o;
  o.max_partial_depth = 4;
  Engine e(o, &loader);
  EXPECT_EQ(error_of(e, "{% layout 'nope' %}"),
            "t.liquid:1:11: cannot load partial 'nope': no such partial\n"
            "  1 | {% layout 'nope' %}\n"
            "    |           ^");
  EXPECT_EQ(error_of(e, "{% block a %}x"),
            "t.liquid:1:4: unexpected end of template: 'block' opened at line 1 was never closed\n"
            "  1 | {% block a %}x\n"
            "    |    ^");
  EXPECT_EQ(error_of(e, "{% layuot 'x' %}"),
            "t.liquid:1:4: unknown tag 'layuot' (did you mean 'layout'?)\n"
            "  1 | {% layuot 'x' %}\n"
            "    |    ^");
  EXPECT_NE(error_of(e, "{% layout 'self' %}").find("partials nested more than 4 deep"),
            std::string::npos);
}

// ---- globals --------------------------------------------------------------------

TEST(LiquidGlobals, VisibleEverywhereWithTheLowestPriority) {
  MapLoader loader;
  loader.files["p.liquid"] = "<{{ site }}{{ name }}>";
  Options o;
  o.globals = json(R"({"site":"G","name":"gname"})");
  Engine e(o, &loader);
  // Expected outputs are LiquidJS 10.30's with the same `globals` option.
  EXPECT_EQ(render(e,
                   "{{ site }}|{{ name }}|{% render 'p' %}|{% render 'p', site: 'arg' %}|"
                   "{% include 'p' %}",
                   R"({"name":"data","site":"datasite"})"),
            "datasite|data|<Ggname>|<arggname>|<datasitedata>");
  EXPECT_EQ(render(e, "{% assign site = 'local' %}{{ site }}{% render 'p' %}"), "local<Ggname>");
  EXPECT_EQ(render(e, "{{ site }}{% for site in (1..2) %}{{ site }}{% endfor %}"), "G12");
  // A global is defined as far as strict mode is concerned.
  o.strict_variables = true;
  Engine strict(o, &loader);
  EXPECT_EQ(render(strict, "{{ site }}{% render 'p' %}"), "G<Ggname>");
}

// ---- the *_exp filters ------------------------------------------------------------

TEST(LiquidExpFilters, ExpressionErrorsAreParseErrorsAtTheirPosition) {
  Engine e;
  EXPECT_EQ(error_of(e, "{{ items | where_exp: \"i\", \"i.price >\" }}"),
            "t.liquid:1:38: expected a value\n"
            "  1 | {{ items | where_exp: \"i\", \"i.price >\" }}\n"
            "    |                                      ^");
  EXPECT_EQ(error_of(e, "{{ items | has_exp: 'i', 'i | nofilter' }}"),
            "t.liquid:1:31: unknown filter 'nofilter'\n"
            "  1 | {{ items | has_exp: 'i', 'i | nofilter' }}\n"
            "    |                               ^");
  EXPECT_EQ(error_of(e, "{{ items | find_exp: 'i' }}"),
            "t.liquid:1:12: filter 'find_exp' expects exactly 2 arguments, got 1\n"
            "  1 | {{ items | find_exp: 'i' }}\n"
            "    |            ^");
  // With escapes the string is parsed on its own and reported at the literal.
  EXPECT_EQ(error_of(e, R"({{ items | where_exp: 'i', 'i \'x\'' }})"),
            "t.liquid:1:28: in the expression of 'where_exp': unexpected ''x'' in the "
            "expression\n"
            "  1 | {{ items | where_exp: 'i', 'i \\'x\\'' }}\n"
            "    |                            ^");
  // An expression computed at render time is parsed then.
  EXPECT_EQ(error_of(e, "{% assign x = 'i >' %}{{ items | find_exp: 'i', x }}", R"({"items":[1]})"),
            "t.liquid:1:34: cannot parse the expression of 'find_exp' (i >): expected a value\n"
            "  1 | {% assign x = 'i >' %}{{ items | find_exp: 'i', x }}\n"
            "    |                                  ^");
  auto names = e.filter_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "where_exp"), names.end());
  EXPECT_NE(error_of(e, "{{ x | where_ex: 'a', 'b' }}").find("did you mean 'where_exp'?"),
            std::string::npos);
}

TEST(LiquidExpFilters, StrictUndefinedInsideTheExpression) {
  Options o;
  o.strict_variables = true;
  Engine e(o);
  EXPECT_EQ(error_of(e, "{{ items | where_exp: 'i', 'i.price > 1' | size }}", R"({"items":[{}]})"),
            "t.liquid:1:29: undefined variable 'i.price'\n"
            "  1 | {{ items | where_exp: 'i', 'i.price > 1' | size }}\n"
            "    |                             ^");
  EXPECT_EQ(render(e, "{{ items | where_exp: 'i', 'i.price > 1' | size }}",
                   R"({"items":[{"price":2},{"price":0}]})"),
            "1");
  // The item variable is gone after the filter.
  EXPECT_NE(error_of(e, "{{ items | has_exp: 'i', 'i' }}{{ i }}", R"({"items":[1]})")
                .find("undefined variable 'i'"),
            std::string::npos);
}

TEST(LiquidExpFilters, UserFilterWithTheSameNameWins) {
  Engine e;
  e.register_filter({"where_exp", failing, 0, -1});
  EXPECT_NE(error_of(e, "{{ 1 | where_exp: 'a', 'b' }}").find("filter 'boom' cannot handle this"),
            std::string::npos);
}

TEST(LiquidRender, WhitespaceControlAtTemplateEdges) {
  Engine e;
  EXPECT_EQ(render(e, "\n\n  {%- assign a = 1 -%}\n\n"), "");
  EXPECT_EQ(render(e, "{{- 'x' -}}"), "x");
  EXPECT_EQ(render(e, "  \n{%- if true %} y {% endif -%}  \n"), " y ");
}

TEST(LiquidRender, UnicodeSizeCountsUtf16Units) {
  Engine e;
  EXPECT_EQ(render(e, "{{ s.size }} {{ s[1] }} {{ t.size }}", R"({"s":"aé😀","t":"ü"})"), "4 é 1");
}

TEST(LiquidRender, NestedLoopsBreakContinueParentloop) {
  Engine e;
  EXPECT_EQ(
      render(e,
             "{% for i in (1..3) %}{% for j in (1..3) %}{% if j == 2 %}{% continue %}{% endif "
             "%}{% if i == 2 %}{% break %}{% endif %}{{ forloop.parentloop.index }}{{ j }} "
             "{% endfor %}{% endfor %}"),
      "11 13 31 33 ");
  EXPECT_EQ(render(e, "{% for i in (1..2) %}[{{ forloop.parentloop }}]{% endfor %}"), "[][]");
}

TEST(LiquidRender, OffsetContinueAfterBreakUsesFullSlice) {
  // LiquidJS records offset + the sliced length even when the loop breaks.
  Engine e;
  EXPECT_EQ(render(e,
                   "{% for x in a limit:3 %}{{ x }}{% break %}{% endfor %}|{% for x in a "
                   "offset:continue %}{{ x }}{% endfor %}",
                   R"({"a":[1,2,3,4,5]})"),
            "1|45");
}

TEST(LiquidRender, DataIsNotModified) {
  Engine e;
  Value data = json(R"({"x":5,"arr":[1]})");
  auto tpl = e.parse("{% increment x %}{% assign arr = 'y' %}");
  ASSERT_TRUE(tpl);
  ASSERT_TRUE(e.render(**tpl, data));
  EXPECT_EQ(to_json(data), R"({"x":5,"arr":[1]})");
}

TEST(LiquidRender, ConcurrentRendersOfOneTemplate) {
  MapLoader loader;
  loader.files["row.liquid"] = "{{ r }}{% cycle 'a', 'b' %};";
  Engine e({}, &loader);
  auto tpl = e.parse(
      "{% assign total = 0 %}{% for r in rows %}{% render 'row', r: r %}{% increment c %}{% "
      "endfor %}|{{ who }}",
      "conc.liquid");
  ASSERT_TRUE(tpl);
  std::vector<std::thread> threads;
  std::vector<std::string> results(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Object o;
      Array rows;
      for (int i = 0; i < 50; ++i) rows.emplace_back(i);
      o.set("rows", Value(std::move(rows)));
      o.set("who", Value("t" + std::to_string(t)));
      Value data(std::move(o));
      for (int k = 0; k < 20; ++k) {
        auto out = e.render(**tpl, data);
        if (!out) {
          results[t] = out.error().describe();
          return;
        }
        results[t] = *out;
      }
    });
  }
  for (auto& th : threads) th.join();
  std::string rows;
  for (int i = 0; i < 50; ++i) rows += std::to_string(i) + "a;" + std::to_string(i);
  for (int t = 0; t < 8; ++t) {
    EXPECT_EQ(results[t], rows + "|t" + std::to_string(t));
  }
}

}  // namespace
}  // namespace hypergen::liquid
