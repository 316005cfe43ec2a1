// Rendering tests for every tag and expression form. The expected outputs of
// the table below were produced by LiquidJS 10.30 (the engine Hypergen V8
// used) from the same template and data, except where a comment says we
// deliberately differ.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "liquid/json.h"
#include "liquid/liquid.h"

namespace hypergen::liquid {
namespace {

struct Case {
  const char* name;
  const char* tpl;
  const char* data;
  const char* expected;
};

// clang-format off
const Case kCases[] = {
    {"text only", R"liq(plain text)liq", R"liq({})liq", R"liq(plain text)liq"},
    {"output var", R"liq([{{ a }}])liq", R"liq({"a":"x"})liq", R"liq([x])liq"},
    {"output int float", R"liq({{ i }} {{ f }} {{ 1.0 }} {{ 2.50 }} {{ -7 }})liq", R"liq({"i":3,"f":2.5})liq", R"liq(3 2.5 1 2.5 -7)liq"},
    {"literals", R"liq({{ true }} {{ false }} {{ nil }}|{{ null }}|{{ "s" }} {{ 's' }})liq", R"liq({})liq", R"liq(true false ||s s)liq"},
    {"missing var", R"liq([{{ nope }}][{{ nope.deeper }}])liq", R"liq({})liq", R"liq([][])liq"},
    {"property access", R"liq({{ a.b.c }} {{ a["b"]["c"] }} {{ a.b["c"] }})liq", R"liq({"a":{"b":{"c":"deep"}}})liq", R"liq(deep deep deep)liq"},
    {"index access", R"liq({{ arr[0] }} {{ arr[-1] }} {{ arr[-3] }} [{{ arr[5] }}] [{{ arr[-4] }}] {{ arr.1 }})liq", R"liq({"arr":[10,20,30]})liq", R"liq(10 30 10 [] [] 20)liq"},
    {"variable index", R"liq({{ arr[i] }} {{ o[k] }})liq", R"liq({"arr":[10,20,30],"i":2,"k":"x","o":{"x":"ok"}})liq", R"liq(30 ok)liq"},
    {"size first last", R"liq({{ arr.size }} {{ arr.first }} {{ arr.last }} {{ s.size }} {{ o.size }} [{{ s.first }}])liq", R"liq({"arr":[1,2,3],"s":"héllo😀","o":{"a":1,"b":2}})liq", R"liq(3 1 3 7 2 [])liq"},
    {"string index", R"liq({{ s[0] }}{{ s[1] }} [{{ s[-1] }}])liq", R"liq({"s":"héllo"})liq", R"liq(hé [])liq"},
    {"size key wins", R"liq({{ o.size }})liq", R"liq({"o":{"size":"big"}})liq", R"liq(big)liq"},
    {"array output", R"liq({{ arr }})liq", R"liq({"arr":[1,"a",[2,3]]})liq", R"liq(1a23)liq"},
    {"object output", R"liq({{ o }})liq", R"liq({"o":{"a":1}})liq", R"liq([object Object])liq"},
    {"range output", R"liq({{ (1..3) }} {{ (2..n) }} {{ (3..1) }}|)liq", R"liq({"n":4})liq", R"liq(123 234 |)liq"},
    {"if else", R"liq({% if a %}A{% else %}B{% endif %}{% if b %}A{% else %}B{% endif %})liq", R"liq({"a":true,"b":false})liq", R"liq(AB)liq"},
    {"elsif", R"liq({% if n == 1 %}one{% elsif n == 2 %}two{% else %}other{% endif %})liq", R"liq({"n":2})liq", R"liq(two)liq"},
    {"unless", R"liq({% unless a %}no{% endunless %}{% unless true %}x{% elsif true %}E{% else %}y{% endunless %})liq", R"liq({"a":false})liq", R"liq(noE)liq"},
    {"truthiness", R"liq({% if z %}0t{% endif %}{% if e %}et{% endif %}{% if arr %}at{% endif %}{% if nil %}n{% endif %}{% if false %}f{% endif %})liq", R"liq({"z":0,"e":"","arr":[]})liq", R"liq(0tetat)liq"},
    {"comparisons", R"liq({{ 1 == 1 }} {{ 1 == 1.0 }} {{ 1 == "1" }} {{ 2 > 1 }} {{ 1 >= 2 }} {{ "b" > "a" }} {{ 1 < "2" }} {{ 1 != 2 }} {{ 1 <> 1 }})liq", R"liq({})liq", R"liq(true true false true false true true true false)liq"},
    {"nil comparisons", R"liq({{ nil < 1 }} {{ nil > 1 }} {{ u < 1 }} {{ nil == nil }} {{ u == nil }})liq", R"liq({})liq", R"liq(false false false true true)liq"},
    {"contains", R"liq({{ arr contains "a" }} {{ arr contains "z" }} {{ s contains "ell" }} {{ s contains "x" }} {{ nums contains 2 }} {{ nums contains "2" }})liq", R"liq({"arr":["a","b"],"s":"hello","nums":[1,2]})liq", R"liq(true false true false true false)liq"},
    {"and or right assoc", R"liq({{ true or false and false }} {{ false and false or true }} {{ true and true and false }})liq", R"liq({})liq", R"liq(true false false)liq"},
    {"not", R"liq({% if not a %}yes{% endif %}{% if not a and false %}x{% endif %}{{ not 1 == 2 }})liq", R"liq({"a":false})liq", R"liq(yestrue)liq"},
    {"empty blank", R"liq({{ e == empty }} {{ arr == empty }} {{ o == empty }} {{ s == empty }} {{ s == blank }} {{ n == blank }} {{ n == empty }} {{ false == blank }} {{ empty == e }} {{ empty }}|)liq", R"liq({"e":"","s":" ","arr":[],"o":{},"n":null})liq", R"liq(true true true false true true false true true |)liq"},
    {"case when", R"liq({% case x %}{% when 1 %}one{% when 2, 3 %}two-three{% else %}other{% endcase %})liq", R"liq({"x":2})liq", R"liq(two-three)liq"},
    {"case when or", R"liq({% case x %}{% when "a" or "b" %}ab{% endcase %})liq", R"liq({"x":"b"})liq", R"liq(ab)liq"},
    {"case multiple hits", R"liq({% case 1 %}{% when 1 %}A{% when 1, 2 %}B{% else %}C{% endcase %})liq", R"liq({})liq", R"liq(AB)liq"},
    {"case else", R"liq({% case 9 %}{% when 1 %}A{% else %}E{% endcase %})liq", R"liq({})liq", R"liq(E)liq"},
    {"for basic", R"liq({% for x in arr %}{{ x }},{% endfor %})liq", R"liq({"arr":[1,2,3]})liq", R"liq(1,2,3,)liq"},
    {"for range var", R"liq({% for i in (1..n) %}{{ i }}{% endfor %})liq", R"liq({"n":3})liq", R"liq(123)liq"},
    {"for forloop", R"liq({% for x in arr %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{{ forloop.length }}|{% endfor %})liq", R"liq({"arr":["a","b","c"]})liq", R"liq(1032truefalse3|2121falsefalse3|3210falsetrue3|)liq"},
    {"forloop name", R"liq({% for x in arr %}{{ forloop.name }}{% endfor %}{% for y in (1..2) limit:1 %}{{ forloop.name }}{% endfor %})liq", R"liq({"arr":[1]})liq", R"liq(x-arry-(1..2))liq"},
    {"for limit offset", R"liq({% for x in arr limit:2 offset:1 %}{{ x }}{% endfor %}|{% for x in arr offset:3 %}{{ x }}{% endfor %}|{% for x in arr limit: 2 %}{{ x }}{% endfor %})liq", R"liq({"arr":[1,2,3,4,5]})liq", R"liq(23|45|12)liq"},
    {"for reversed", R"liq({% for x in arr reversed %}{{ x }}{% endfor %}|{% for x in arr reversed limit:2 %}{{ x }}{% endfor %})liq", R"liq({"arr":[1,2,3]})liq", R"liq(321|21)liq"},
    {"for offset continue", R"liq({% for x in arr limit:2 %}{{ x }}{% endfor %}|{% for x in arr limit:2 offset:continue %}{{ x }}{% endfor %}|{% for x in arr offset:continue %}{{ x }}{% endfor %})liq", R"liq({"arr":[1,2,3,4,5,6]})liq", R"liq(12|34|56)liq"},
    {"for else", R"liq({% for x in arr %}{{ x }}{% else %}empty{% endfor %}|{% for x in s %}x{% else %}E{% endfor %}|{% for x in nope %}x{% else %}N{% endfor %})liq", R"liq({"arr":[],"s":""})liq", R"liq(empty|E|N)liq"},
    {"for string", R"liq({% for c in s %}[{{ c }}]{% endfor %})liq", R"liq({"s":"abc"})liq", R"liq([abc])liq"},
    {"for object", R"liq({% for p in o %}{{ p[0] }}={{ p[1] }};{% endfor %}{% for p in o %}{{ p.first }}{{ p.last }}{% endfor %})liq", R"liq({"o":{"k":1,"j":"v"}})liq", R"liq(k=1;j=v;k1jv)liq"},
    {"for break continue", R"liq({% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %})liq", R"liq({})liq", R"liq(134)liq"},
    {"nested break", R"liq({% for i in (1..3) %}{% for j in (1..3) %}{% if j == 2 %}{% break %}{% endif %}{{ i }}{{ j }} {% endfor %}{% endfor %})liq", R"liq({})liq", R"liq(11 21 31 )liq"},
    {"for scope", R"liq({% for x in arr %}{% assign last = x %}{% endfor %}{{ last }}[{{ x }}])liq", R"liq({"arr":[1,2]})liq", R"liq(2[])liq"},
    {"assign", R"liq({% assign b = a %}{% assign c = "lit" %}{% assign d = 3 %}{{ b }}{{ c }}{{ d }})liq", R"liq({"a":"x"})liq", R"liq(xlit3)liq"},
    {"assign filter", R"liq({% assign b = a | append: "y" | upcase %}{{ b }})liq", R"liq({"a":"x"})liq", R"liq(XY)liq"},
    {"assign shadows data", R"liq({% assign a = "local" %}{{ a }})liq", R"liq({"a":"data"})liq", R"liq(local)liq"},
    {"capture", R"liq({% capture c %}hello {{ n }}{% endcapture %}[{{ c }}]{% capture "q" %}z{% endcapture %}{{ q }})liq", R"liq({"n":"w"})liq", R"liq([hello w]z)liq"},
    {"increment", R"liq({% increment x %}{% increment x %}{% increment x %}|{{ x }})liq", R"liq({})liq", R"liq(012|3)liq"},
    {"decrement", R"liq({% decrement y %}{% decrement y %}|{{ y }})liq", R"liq({})liq", R"liq(-1-2|-2)liq"},
    {"increment data", R"liq({% increment x %}{{ x }})liq", R"liq({"x":5})liq", R"liq(56)liq"},
    {"increment vs assign", R"liq({% assign x = 10 %}{% increment x %}{% increment x %}{{ x }})liq", R"liq({})liq", R"liq(0110)liq"},
    {"cycle", R"liq({% cycle "a", "b", "c" %}{% cycle "a", "b", "c" %}{% cycle "a", "b", "c" %}{% cycle "a", "b", "c" %})liq", R"liq({})liq", R"liq(abca)liq"},
    {"cycle groups", R"liq({% cycle "g1": "a", "b" %}{% cycle "g2": "a", "b" %}{% cycle "g1": "a", "b" %})liq", R"liq({})liq", R"liq(aab)liq"},
    {"cycle in for", R"liq({% for i in (1..4) %}{% cycle "odd", "even" %} {% endfor %})liq", R"liq({})liq", R"liq(odd even odd even )liq"},
    {"tablerow", R"liq({% tablerow i in (1..5) cols:2 %}{{ i }}{% endtablerow %})liq", R"liq({})liq", R"liq(<tr class="row1"><td class="col1">1</td><td class="col2">2</td></tr><tr class="row2"><td class="col1">3</td><td class="col2">4</td></tr><tr class="row3"><td class="col1">5</td></tr>)liq"},
    {"tablerow nocols", R"liq({% tablerow x in arr %}{{ x }}{% endtablerow %})liq", R"liq({"arr":["a","b"]})liq", R"liq(<tr class="row1"><td class="col1">a</td><td class="col2">b</td></tr>)liq"},
    {"tablerow loop", R"liq({% tablerow i in (1..4) cols:2 %}{{ tablerowloop.row }}{{ tablerowloop.col }}{{ tablerowloop.col0 }}{{ tablerowloop.col_first }}{{ tablerowloop.col_last }}{{ tablerowloop.index }}{% endtablerow %})liq", R"liq({})liq", R"liq(<tr class="row1"><td class="col1">110truefalse1</td><td class="col2">121falsetrue2</td></tr><tr class="row2"><td class="col1">210truefalse3</td><td class="col2">221falsetrue4</td></tr>)liq"},
    {"tablerow limit offset", R"liq({% tablerow i in (1..6) cols:2 limit:3 offset:1 %}{{ i }}{% endtablerow %})liq", R"liq({})liq", R"liq(<tr class="row1"><td class="col1">2</td><td class="col2">3</td></tr><tr class="row2"><td class="col1">4</td></tr>)liq"},
    {"tablerow empty", R"liq([{% tablerow x in arr %}{{ x }}{% endtablerow %}])liq", R"liq({"arr":[]})liq", R"liq([])liq"},
    {"raw", R"liq({% raw %}{{ x }}{% if %}{% endraw %})liq", R"liq({})liq", R"liq({{ x }}{% if %})liq"},
    {"comment", R"liq(a{% comment %} {{ x }} {% if %} {% endcomment %}b)liq", R"liq({})liq", R"liq(ab)liq"},
    {"inline comment", R"liq(a{% # hello %}b{%# x %}c)liq", R"liq({})liq", R"liq(abc)liq"},
    {"liquid tag", R"liq({% liquid
assign x = "y"
if x == "y"
  echo "yes"
endif
for i in arr
  echo i
endfor
# a comment
%})liq", R"liq({"arr":[1,2]})liq", R"liq(yes12)liq"},
    {"echo", R"liq({% echo a | upcase %}{% echo "lit" %})liq", R"liq({"a":"x"})liq", R"liq(Xlit)liq"},
    {"whitespace control", R"liq(<  {{- a -}}  >  {%- if true -%}  y  {%- endif -%}  !)liq", R"liq({"a":"x"})liq", R"liq(<x>y!)liq"},
    {"ws start end", R"liq(  {{- "a" -}}  )liq", R"liq({})liq", R"liq(a)liq"},
    {"ws newline", R"liq(line1
{%- assign x = 1 -%}
line2)liq", R"liq({})liq", R"liq(line1line2)liq"},
    {"ws only adjacent", R"liq(a {{- "" }}{{ "" -}} b)liq", R"liq({})liq", R"liq(ab)liq"},
    {"unicode string", R"liq({{ "日本語" }} {{ "日本語".size }} {{ "😀😀".size }})liq", R"liq({})liq", R"liq(日本語 3 4)liq"},
    {"string escapes", R"liq({{ "a\tb" }}|{{ 'it\'s' }})liq", R"liq({})liq", R"liq(a	b|it's)liq"},
    {"negative int", R"liq({% assign i = -1 %}{{ arr[i] }})liq", R"liq({"arr":[1,2,3]})liq", R"liq(3)liq"},
    {"nested loops parentloop", R"liq({% for i in (1..2) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}{{ forloop.index }} {% endfor %}{% endfor %})liq", R"liq({})liq", R"liq(11 12 21 22 )liq"},
    {"float literal print", R"liq({{ 0.1 }} {{ 100000000000000000000000.0 }} {{ 1.5e3 }})liq", R"liq({})liq", R"liq(0.1 1e+23 )liq"},
    {"bracket root", R"liq({{ ["my key"] }})liq", R"liq({"my key":"v"})liq", R"liq(v)liq"},
    {"nil undefined ordering", R"liq({{ nothing < 1 }} {{ nothing > -1 }} {{ nothing >= 0 }} {{ missing < 1 }} {{ missing >= missing }} {{ nil < 1 }} {{ 1 > nil }} {{ "b" > nothing }} {{ nothing < "" }} {{ nothing <= "" }} {{ nothing.x < 1 }})liq", R"liq({"nothing":null})liq", R"liq(true true true false false false false false false true true)liq"},
    {"js ordering", R"liq({{ t > 0 }} {{ f < t }} {{ t < "b" }} {{ one > 0 }} {{ two > 0 }} {{ two < "3" }} {{ obj < "[object Z" }} {{ obj > 0 }} {{ "10" > 9 }} {{ " 2 " > 1 }} {{ emp <= nothing }} {{ empty < 1 }} {{ "a" >= "a" }} {{ two >= "2,3" }} {{ obj >= obj }})liq", R"liq({"nothing":null,"t":true,"f":false,"one":[1],"two":[2,3],"obj":{"a":1},"emp":[]})liq", R"liq(true true false true false true true false true true true false true true true)liq"},
    {"tag ends at first tag end", R"liq({% assign s = "%}" %}[{{ s }}]{% assign u = "abc %}[{{ u }}]{{ "}}" }} {{ '{% x %}' }})liq", R"liq({})liq", R"liq(" %}[][ab]}} {% x %})liq"},
    {"where_exp reject_exp", R"liq({{ products | where_exp: "p", "p.price > 10" | map: "title" | join: "," }}|{{ products | reject_exp: "p", "p.available" | map: "title" | join: "," }}|{{ products | where_exp: "p", "p.title" | size }})liq", R"liq({"products":[{"title":"A","price":20,"available":true,"zero":0},{"title":"B","price":5,"available":false,"zero":""},{"title":"C","price":30}]})liq", R"liq(A,C|B|0)liq"},
    {"group_by_exp", R"liq({% assign g = items | group_by_exp: "i", "i | modulo: 2" %}{% for grp in g %}{{ grp.name }}:{{ grp.items | join: "," }} {% endfor %}{{ obj | group_by_exp: "e", "e[1] > 1" | json }})liq", R"liq({"items":[1,2,3,4,5],"obj":{"a":1,"b":2}})liq", R"liq(1:1,3,5 0:2,4 [{"name":false,"items":[["a",1]]},{"name":true,"items":[["b",2]]}])liq"},
    {"has find find_index exp", R"liq({{ products | has_exp: "p", "p.price > 25" }} {{ products | has_exp: "p", "p.zero" }} {{ products | find_exp: "p", "p.price > 16" | map: "title" }} {{ products | find_index_exp: "p", "p.price == 30" }} [{{ products | find_index_exp: "p", "p.nope" }}])liq", R"liq({"products":[{"title":"A","price":20,"available":true,"zero":0},{"title":"B","price":5,"available":false,"zero":""},{"title":"C","price":30}]})liq", R"liq(true false A 2 [])liq"},
    {"exp variable and escapes", R"liq({% assign e = "i == 2" %}{{ items | find_exp: "i", e }} {{ items | where_exp: "i", "i == \"2\" or i == 3" | join }} {% for x in items %}{{ items | where_exp: "i", "i == x" | size }}{% endfor %})liq", R"liq({"items":[1,2,3]})liq", R"liq(2 3 111)liq"},
    {"exp scalar nil string input", R"liq({{ 5 | where_exp: "i", "i > 2" | join }}|{{ nothing | where_exp: "i", "i" | size }}|{{ s | group_by_exp: "c", "c.size" | map: "name" | join }})liq", R"liq({"nothing":null,"s":"abc"})liq", R"liq(5|0|3)liq"},
};
// clang-format on

// "nested loops parentloop": LiquidJS has no forloop.parentloop (it renders
// empty); we implement Shopify's parentloop.

class LiquidRenderTable : public ::testing::TestWithParam<Case> {};

TEST_P(LiquidRenderTable, MatchesLiquidJs) {
  const Case& c = GetParam();
  Engine engine;
  auto data = parse_json(c.data, "data.json");
  ASSERT_TRUE(data) << data.error().describe();
  auto out = engine.parse_and_render(c.tpl, *data, "case.liquid");
  ASSERT_TRUE(out) << out.error().describe();
  EXPECT_EQ(*out, c.expected) << "template: " << c.tpl;
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name;
  for (const char* p = info.param.name; *p; ++p) {
    name += (std::isalnum(static_cast<unsigned char>(*p)) != 0) ? *p : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, LiquidRenderTable, ::testing::ValuesIn(kCases), case_name);

}  // namespace
}  // namespace hypergen::liquid
