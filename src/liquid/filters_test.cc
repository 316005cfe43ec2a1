// Unit tests for the built-in filters, called directly (no parser). The big
// table below was produced by rendering `{{ x | filter: a0, a1 }}` with
// LiquidJS 10.30 under TZ=UTC (node script gen_filter_cases.js, see the
// report of the change that added it), so every expectation is LiquidJS's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "liquid/filter.h"
#include "liquid/json.h"

namespace hypergen::liquid {
namespace {

struct Case {
  const char* filter;
  const char* input_json;
  const char* args_json;
  const char* expected;
};

// clang-format off
constexpr Case kLiquidJsCases[] = {
    {"append", "\"abc\"", "[\"def\"]", "abcdef"},
    {"append", "1", "[2]", "12"},
    {"append", "null", "[\"x\"]", "x"},
    {"append", "[1,2]", "[[3]]", "123"},
    {"prepend", "\"abc\"", "[\"x\"]", "xabc"},
    {"prepend", "\"abc\"", "[null]", "abc"},
    {"capitalize", "\"hELLO wORLD\"", "[]", "Hello world"},
    {"capitalize", "\"élan VITAL\"", "[]", "Élan vital"},
    {"capitalize", "\"\"", "[]", ""},
    {"downcase", "\"ÀÉÎõü straße ΟΔΟΣ Привет\"", "[]", "àéîõü straße οδος привет"},
    {"upcase", "\"ÀÉÎõü straße ΟΔΟΣ Привет\"", "[]", "ÀÉÎÕÜ STRASSE ΟΔΟΣ ПРИВЕТ"},
    {"upcase", "\"ǆ ﬁ ŉ\"", "[]", "Ǆ FI ʼN"},
    {"downcase", "\"İSTANBUL\"", "[]", "i̇stanbul"},
    {"upcase", "3.5", "[]", "3.5"},
    {"lstrip", "\"  \\t\\n a b  \"", "[]", "a b  "},
    {"rstrip", "\"  a b \\n \"", "[]", "  a b"},
    {"strip", "\"  a b 　\"", "[]", "a b"},
    {"strip", "\"xxhixx\"", "[\"x\"]", "hi"},
    {"lstrip", "\"abcba\"", "[\"ab\"]", "cba"},
    {"rstrip", "\"abcba\"", "[\"ab\"]", "abc"},
    {"strip", "\"--a--\"", "[\"\"]", "--a--"},
    {"remove", "\"a-b-c\"", "[\"-\"]", "abc"},
    {"remove", "\"abc\"", "[\"\"]", "abc"},
    {"remove_first", "\"a-b-c\"", "[\"-\"]", "ab-c"},
    {"remove_last", "\"a-b-c\"", "[\"-\"]", "a-bc"},
    {"replace", "\"a-b-c\"", "[\"-\",\"+\"]", "a+b+c"},
    {"replace", "\"abc\"", "[\"\",\".\"]", "a.b.c"},
    {"replace", "\"a-b\"", "[\"-\"]", "ab"},
    {"replace_first", "\"a-b-c\"", "[\"-\",\"+\"]", "a+b-c"},
    {"replace_first", "\"abc\"", "[\"\",\".\"]", ".abc"},
    {"replace_last", "\"a-b-c\"", "[\"-\",\"+\"]", "a-b+c"},
    {"replace_last", "\"abc\"", "[\"\",\".\"]", "abc."},
    {"replace", "\"aaa\"", "[\"a\",\"$&\"]", "$&$&$&"},
    {"split", "\"a,b,,c,,\"", "[\",\"]", "abc"},
    {"split", "\"abc\"", "[\"\"]", "abc"},
    {"split", "\"\"", "[\",\"]", ""},
    {"split", "\"héllo\"", "[\"\"]", "héllo"},
    {"strip_newlines", "\"a\\nb\\r\\nc\\rd\"", "[]", "abc\015d"},
    {"squish", "\"  a \\n\\t b  c \"", "[]", "a b c"},
    {"normalize_whitespace", "\" a \\n\\n b \"", "[]", " a b "},
    {"truncate", "\"Ground control to Major Tom.\"", "[20]", "Ground control to..."},
    {"truncate", "\"Ground control\"", "[20]", "Ground control"},
    {"truncate", "\"Ground control to Major Tom.\"", "[25,\", and so on\"]", "Ground control, and so on"},
    {"truncate", "\"Ground control to Major Tom.\"", "[20,\"\"]", "Ground control to Ma"},
    {"truncate", "\"Ground\"", "[2]", "..."},
    {"truncate", "\"ÀÉÎõüxyz\"", "[6]", "ÀÉÎ..."},
    {"truncate", "\"abcdef\"", "[0]", "..."},
    {"truncate", "12345", "[3,\"\"]", "123"},
    {"truncatewords", "\"Ground control to Major Tom.\"", "[3]", "Ground control to..."},
    {"truncatewords", "\"a b c\"", "[3]", "a b c..."},
    {"truncatewords", "\"a b c\"", "[4]", "a b c"},
    {"truncatewords", "\"  a   b c\"", "[2,\"--\"]", "a b--"},
    {"truncatewords", "\"a b\"", "[0]", "a..."},
    {"truncatewords", "\"one two three\"", "[-1]", "one..."},
    {"number_of_words", "\"Hello world  foo\"", "[]", "3"},
    {"number_of_words", "\"   \"", "[]", "0"},
    {"number_of_words", "\"你好hello世界\"", "[\"cjk\"]", "5"},
    {"number_of_words", "\"你好 hello 世界\"", "[\"auto\"]", "5"},
    {"number_of_words", "\"hello world\"", "[\"auto\"]", "2"},
    {"array_to_sentence_string", "[\"a\",\"b\",\"c\"]", "[]", "a, b, and c"},
    {"array_to_sentence_string", "[\"a\",\"b\"]", "[\"or\"]", "a or b"},
    {"array_to_sentence_string", "[\"a\"]", "[]", "a"},
    {"array_to_sentence_string", "[]", "[]", ""},
    {"array_to_sentence_string", "\"x\"", "[]", "x"},
    {"escape", "\"<p class=\\\"x\\\">Tom & 'Jerry'</p>\"", "[]", "&lt;p class=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/p&gt;"},
    {"xml_escape", "\"<a>\"", "[]", "&lt;a&gt;"},
    {"escape_once", "\"1 &lt; 2 & 3 &amp; \\\"4\\\"\"", "[]", "1 &lt; 2 &amp; 3 &amp; &#34;4&#34;"},
    {"newline_to_br", "\"a\\nb\\r\\nc\"", "[]", "a<br />\012b<br />\012c"},
    {"strip_html", "\"<p>Hi <b>there</b></p><script>x<y</script><!-- c -->!\"", "[]", "Hi there!"},
    {"strip_html", "\"a < b and <i>c\"", "[]", "a c"},
    {"strip_html", "\"a <!-- b\"", "[]", "a <!-- b"},
    {"url_encode", "\"john@liquid.com a+b/ü\?\"", "[]", "john%40liquid.com+a%2Bb%2F%C3%BC%3F"},
    {"url_decode", "\"%27Stop%21%27+said+Fred%20ü\"", "[]", "'Stop!' said Fred ü"},
    {"cgi_escape", "\"a b!'()*~\"", "[]", "a+b%21%27%28%29%2A~"},
    {"uri_escape", "\"http://x.com/a b\?[c]=é#f\"", "[]", "http://x.com/a%20b\?[c]=%C3%A9#f"},
    {"slugify", "\" Hello, World! Ünïcödé \"", "[]", "hello-world-ünïcödé"},
    {"slugify", "\"Hello, World!\"", "[\"pretty\"]", "hello,-world!"},
    {"slugify", "\"Hello, World!\"", "[\"ascii\"]", "hello-world"},
    {"slugify", "\"Héllo Wörld\"", "[\"latin\"]", "hello-world"},
    {"slugify", "\"Hello  World\"", "[\"raw\"]", "hello-world"},
    {"slugify", "\"Hello World\"", "[\"none\"]", "hello world"},
    {"slugify", "\"Hello World\"", "[\"default\",true]", "Hello-World"},
    {"base64_encode", "\"one two three ü\"", "[]", "b25lIHR3byB0aHJlZSDDvA=="},
    {"base64_decode", "\"b25lIHR3byB0aHJlZSDDvA==\"", "[]", "one two three ü"},
    {"base64_decode", "\"YWJj\\nZA\"", "[]", "abcd"},
    {"sha256", "\"Hello\"", "[]", "185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969"},
    {"sha256", "\"\"", "[]", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"hmac_sha256", "\"Hello\"", "[\"secret\"]", "0cc692f2177b42b6e5cd82488ee6c5d526a007c571e7de1fec07c1e2b1dfa2e2"},
    {"hmac_sha256", "\"x\"", "[\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\"]", "8c1858bff6cf9cb73708b4b54f43bca6e1b8b4c3380760dc009001b265b64c6f"},
    {"abs", "-17", "[]", "17"},
    {"abs", "\"-19.86\"", "[]", "19.86"},
    {"abs", "\"abc\"", "[]", "0"},
    {"at_least", "4", "[5]", "5"},
    {"at_least", "4", "[3]", "4"},
    {"at_most", "4", "[3]", "3"},
    {"at_most", "\"4\"", "[\"5\"]", "4"},
    {"ceil", "1.2", "[]", "2"},
    {"ceil", "\"3.5\"", "[]", "4"},
    {"floor", "-1.2", "[]", "-2"},
    {"floor", "\"x\"", "[]", "0"},
    {"divided_by", "16", "[4]", "4"},
    {"divided_by", "5", "[3]", "1.6666666666666667"},
    {"divided_by", "10", "[4,true]", "2"},
    {"divided_by", "1", "[0]", "Infinity"},
    {"divided_by", "-7", "[2,true]", "-4"},
    {"divided_by", "0", "[0]", "NaN"},
    {"minus", "4", "[2]", "2"},
    {"minus", "16.5", "[4.25]", "12.25"},
    {"minus", "\"a\"", "[1]", "-1"},
    {"plus", "0.1", "[0.2]", "0.30000000000000004"},
    {"plus", "\"3\"", "[\"4\"]", "7"},
    {"plus", "1", "[null]", "1"},
    {"plus", "[5]", "[1]", "6"},
    {"plus", "1e+21", "[1]", "1e+21"},
    {"times", "3", "[0.1]", "0.30000000000000004"},
    {"times", "1.1", "[1.1]", "1.2100000000000002"},
    {"modulo", "3", "[2]", "1"},
    {"modulo", "-7", "[3]", "2"},
    {"modulo", "7.5", "[2]", "1.5"},
    {"modulo", "1", "[0]", "NaN"},
    {"round", "1.2", "[]", "1"},
    {"round", "2.7", "[]", "3"},
    {"round", "183.357", "[2]", "183.36"},
    {"round", "1.005", "[2]", "1.01"},
    {"round", "2.5", "[]", "3"},
    {"round", "-2.5", "[]", "-3"},
    {"round", "-0.4", "[]", "0"},
    {"round", "1234.5", "[-2]", "1200"},
    {"round", "100000000000000000000", "[2]", "100000000000000000000"},
    {"join", "[1,2,3]", "[]", "1 2 3"},
    {"join", "[1,[2,3],null,true]", "[\", \"]", "1, 2,3, , true"},
    {"join", "\"abc\"", "[\"-\"]", "abc"},
    {"join", "null", "[\"-\"]", ""},
    {"join", "[\"a\",\"b\"]", "[null]", "a b"},
    {"first", "[1,2,3]", "[]", "1"},
    {"first", "[]", "[]", ""},
    {"first", "\"héllo\"", "[]", "h"},
    {"first", "5", "[]", ""},
    {"last", "[1,2,3]", "[]", "3"},
    {"last", "\"héllo\"", "[]", "o"},
    {"last", "{\"a\":1}", "[]", ""},
    {"reverse", "[1,2,3]", "[]", "321"},
    {"reverse", "\"abc\"", "[]", "abc"},
    {"sort", "[3,1,10,2]", "[]", "12310"},
    {"sort", "[\"b\",\"B\",\"a\",\"A\",\"10\",\"9\"]", "[]", "109ABab"},
    {"sort", "[3,null,1]", "[]", "13"},
    {"sort", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"a\"]", "[object Object][object Object][object Object][object Object]"},
    {"sort", "[10,\"9\",1]", "[]", "1910"},
    {"sort_natural", "[\"b\",\"B\",\"a\",\"A\",\"c\"]", "[]", "aAbBc"},
    {"sort_natural", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\"]", "[object Object][object Object][object Object][object Object]"},
    {"size", "\"héllo\"", "[]", "5"},
    {"size", "[1,2]", "[]", "2"},
    {"size", "{\"a\":1}", "[]", "0"},
    {"size", "5", "[]", "0"},
    {"size", "null", "[]", "0"},
    {"size", "\"😀\"", "[]", "2"},
    {"size", "\"\"", "[]", "0"},
    {"map", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\"]", "xyzw"},
    {"map", "[{\"a\":{\"b\":1}},{\"a\":{\"b\":2}}]", "[\"a.b\"]", "12"},
    {"sum", "[1,2,\"3\",\"x\",null]", "[]", "6"},
    {"sum", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"a\"]", "4"},
    {"sum", "[0.1,0.2]", "[]", "0.30000000000000004"},
    {"compact", "[1,null,2,null]", "[]", "12"},
    {"concat", "[1,2]", "[[3,4]]", "1234"},
    {"concat", "[1]", "[\"x\"]", "1x"},
    {"concat", "null", "[[1]]", "1"},
    {"push", "[1,2]", "[3]", "123"},
    {"push", "\"a\"", "[\"b\"]", "ab"},
    {"unshift", "[1,2]", "[0]", "012"},
    {"pop", "[1,2,3]", "[]", "12"},
    {"pop", "[]", "[]", ""},
    {"shift", "[1,2,3]", "[]", "23"},
    {"slice", "\"hello\"", "[1]", "e"},
    {"slice", "\"hello\"", "[1,3]", "ell"},
    {"slice", "\"hello\"", "[-3,2]", "ll"},
    {"slice", "\"hello\"", "[-10,2]", ""},
    {"slice", "\"hello\"", "[2,-1]", ""},
    {"slice", "\"héllo wörld\"", "[1,4]", "éllo"},
    {"slice", "[1,2,3,4]", "[1,2]", "23"},
    {"slice", "[1,2,3,4]", "[-2,5]", "34"},
    {"slice", "[1,2,3]", "[5]", ""},
    {"slice", "null", "[0]", ""},
    {"slice", "12345", "[1,2]", "23"},
    {"where", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"a\",1]", "[object Object][object Object]"},
    {"where", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"t\"]", "[object Object][object Object]"},
    {"where", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\",\"y\"]", "[object Object]"},
    {"where", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"a\",\"1\"]", ""},
    {"where", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"a\",null]", "[object Object]"},
    {"reject", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"t\"]", "[object Object][object Object]"},
    {"reject", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"a\",1]", "[object Object][object Object]"},
    {"group_by", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"a\"]", "[object Object][object Object][object Object]"},
    {"has", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\",\"z\"]", "true"},
    {"has", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\",\"q\"]", "false"},
    {"find", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\",\"y\"]", "[object Object]"},
    {"find", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\",\"q\"]", ""},
    {"find_index", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\",\"y\"]", "1"},
    {"find_index", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"b\",\"q\"]", ""},
    {"find", "[{\"a\":1,\"b\":\"x\",\"t\":true},{\"a\":2,\"b\":\"y\",\"t\":false},{\"b\":\"z\",\"a\":null},{\"a\":1,\"b\":\"w\",\"t\":true}]", "[\"t\"]", "[object Object]"},
    {"uniq", "[1,2,1,\"1\",3,2]", "[]", "1213"},
    {"uniq", "[\"a\",\"b\",\"a\"]", "[]", "ab"},
    {"default", "null", "[\"x\"]", "x"},
    {"default", "\"\"", "[\"x\"]", "x"},
    {"default", "[]", "[\"x\"]", "x"},
    {"default", "false", "[\"x\"]", "x"},
    {"default", "0", "[\"x\"]", "0"},
    {"default", "\"a\"", "[\"x\"]", "a"},
    {"default", "\" \"", "[\"x\"]", " "},
    {"json", "{\"a\":[1,\"x\",null,true,1.5]}", "[]", "{\"a\":[1,\"x\",null,true,1.5]}"},
    {"json", "[1,2]", "[2]", "[\012  1,\012  2\012]"},
    {"json", "\"a\\\"b\"", "[]", "\"a\\\"b\""},
    {"jsonify", "{\"a\":1}", "[]", "{\"a\":1}"},
    {"inspect", "{\"a\":{\"b\":1}}", "[]", "{\"a\":{\"b\":1}}"},
    {"raw", "\"<b>\"", "[]", "<b>"},
    {"to_integer", "\"42\"", "[]", "42"},
    {"to_integer", "\"3.7\"", "[]", "3.7"},
    {"to_integer", "\"abc\"", "[]", "NaN"},
    {"to_integer", "5", "[]", "5"},
};
// clang-format on

Value json(std::string_view text) {
  auto v = parse_json(text, "test");
  EXPECT_TRUE(v.has_value()) << text;
  return v ? *v : Value();
}

Result<Value> call(std::string_view name, const Value& input, std::vector<Value> args = {},
                   std::vector<std::pair<std::string, Value>> named = {}, FilterContext ctx = {}) {
  const FilterEntry* entry = find_builtin_filter(name);
  if (entry == nullptr) return make_error(ErrorKind::kTemplate, "no filter " + std::string(name));
  FilterArgs fa{args, named};
  return entry->fn(input, fa, ctx);
}

std::string out(std::string_view name, const Value& input, std::vector<Value> args = {}) {
  auto r = call(name, input, std::move(args));
  EXPECT_TRUE(r.has_value()) << name << ": " << (r ? "" : r.error().message);
  return r ? r->to_output() : "<error>";
}

TEST(FilterTable, SortedUniqueAndComplete) {
  auto filters = builtin_filters();
  ASSERT_FALSE(filters.empty());
  for (std::size_t i = 1; i < filters.size(); ++i) {
    EXPECT_LT(filters[i - 1].name, filters[i].name) << "not sorted/unique at " << filters[i].name;
  }
  for (const FilterEntry& f : filters) {
    EXPECT_EQ(find_builtin_filter(f.name), &f) << f.name;
    EXPECT_NE(f.fn, nullptr);
    EXPECT_TRUE(f.max_args < 0 || f.max_args >= f.min_args) << f.name;
  }
  EXPECT_EQ(find_builtin_filter("no_such_filter"), nullptr);
  // Every LiquidJS 10 built-in except the *_exp filters.
  for (const char* name : {"escape",
                           "xml_escape",
                           "escape_once",
                           "newline_to_br",
                           "strip_html",
                           "abs",
                           "at_least",
                           "at_most",
                           "ceil",
                           "divided_by",
                           "floor",
                           "minus",
                           "plus",
                           "modulo",
                           "times",
                           "round",
                           "url_decode",
                           "url_encode",
                           "cgi_escape",
                           "uri_escape",
                           "slugify",
                           "join",
                           "last",
                           "first",
                           "reverse",
                           "sort",
                           "sort_natural",
                           "size",
                           "map",
                           "sum",
                           "compact",
                           "concat",
                           "push",
                           "unshift",
                           "pop",
                           "shift",
                           "slice",
                           "where",
                           "reject",
                           "group_by",
                           "has",
                           "find_index",
                           "find",
                           "uniq",
                           "sample",
                           "date",
                           "date_to_xmlschema",
                           "date_to_rfc822",
                           "date_to_string",
                           "date_to_long_string",
                           "append",
                           "prepend",
                           "lstrip",
                           "downcase",
                           "upcase",
                           "remove",
                           "remove_first",
                           "remove_last",
                           "rstrip",
                           "split",
                           "strip",
                           "strip_newlines",
                           "squish",
                           "capitalize",
                           "replace",
                           "replace_first",
                           "replace_last",
                           "truncate",
                           "truncatewords",
                           "normalize_whitespace",
                           "number_of_words",
                           "array_to_sentence_string",
                           "base64_encode",
                           "base64_decode",
                           "sha256",
                           "hmac_sha256",
                           "default",
                           "raw",
                           "jsonify",
                           "to_integer",
                           "json",
                           "inspect"}) {
    EXPECT_NE(find_builtin_filter(name), nullptr) << name;
  }
  // Code-generation filters under both spellings.
  for (const char* name :
       {"camel_case",  "camelCase",     "pascal_case",  "pascalCase",    "snake_case",
        "snakeCase",   "kebab_case",    "kebabCase",    "constant_case", "constantCase",
        "dot_case",    "dotCase",       "path_case",    "pathCase",      "title_case",
        "titleCase",   "sentence_case", "sentenceCase", "param_case",    "paramCase",
        "lower_first", "lowerFirst",    "upper_first",  "upperFirst",    "pluralize",
        "singularize", "humanize",      "titleize"}) {
    EXPECT_NE(find_builtin_filter(name), nullptr) << name;
  }
}

TEST(Filters, MatchLiquidJs) {
  for (const Case& c : kLiquidJsCases) {
    Value input = json(c.input_json);
    Value args = json(c.args_json);
    std::vector<Value> positional(args.as_array().begin(), args.as_array().end());
    auto r = call(c.filter, input, positional);
    ASSERT_TRUE(r.has_value()) << c.filter << " " << c.input_json << " " << c.args_json << ": "
                               << r.error().message;
    EXPECT_EQ(r->to_output(), c.expected)
        << c.filter << " input=" << c.input_json << " args=" << c.args_json;
  }
}

TEST(Filters, NumbersKeepJsFormatting) {
  EXPECT_EQ(out("plus", Value(0.1), {Value(0.2)}), "0.30000000000000004");
  auto r = call("plus", Value(1), {Value(2)});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_int());
  r = call("divided_by", Value(10), {Value(4)});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_float());
  EXPECT_EQ(r->to_output(), "2.5");
  EXPECT_EQ(out("times", Value(1e21), {Value(10)}), "1e+22");
  EXPECT_EQ(out("divided_by", Value(1), {Value(3)}), "0.3333333333333333");
}

TEST(Filters, NilArguments) {
  EXPECT_EQ(out("append", Value("a"), {Value()}), "a");
  EXPECT_EQ(out("plus", Value(), {Value()}), "0");
  EXPECT_EQ(out("join", Value(), {}), "");
  EXPECT_EQ(out("split", Value(), {Value(",")}), "");
  EXPECT_EQ(out("slice", Value("abc"), {Value()}), "a");
  EXPECT_EQ(out("default", Value(), {}), "");
  EXPECT_EQ(out("first", Value(), {}), "");
  EXPECT_EQ(out("size", Value(), {}), "0");
  EXPECT_EQ(out("upcase", Value(), {}), "");
}

TEST(Filters, DefaultAllowFalse) {
  auto r = call("default", Value(false), {Value("x")}, {{"allow_false", Value(true)}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->to_output(), "false");
  EXPECT_EQ(out("default", Value(false), {Value("x")}), "x");
}

TEST(Filters, ArraysComeBackAsArrays) {
  auto r = call("split", Value("a,b,c"), {Value(",")});
  ASSERT_TRUE(r);
  ASSERT_TRUE(r->is_array());
  EXPECT_EQ(r->as_array().size(), 3u);
  r = call("group_by", json(R"([{"k":"a","v":1},{"k":"b","v":2},{"k":"a","v":3}])"), {Value("k")});
  ASSERT_TRUE(r);
  EXPECT_EQ(to_json(*r), R"([{"name":"a","items":[{"k":"a","v":1},{"k":"a","v":3}]},)"
                         R"({"name":"b","items":[{"k":"b","v":2}]}])");
  r = call("where", json(R"([{"a":{"b":1}},{"a":{"b":2}}])"), {Value("a.b"), Value(2)});
  ASSERT_TRUE(r);
  EXPECT_EQ(to_json(*r), R"([{"a":{"b":2}}])");
  r = call("map", json(R"([[1,2],[3,4]])"), {Value("last")});
  ASSERT_TRUE(r);
  EXPECT_EQ(to_json(*r), "[2,4]");
  r = call("find_index", json(R"([{"a":1}])"), {Value("a"), Value(5)});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_nil());
}

TEST(Filters, UnicodeByCharacter) {
  EXPECT_EQ(out("size", Value("日本語"), {}), "3");
  EXPECT_EQ(out("size", Value("a😀"), {}), "3");  // JS length: UTF-16 units
  EXPECT_EQ(out("slice", Value("日本語テキスト"), {Value(-3), Value(2)}), "キス");
  EXPECT_EQ(out("slice", Value("a😀b"), {Value(1)}), "😀");
  EXPECT_EQ(out("upcase", Value("éàü ñ ÿ ő ω ж"), {}), "ÉÀÜ Ñ Ÿ Ő Ω Ж");
  EXPECT_EQ(out("downcase", Value("ÉÀÜ Ñ Ÿ Ő Ω Ж"), {}), "éàü ñ ÿ ő ω ж");
  EXPECT_EQ(out("truncate", Value("日本語テキスト"), {Value(5), Value("…")}), "日本語テ…");
  EXPECT_EQ(out("reverse", Value("abc"), {}), "abc");
}

TEST(Filters, Errors) {
  auto r = call("base64_decode", Value("a"), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kTemplate);
  EXPECT_NE(r.error().message.find("base64"), std::string::npos);
  r = call("url_decode", Value("%E0%A4%A"), {});
  EXPECT_FALSE(r);
  r = call("url_decode", Value("%FF"), {});
  EXPECT_FALSE(r);
}

TEST(Filters, SampleTakesFromTheInput) {
  Value input = json("[1,2,3]");
  auto r = call("sample", input, {});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_int());
  EXPECT_GE(r->as_int(), 1);
  EXPECT_LE(r->as_int(), 3);
  r = call("sample", input, {Value(2)});
  ASSERT_TRUE(r);
  ASSERT_TRUE(r->is_array());
  EXPECT_EQ(r->as_array().size(), 2u);
  r = call("sample", Value(), {});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_array());
}

TEST(Filters, CaseAndInflection) {
  EXPECT_EQ(out("camel_case", Value("XMLHttpRequest"), {}), "xmlHttpRequest");
  EXPECT_EQ(out("camelCase", Value("user-profile"), {}), "userProfile");
  EXPECT_EQ(out("pascal_case", Value("user_profile"), {}), "UserProfile");
  EXPECT_EQ(out("snake_case", Value("XMLHttpRequest"), {}), "xml_http_request");
  EXPECT_EQ(out("kebab_case", Value("UserProfile"), {}), "user-profile");
  EXPECT_EQ(out("paramCase", Value("UserProfile"), {}), "user-profile");
  EXPECT_EQ(out("constant_case", Value("userProfile"), {}), "USER_PROFILE");
  EXPECT_EQ(out("dot_case", Value("userProfile"), {}), "user.profile");
  EXPECT_EQ(out("path_case", Value("userProfile"), {}), "user/profile");
  EXPECT_EQ(out("title_case", Value("user_profile"), {}), "User Profile");
  EXPECT_EQ(out("sentence_case", Value("userProfile"), {}), "User profile");
  EXPECT_EQ(out("upper_first", Value("userProfile"), {}), "UserProfile");
  EXPECT_EQ(out("lower_first", Value("UserProfile"), {}), "userProfile");
  EXPECT_EQ(out("capitalize", Value("userProfile"), {}), "Userprofile");
  EXPECT_EQ(out("pluralize", Value("person"), {}), "people");
  EXPECT_EQ(out("pluralize", Value("person"), {Value("persons")}), "persons");
  EXPECT_EQ(out("singularize", Value("Categories"), {}), "Category");
  EXPECT_EQ(out("humanize", Value("author_id"), {}), "Author");
  EXPECT_EQ(out("titleize", Value("the_lord of-the rings"), {}), "The Lord of-the Rings");
  EXPECT_EQ(out("camel_case", Value(), {}), "");
}

}  // namespace
}  // namespace hypergen::liquid
