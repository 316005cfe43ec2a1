#include "render/render.h"

#include <gtest/gtest.h>

#include "render/variables.h"

namespace hypergen::render {
namespace {

TEST(EnginesTest, LongestSuffixFirst) {
  EXPECT_EQ(engine_for("a.liquid.t").kind, EngineKind::kLiquid);
  EXPECT_EQ(engine_for("a.liquid").kind, EngineKind::kLiquid);
  EXPECT_EQ(engine_for("a.ejs.t").kind, EngineKind::kEjs);
  EXPECT_TRUE(engine_for("a.ejs.t").available);
  EXPECT_EQ(engine_for("a.t").kind, EngineKind::kEjs);
  EXPECT_FALSE(engine_for("README").by_extension);
}

liquid::Value locals() {
  liquid::Object o;
  o.set("name", liquid::Value("card"));
  return liquid::Value(std::move(o));
}

TEST(RenderTest, AttributesThenBody) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/a.liquid.t", "a.liquid.t",
                      "---\nto: src/{{ name }}.js\nn: 3\n---\n{{ attributes.to }} {{ name }}\n",
                      locals());
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->attributes.find("to")->as_string(), "src/card.js");
  EXPECT_EQ(r->body, "src/card.js card\n");
}

TEST(RenderTest, EjsWithoutRuntimeIsAClearError) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/a.ejs.t", "a.ejs.t", "---\nto: x\n---\n<%= name %>\n", locals());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kTemplate);
  EXPECT_NE(r.error().message.find("no JavaScript runtime"), std::string::npos);
  EXPECT_EQ(r.error().where.file, "a.ejs.t");
}

TEST(RenderTest, EjsTagLessTextNeedsNoRuntime) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/a.t", "a.t", "---\nto: x.txt\n---\nplain\n", locals());
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->body, "plain\n");
}

TEST(RenderTest, EjsAttributesThenBodyWithErrorsOnFileLines) {
  liquid::Engine engine;
  js::Runtime runtime;
  auto r = render_one(engine, "/t/a.ejs.t", "a.ejs.t",
                      "---\nto: src/<%= name %>.js\nn: 3\n---\n<%= attributes.to %> <%= name %>\n",
                      locals(), nullptr, &runtime);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->attributes.find("to")->as_string(), "src/card.js");
  EXPECT_EQ(r->body, "src/card.js card\n");
  auto bad = render_one(engine, "/t/b.ejs.t", "b.ejs.t", "---\nto: x\n---\nok\n<%= nope %>\n",
                        locals(), nullptr, &runtime);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where.file, "b.ejs.t");
  EXPECT_EQ(bad.error().where.line, 5);
}

TEST(RenderTest, EjsLocalsSourceInHygenKeyOrder) {
  liquid::Object o;
  o.set("name", liquid::Value("x"));
  o.set("actionfolder", liquid::Value("/a"));
  o.set("action", liquid::Value("new"));
  o.set("Name", liquid::Value("X"));
  liquid::Value attrs = liquid::Object{};
  EXPECT_EQ(ejs_locals_source(liquid::Value(o), &attrs),
            "({\"name\":\"x\",\"actionfolder\":\"/a\",\"action\":\"new\",\"subaction\":undefined,"
            "\"attributes\":{},\"Name\":\"X\"})");
}

TEST(RenderTest, PlainFileWithoutFrontmatterIsInert) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/README", "README", "<%= not rendered %>", locals());
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->inert);
}

TEST(RenderTest, PlainFileIsStillRenderedWithEjsLikeHygen) {
  liquid::Engine engine;
  js::Runtime runtime;
  auto plain = render_one(engine, "/t/README", "README", "no tags\n", locals(), nullptr, &runtime);
  ASSERT_TRUE(plain) << plain.error().describe();
  EXPECT_TRUE(plain->inert);
  EXPECT_FALSE(runtime.started());  // no tag: the engine is not started
  auto fine =
      render_one(engine, "/t/README", "README", "<%= name %>\n", locals(), nullptr, &runtime);
  ASSERT_TRUE(fine) << fine.error().describe();
  EXPECT_TRUE(fine->inert);
  EXPECT_EQ(fine->body, "<%= name %>\n");  // the output is dropped, as in Hygen
  auto bad =
      render_one(engine, "/t/README", "README", "ok\n<%= nope %>\n", locals(), nullptr, &runtime);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where.file, "README");
  EXPECT_EQ(bad.error().where.line, 2);
}

TEST(RenderTest, EjsAttributesHaveRealRegExpsAndDates) {
  liquid::Engine engine;
  js::Runtime runtime;
  auto r = render_one(engine, "/t/a.ejs.t", "a.ejs.t",
                      "---\nto: x\nre: !!js/regexp /ab+c/gi\nwhen: 2001-12-14\n"
                      "deep: [{at: 2001-12-14 21:59:43.10 -5}]\n---\n"
                      "<%= attributes.re.source %> <%= attributes.re.flags %> "
                      "<%= attributes.re.test('xABBC') %> <%= attributes.when.toISOString() %> "
                      "<%= attributes.deep[0].at.toISOString() %> <%= attributes.to %>\n",
                      locals(), nullptr, &runtime);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->body, "ab+c gi true 2001-12-14T00:00:00.000Z 2001-12-15T02:59:43.100Z x\n");
}

TEST(RenderTest, BodyErrorLineCountsFromTheFile) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/a.liquid.t", "a.liquid.t", "---\nto: x\n---\nok\n{% if x %}\n",
                      locals());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.file, "a.liquid.t");
  EXPECT_EQ(r.error().where.line, 5);
  // The excerpt's gutter shows the file line too, and the caret stays aligned.
  EXPECT_EQ(r.error().context.rfind("  5 | {% if x %}\n    | ", 0), 0u) << r.error().context;
}

TEST(RenderTest, ParallelMatchesSequential) {
  // Same results in the same order whatever the scheduling.
  std::vector<discover::TemplateFile> files;
  for (int i = 0; i < 20; ++i) files.push_back({"/t/" + std::to_string(i) + ".liquid.t", ""});
  liquid::Engine engine;
  for (int i = 0; i < 20; ++i) {
    auto r = render_one(engine, files[i].path, files[i].path,
                        "---\nto: f" + std::to_string(i) + "\n---\n{{ name }}" + std::to_string(i),
                        locals());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "card" + std::to_string(i));
  }
}

TEST(RenderTest, CompiledFilesComeFromTheCacheTheSecondTime) {
  liquid::Engine engine;
  cache::Cache cache({}, nullptr);
  const std::string text = "---\nto: src/{{ name }}.js\n---\nhello {{ name | upcase }}\n";
  auto first = render_one(engine, "/t/a.liquid.t", "a.liquid.t", text, locals(), &cache);
  ASSERT_TRUE(first) << first.error().describe();
  liquid::Object other;
  other.set("name", liquid::Value("deck"));
  auto second = render_one(engine, "/t/a.liquid.t", "a.liquid.t", text,
                           liquid::Value(std::move(other)), &cache);
  ASSERT_TRUE(second) << second.error().describe();
  EXPECT_EQ(first->body, "hello CARD\n");
  EXPECT_EQ(second->body, "hello DECK\n");  // same compiled file, other values
  EXPECT_EQ(second->attributes.find("to")->as_string(), "src/deck.js");
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 1u);
}

TEST(RenderTest, CachedParseErrorsAreReportedLikeFreshOnes) {
  liquid::Engine engine;
  cache::Cache cache({}, nullptr);
  // The attribute renders fine and comes first; the body's parse error is
  // what must be reported, at its file line, both times.
  const std::string text = "---\nto: '{{ name }}'\n---\nok\n{% if x %}\n";
  for (int round = 0; round < 2; ++round) {
    auto r = render_one(engine, "/t/a.liquid.t", "a.liquid.t", text, locals(), &cache);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().where.line, 5) << round;
    EXPECT_EQ(r.error().where.file, "a.liquid.t");
  }
  // The same bytes under another name are another entry: errors name the file.
  auto r = render_one(engine, "/t/b.liquid.t", "b.liquid.t", text, locals(), &cache);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.file, "b.liquid.t");
  EXPECT_EQ(cache.stats().hits, 1u);
}

TEST(VariablesTest, ScansRootNames) {
  auto v = scan_variables(
      "{{ name | upcase }} {% if withTest and kind == 'x' %}{{ opts.deep }}{% endif %}"
      "{% for item in items %}{{ item }}{% endfor %}{% assign a = b %}{{ a }}"
      "{{ x | default: fallback }}{% raw %}{{ ignored }}{% endraw %}");
  std::set<std::string> expected = {"name",  "withTest", "kind", "opts",
                                    "items", "b",        "x",    "fallback"};
  EXPECT_EQ(v, expected);
}

TEST(RenderTest, V8DefaultTargetAndLiquidByDefault) {
  EXPECT_EQ(v8_default_to("/src/{{ name }}.ts.liquid"), "src/{{ name }}.ts");
  EXPECT_EQ(v8_default_to("/a.liquid.t"), "a");
  EXPECT_EQ(v8_default_to("/index.ts"), "index.ts");
  liquid::Engine engine;
  // In a templates/ folder a plain file is Liquid and goes to its own path.
  auto plain =
      render_one_v8(engine, "/t/x", "x", "hi {{ name }}", locals(), "src/{{ name }}.txt", true);
  ASSERT_TRUE(plain) << plain.error().describe();
  EXPECT_FALSE(plain->inert);
  EXPECT_TRUE(plain->has_frontmatter);
  EXPECT_EQ(plain->attributes.find("to")->as_string(), "src/card.txt");
  EXPECT_EQ(plain->body, "hi card");
  // Beside template.yml a plain file stays inert; `.t` is Liquid; `to:` wins.
  auto inert =
      render_one_v8(engine, "/t/README.md", "README.md", "{{ x }}", locals(), "README.md", false);
  ASSERT_TRUE(inert);
  EXPECT_TRUE(inert->inert);
  auto t = render_one_v8(engine, "/t/a.t", "a.t", "---\nto: b/{{ name }}\n---\n{{ name }}",
                         locals(), "a", false);
  ASSERT_TRUE(t) << t.error().describe();
  EXPECT_EQ(t->attributes.find("to")->as_string(), "b/card");
  EXPECT_EQ(t->body, "card");
  // .ejs stays EJS (not available: an error, never skipped).
  EXPECT_FALSE(render_one_v8(engine, "/t/a.ejs.t", "a.ejs.t", "---\nto: a\n---\n<%= x %>", locals(),
                             "", true));
}

}  // namespace
}  // namespace hypergen::render
