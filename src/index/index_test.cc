#include "index/index.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "discover/discover.h"
#include "util/fs_forwarding.h"
#include "util/fs_memory.h"

namespace hypergen::index {
namespace {

const std::string kProject = "/p";
const std::vector<std::string> kRoots = {"/p/_templates"};

Options opts(Depth depth = Depth::kFull, std::int64_t granularity_ns = 0) {
  Options o;
  o.depth = depth;
  o.granularity_ns = granularity_ns;
  return o;
}

// MemoryFileSystem does not bump a folder's mtime when an entry is created
// in it (POSIX does); removing a scratch entry does, so this emulates it.
void touch_dir(MemoryFileSystem& fs, const std::string& dir) {
  fs.add_file(dir + "/.scratch", "");
  ASSERT_TRUE(fs.remove(dir + "/.scratch"));
}

void fixture(MemoryFileSystem& fs) {
  fs.add_file("/p/_templates/component/new/index.ts.t",
              "---\nto: src/<%= name %>.ts\n---\nexport const x = 1;\n");
  fs.add_file("/p/_templates/component/new/sub/style.css.t", "body {}\n");
  fs.add_file("/p/_templates/component/new/prompt.js", "module.exports = []\n");
  fs.add_file("/p/_templates/component/new/.hypergenignore", "*.bak\n");
  fs.add_file("/p/_templates/component/new/old.bak", "ignored\n");
  fs.add_file("/p/_templates/component/template.yml", "name: component\n");
  fs.add_file("/p/_templates/component/add/a.t", "---\ninject: true\n---\nline\n");
  fs.add_file("/p/_templates/api/route/r.t", "plain\n");
}

TEST(Index, RoundTripAndAgreesWithDiscover) {
  MemoryFileSystem fs;
  fixture(fs);
  auto loaded = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->report.freshness, Freshness::kRebuilt);
  EXPECT_TRUE(loaded->report.written);
  const Index& index = loaded->index;

  auto gens = discover::list_generators(fs, kRoots[0]);
  ASSERT_TRUE(gens);
  auto infos = index.generator_infos();
  ASSERT_EQ(infos.size(), gens->size());
  for (std::size_t i = 0; i < infos.size(); ++i) {
    EXPECT_EQ(infos[i].name, (*gens)[i].name);
    EXPECT_EQ(infos[i].path, (*gens)[i].path);
    ASSERT_EQ(infos[i].actions.size(), (*gens)[i].actions.size());
    for (std::size_t k = 0; k < infos[i].actions.size(); ++k) {
      EXPECT_EQ(infos[i].actions[k].name, (*gens)[i].actions[k].name);
      EXPECT_EQ(infos[i].actions[k].is_dir, (*gens)[i].actions[k].is_dir);
      auto action = index.find_action(infos[i].name, infos[i].actions[k].name);
      ASSERT_TRUE(action);
      if (!action->is_dir) continue;
      auto walked = discover::list_templates(fs, std::string(action->path));
      ASSERT_TRUE(walked);
      std::sort(walked->begin(), walked->end(),
                [](const auto& x, const auto& y) { return x.path < y.path; });
      auto files = index.template_files(*action);
      ASSERT_EQ(files.size(), walked->size());
      for (std::size_t t = 0; t < files.size(); ++t) {
        EXPECT_EQ(files[t].path, (*walked)[t].path);
        EXPECT_EQ(files[t].rel, (*walked)[t].rel);
      }
    }
  }

  auto g = index.find_generator("component");
  ASSERT_TRUE(g);
  EXPECT_TRUE(g->has_metadata);
  EXPECT_EQ(g->metadata, "name: component\n");
  auto action = index.find_action("component", "new");
  ASSERT_TRUE(action);
  EXPECT_EQ(action->hook, "/p/_templates/component/new/prompt.js");
  auto templates = index.templates(*action);
  ASSERT_EQ(templates.size(), 2u);
  EXPECT_EQ(templates[0].rel, "/index.ts.t");
  EXPECT_TRUE(templates[0].has_frontmatter);
  EXPECT_EQ(templates[0].frontmatter, "to: src/<%= name %>.ts");
  EXPECT_EQ(templates[0].yaml_line, 2);
  std::string text = *fs.read_file(std::string(templates[0].path));
  ASSERT_NE(templates[0].body_offset, kNoBodyOffset);
  EXPECT_EQ(text.substr(templates[0].body_offset), "export const x = 1;\n");
  EXPECT_EQ(templates[0].size, text.size());
  EXPECT_EQ(templates[1].rel, "/sub/style.css.t");
  EXPECT_FALSE(templates[1].has_frontmatter);
  EXPECT_NE(templates[0].content_hash, templates[1].content_hash);
  EXPECT_FALSE(index.find_action("component", "nope"));
  EXPECT_FALSE(index.find_generator("nope"));

  // Serialised → parsed → serialised is byte-identical.
  auto again = Index::from_bytes(serialize(index.to_data()));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->bytes(), index.bytes());

  auto second = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->report.freshness, Freshness::kFresh);
  EXPECT_TRUE(second->report.file_found);
  EXPECT_EQ(second->index.bytes(), index.bytes());
}

TEST(Index, EveryTruncationAndSampledBitFlipsAreRejectedAndRebuilt) {
  MemoryFileSystem fs;
  fixture(fs);
  auto loaded = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(loaded);
  std::string good(loaded->index.bytes());
  ASSERT_EQ(check(good), FormatStatus::kOk);
  for (std::size_t n = 0; n < good.size(); ++n) {
    ASSERT_NE(check(std::string_view(good).substr(0, n)), FormatStatus::kOk) << n;
  }
  for (std::size_t i = 0; i < good.size(); i += 3) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ (1 << (i % 8)));
    ASSERT_NE(check(bad), FormatStatus::kOk) << i;
  }
  std::string foreign = good;
  foreign[8] = 99;  // version
  EXPECT_EQ(check(foreign), FormatStatus::kForeignVersion);

  for (const std::string& bad : {good.substr(0, good.size() / 2), foreign, std::string("junk")}) {
    fs.add_file(index_path(kProject), bad);
    auto rebuilt = load_or_build(fs, kProject, kRoots, opts(), nullptr);
    ASSERT_TRUE(rebuilt) << rebuilt.error().describe();
    EXPECT_EQ(rebuilt->report.freshness, Freshness::kRebuilt);
    EXPECT_TRUE(rebuilt->report.file_found);
    EXPECT_NE(rebuilt->report.file_status, FormatStatus::kOk);
    EXPECT_EQ(rebuilt->index.template_count(), loaded->index.template_count());
    EXPECT_EQ(check(*fs.read_file(index_path(kProject))), FormatStatus::kOk);
  }
}

TEST(Index, DetectsAddedRemovedAndEditedFiles) {
  MemoryFileSystem fs;
  fixture(fs);
  ASSERT_TRUE(load_or_build(fs, kProject, kRoots, opts(), nullptr));

  fs.add_file("/p/_templates/component/new/sub/extra.t", "new\n");  // added (nested dir)
  touch_dir(fs, "/p/_templates/component/new/sub");
  auto r = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->report.freshness, Freshness::kRevalidated);
  EXPECT_EQ(r->report.actions_rescanned, 1u);
  EXPECT_EQ(r->index.templates(*r->index.find_action("component", "new")).size(), 3u);

  auto before = r->index.templates(*r->index.find_action("api", "route"))[0].content_hash;
  fs.add_file("/p/_templates/api/route/r.t", "PLAIN\n");  // edited in place, same size
  r = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->report.freshness, Freshness::kRevalidated);
  EXPECT_NE(r->index.templates(*r->index.find_action("api", "route"))[0].content_hash, before);

  fs.add_file("/p/_templates/component/new/.hypergenignore", "*.bak\nsub/\n");  // ignore edited
  r = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->index.templates(*r->index.find_action("component", "new")).size(), 1u);

  ASSERT_TRUE(fs.remove("/p/_templates/component/add/a.t"));
  ASSERT_TRUE(fs.remove("/p/_templates/component/add"));  // action removed
  r = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->index.find_action("component", "add"));
  EXPECT_GE(r->report.generators_rescanned, 1u);

  fs.add_file("/p/_templates/zeta/go/z.t", "z\n");  // generator added
  touch_dir(fs, "/p/_templates");
  fs.add_file("/p/_templates/component/template.yml", "name: changed\n");
  r = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->index.find_action("zeta", "go"));
  EXPECT_EQ(r->index.find_generator("component")->metadata, "name: changed\n");
  EXPECT_EQ(r->index.find_generator("api")->name, "api");

  auto fresh = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->report.freshness, Freshness::kFresh);
  EXPECT_EQ(fresh->index.bytes(), r->index.bytes());

  auto other_roots = load_or_build(fs, kProject, {"/p/_templates", "/p/more"}, opts(), nullptr);
  ASSERT_TRUE(other_roots);
  EXPECT_TRUE(other_roots->report.roots_changed);
  EXPECT_EQ(other_roots->report.freshness, Freshness::kRebuilt);
}

TEST(Index, GeneratorDepthIsLazyAndEnsureActionReadsOnDemand) {
  MemoryFileSystem fs;
  fixture(fs);
  Metrics metrics;
  auto r = load_or_build(fs, kProject, kRoots, opts(Depth::kGenerators), &metrics);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->index.template_count(), 0u);
  auto action = r->index.find_action("component", "new");
  ASSERT_TRUE(action);
  EXPECT_FALSE(action->scanned);
  auto ensured = ensure_action(fs, kProject, r->index, action->index, opts(), &metrics);
  ASSERT_TRUE(ensured) << ensured.error().describe();
  EXPECT_TRUE(ensured->scanned);
  EXPECT_EQ(ensured->template_count, 2u);
  EXPECT_EQ(r->index.template_count(), 2u);  // only that action was read

  // The next process finds it scanned and valid.
  auto next = load_or_build(fs, kProject, kRoots, opts(Depth::kGenerators), &metrics);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->report.freshness, Freshness::kFresh);
  auto again = ensure_action(fs, kProject, next->index, action->index, opts(), &metrics);
  ASSERT_TRUE(again);
  EXPECT_EQ(next->index.bytes(), r->index.bytes());  // nothing rewritten
  EXPECT_GT(metrics.snapshot().count(Counter::kIndexStats), 0u);
  EXPECT_GT(metrics.snapshot().calls(Stage::kIndexLoad), 0u);
}

TEST(Index, EntriesTooCloseToTheIndexWriteAreUnsure) {
  MemoryFileSystem fs;  // its clock advances 1 ms per change
  fixture(fs);
  auto o = opts(Depth::kFull, 10'000'000);
  auto first = load_or_build(fs, kProject, kRoots, o, nullptr);
  ASSERT_TRUE(first);
  // Files were written within 10 ms (of the fake clock) of the index: the
  // next load cannot trust them and re-reads; once the index is written late
  // enough after them, loads are fresh.
  auto second = load_or_build(fs, kProject, kRoots, o, nullptr);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->report.freshness, Freshness::kRevalidated);
  bool became_fresh = false;
  for (int i = 0; i < 20 && !became_fresh; ++i) {
    auto r = load_or_build(fs, kProject, kRoots, o, nullptr);
    ASSERT_TRUE(r);
    became_fresh = r->report.freshness == Freshness::kFresh;
  }
  EXPECT_TRUE(became_fresh);
  auto zero = load_or_build(fs, kProject, kRoots, opts(Depth::kFull, 0), nullptr);
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->report.freshness, Freshness::kFresh);
}

TEST(Index, ActionLevelTemplateYmlIsRecordedAndValidatedByStat) {
  MemoryFileSystem fs;
  fixture(fs);
  fs.add_file("/p/_templates/api/route/template.yml", "name: route\n");
  auto o = opts(Depth::kGenerators);
  auto r = load_or_build(fs, kProject, kRoots, o, nullptr);
  ASSERT_TRUE(r);
  auto route = r->index.find_action("api", "route");
  ASSERT_TRUE(route);
  EXPECT_TRUE(route->has_metadata);
  EXPECT_TRUE(route->metadata_read);
  EXPECT_EQ(route->metadata, "name: route\n");
  EXPECT_EQ(route->metadata_path, "/p/_templates/api/route/template.yml");
  EXPECT_FALSE(r->index.find_action("component", "new")->has_metadata);
  EXPECT_FALSE(r->index.find_action("component", "template.yml")->has_metadata);  // a file entry

  // Unchanged: fresh, one stat per root, generator folder, generator
  // template.yml, action folder and action template.yml; nothing read.
  auto fresh = load_or_build(fs, kProject, kRoots, o, nullptr);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->report.freshness, Freshness::kFresh);
  EXPECT_EQ(fresh->report.stats, 1u + 3u + 4u);  // root; api: 3; component: 4

  auto reload = [&] {
    auto loaded = load_or_build(fs, kProject, kRoots, o, nullptr);
    EXPECT_TRUE(loaded);
    EXPECT_EQ(loaded->report.freshness, Freshness::kRevalidated);
    EXPECT_EQ(loaded->report.generators_rescanned, 1u);
    return std::move(*loaded);
  };
  // Edited in place, same size (the folder's mtime does not change).
  fs.add_file("/p/_templates/api/route/template.yml", "name: ROUTE\n");
  auto edited = reload();
  EXPECT_EQ(edited.index.find_action("api", "route")->metadata, "name: ROUTE\n");
  // Edited in place, another size.
  fs.add_file("/p/_templates/api/route/template.yml", "name: the route\n");
  auto longer = reload();
  EXPECT_EQ(longer.index.find_action("api", "route")->metadata, "name: the route\n");
  // Removed (the folder's mtime changes).
  ASSERT_TRUE(fs.remove("/p/_templates/api/route/template.yml"));
  auto removed = reload();
  EXPECT_FALSE(removed.index.find_action("api", "route")->has_metadata);
  // Added (as template.yaml) to an action that had none.
  fs.add_file("/p/_templates/component/new/template.yaml", "name: new\n");
  touch_dir(fs, "/p/_templates/component/new");
  auto added = reload();
  auto fresh_new = added.index.find_action("component", "new");
  EXPECT_TRUE(fresh_new->has_metadata);
  EXPECT_EQ(fresh_new->metadata_path, "/p/_templates/component/new/template.yaml");
  EXPECT_EQ(fresh_new->metadata, "name: new\n");
  // An action folder added, with a template.yml.
  fs.add_file("/p/_templates/api/other/template.yml", "name: other\n");
  touch_dir(fs, "/p/_templates/api");
  auto folder = reload();
  auto other = folder.index.find_action("api", "other");
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->has_metadata);
  EXPECT_EQ(other->metadata, "name: other\n");

  auto again = load_or_build(fs, kProject, kRoots, o, nullptr);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->report.freshness, Freshness::kFresh);
  // What the index holds agrees with a fresh build.
  auto built = build(fs, kRoots, Depth::kGenerators);
  ASSERT_TRUE(built);
  auto built_index = Index::from_bytes(serialize(*built));
  ASSERT_TRUE(built_index);
  for (std::size_t i = 0; i < built_index->action_count(); ++i) {
    auto want = built_index->action(i);
    auto got = again->index.find_action(built_index->generator(want.generator).name, want.name);
    ASSERT_TRUE(got) << want.path;
    EXPECT_EQ(got->has_metadata, want.has_metadata) << want.path;
    EXPECT_EQ(got->metadata, want.metadata) << want.path;
    EXPECT_EQ(got->metadata_path, want.metadata_path) << want.path;
  }
}

// Forwards to a MemoryFileSystem; optionally with whole-second timestamps
// (like some network and FAT file systems: an edit within the same second
// keeps the mtime) and one path whose reads fail.
class TestFs : public ForwardingFileSystem {
 public:
  explicit TestFs(MemoryFileSystem& inner) : ForwardingFileSystem(inner) {}
  bool coarse = false;
  std::string unreadable;

  Result<FileStat> stat(const std::string& path) override { return adjust(inner().stat(path)); }
  Result<FileStat> lstat(const std::string& path) override { return adjust(inner().lstat(path)); }
  Result<std::string> read_file(const std::string& path) override {
    if (path == unreadable) return make_error(ErrorKind::kIo, "cannot read '" + path + "'");
    return inner().read_file(path);
  }

 private:
  Result<FileStat> adjust(Result<FileStat> st) const {
    if (st && coarse) st->mtime_ns -= st->mtime_ns % 1'000'000'000;
    return st;
  }
};

TEST(Index, ActionTemplateYmlIsFoundLikeManifestIn) {
  MemoryFileSystem mem;
  fixture(mem);
  mem.add_dir("/p/_templates/component/new/template.yml");  // a folder: does not count
  mem.add_file("/p/_templates/component/new/template.yaml", "name: yaml\n");
  mem.add_file("/p/_templates/api/route/template.yml", "name: route\n");
  TestFs fs(mem);
  fs.unreadable = "/p/_templates/api/route/template.yml";
  auto r = load_or_build(fs, kProject, kRoots, opts(Depth::kGenerators), nullptr);
  ASSERT_TRUE(r) << r.error().describe();
  auto next = r->index.find_action("component", "new");
  EXPECT_TRUE(next->has_metadata);
  EXPECT_EQ(next->metadata_path, "/p/_templates/component/new/template.yaml");
  EXPECT_EQ(next->metadata, "name: yaml\n");
  // An unreadable one is there, without bytes: readers read it themselves.
  auto route = r->index.find_action("api", "route");
  EXPECT_TRUE(route->has_metadata);
  EXPECT_FALSE(route->metadata_read);
  EXPECT_EQ(route->metadata_path, "/p/_templates/api/route/template.yml");
  EXPECT_TRUE(route->metadata.empty());
}

TEST(Index, AnUnsureEntryStaysUnsureWhenTheIndexIsRewrittenWithoutCheckingIt) {
  MemoryFileSystem mem;  // its clock advances 1 ms per change
  fixture(mem);
  mem.add_file("/p/_templates/api/route/template.yml", "name: a\n");
  TestFs fs(mem);
  fs.coarse = true;
  auto o = opts(Depth::kGenerators, 1'000'000'000);
  auto first = load_or_build(fs, kProject, kRoots, o, nullptr);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->index.find_action("api", "route")->metadata, "name: a\n");
  // Same size, same (coarse) mtime: no stat can see this edit; only the
  // "unsure" rule makes the next generator-level load read it again.
  mem.add_file("/p/_templates/api/route/template.yml", "name: b\n");
  for (int i = 0; i < 3000; ++i) mem.add_file("/elsewhere/tick", "");  // 3 s later
  // A generation rewrites the index without validating the generator level.
  auto action = first->index.find_action("component", "new");
  ASSERT_TRUE(action);
  Index index = first->index;
  auto ensured = ensure_action(fs, kProject, index, action->index,
                               opts(Depth::kNone, o.granularity_ns), nullptr);
  ASSERT_TRUE(ensured) << ensured.error().describe();
  EXPECT_GT(index.written_ns(), first->index.written_ns() + 2'000'000'000);
  auto next = load_or_build(fs, kProject, kRoots, o, nullptr);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->report.freshness, Freshness::kRevalidated);
  EXPECT_EQ(next->index.find_action("api", "route")->metadata, "name: b\n");
}

TEST(Index, AnOldFormatVersionIsRebuilt) {
  MemoryFileSystem fs;
  fixture(fs);
  auto loaded = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(loaded);
  std::string old(loaded->index.bytes());
  std::uint32_t previous = kFormatVersion - 1;
  std::memcpy(old.data() + 8, &previous, sizeof previous);
  EXPECT_EQ(check(old), FormatStatus::kForeignVersion);
  fs.add_file(index_path(kProject), old);
  auto rebuilt = load_or_build(fs, kProject, kRoots, opts(), nullptr);
  ASSERT_TRUE(rebuilt) << rebuilt.error().describe();
  EXPECT_TRUE(rebuilt->report.file_found);
  EXPECT_EQ(rebuilt->report.file_status, FormatStatus::kForeignVersion);
  EXPECT_EQ(rebuilt->report.freshness, Freshness::kRebuilt);
  EXPECT_EQ(check(*fs.read_file(index_path(kProject))), FormatStatus::kOk);
}

TEST(Index, ManyGeneratorsAreValidatedOnTwoThreadsWithTheSameResult) {
  char tmpl[] = "/tmp/hypergen-index-test-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  auto fs = make_real_file_system();
  constexpr int kGenerators = 40;  // 80 generator-level entries: split across threads below
  for (int g = 0; g < kGenerators; ++g) {
    char name[16];
    std::snprintf(name, sizeof name, "g%04d", g);
    ASSERT_TRUE(fs->make_dirs(dir + "/_templates/" + name + "/new"));
    ASSERT_TRUE(fs->write_file(dir + "/_templates/" + name + "/new/t", "x", false));
  }
  std::vector<std::string> roots = {dir + "/_templates"};
  auto o = opts(Depth::kGenerators, 0);
  o.parallel_entries = 16;
  auto first = load_or_build(*fs, dir, roots, o, nullptr);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->index.generator_count(), static_cast<std::size_t>(kGenerators));
  auto fresh = load_or_build(*fs, dir, roots, o, nullptr);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->report.freshness, Freshness::kFresh);
  EXPECT_EQ(fresh->report.stats, 1u + 2u * kGenerators);
  // Timestamps tick every few ms: change things well after the index was written.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE(fs->write_file(dir + "/_templates/g0003/new/template.yml", "name: a\n", false));
  ASSERT_TRUE(fs->write_file(dir + "/_templates/g0039/new/template.yml", "name: b\n", false));
  ASSERT_TRUE(fs->make_dirs(dir + "/_templates/g0020/edit"));
  auto next = load_or_build(*fs, dir, roots, o, nullptr);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->report.freshness, Freshness::kRevalidated);
  EXPECT_EQ(next->report.generators_rescanned, 3u);
  EXPECT_EQ(next->index.find_action("g0003", "new")->metadata, "name: a\n");
  EXPECT_EQ(next->index.find_action("g0039", "new")->metadata, "name: b\n");
  EXPECT_TRUE(next->index.find_action("g0020", "edit"));
  std::filesystem::remove_all(dir);
}

TEST(Index, StatusClearRebuild) {
  MemoryFileSystem fs;
  fixture(fs);
  auto none = index_status(fs, kProject, kRoots, opts());
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->exists);
  ASSERT_TRUE(index_rebuild(fs, kProject, kRoots, opts(), nullptr));
  auto st = index_status(fs, kProject, kRoots, opts());
  ASSERT_TRUE(st);
  EXPECT_TRUE(st->exists);
  EXPECT_TRUE(st->roots_match);
  EXPECT_EQ(st->generators, 2u);
  EXPECT_EQ(st->templates, 4u);
  EXPECT_EQ(st->stale_actions, 0u);
  fs.add_file("/p/_templates/api/route/r.t", "changed!\n");
  st = index_status(fs, kProject, kRoots, opts());
  ASSERT_TRUE(st);
  EXPECT_EQ(st->stale_actions, 1u);
  ASSERT_TRUE(index_clear(fs, kProject));
  ASSERT_TRUE(index_clear(fs, kProject));  // clearing nothing is fine
  EXPECT_FALSE(fs.stat(index_path(kProject))->exists());
}

TEST(Index, TempFileOfAKilledWriterIsRemovedByTheNextWrite) {
  char tmpl[] = "/tmp/hypergen-index-test-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  auto fs = make_real_file_system();
  ASSERT_TRUE(fs->make_dirs(dir + "/_templates/g/new"));
  ASSERT_TRUE(fs->write_file(dir + "/_templates/g/new/t", "---\nto: x\n---\n", false));
  ASSERT_TRUE(fs->make_dirs(dir + "/.hypergen/cache"));
  std::string stale = dir + "/.hypergen/cache/index.tmp.12345.deadbeef";
  ASSERT_TRUE(fs->write_file(stale, "half an index", false));
  std::vector<std::string> roots = {dir + "/_templates"};
  auto r = load_or_build(*fs, dir, roots, opts(Depth::kFull, 10'000'000), nullptr);
  ASSERT_TRUE(r);
  EXPECT_FALSE(fs->stat(stale)->exists());
  EXPECT_TRUE(fs->stat(index_path(dir))->exists());
  std::filesystem::remove_all(dir);
}

TEST(Index, ConcurrentWritersNeverLeaveABrokenFile) {
  char tmpl[] = "/tmp/hypergen-index-test-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  auto fs = make_real_file_system();
  for (int g = 0; g < 20; ++g) {
    for (int t = 0; t < 5; ++t) {
      std::string path = dir + "/_templates/g" + std::to_string(g) + "/new/t" + std::to_string(t);
      ASSERT_TRUE(fs->make_dirs(path.substr(0, path.rfind('/'))));
      ASSERT_TRUE(fs->write_file(path, "---\nto: x\n---\nbody\n", false));
    }
  }
  std::vector<std::string> roots = {dir + "/_templates"};
  for (int round = 0; round < 5; ++round) {
    ASSERT_TRUE(index_clear(*fs, dir));
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        auto local = make_real_file_system();
        for (int i = 0; i < 3; ++i) {
          auto r = load_or_build(*local, dir, roots, opts(Depth::kFull, 10'000'000), nullptr);
          if (!r || r->index.template_count() != 100) ++failures;
        }
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    auto bytes = fs->read_file(index_path(dir));
    ASSERT_TRUE(bytes);
    EXPECT_EQ(check(*bytes), FormatStatus::kOk);
  }
  // No temp files are left behind.
  auto entries = fs->list_dir(dir + "/.hypergen/cache");
  ASSERT_TRUE(entries);
  for (const auto& e : *entries) EXPECT_EQ(e.name.find(".tmp."), std::string::npos) << e.name;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hypergen::index
