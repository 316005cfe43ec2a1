#include "config/config.h"

#include <unordered_map>

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::config {
namespace {

EnvLookup no_env() {
  return [](std::string_view) { return std::optional<std::string>(); };
}

Result<Config> load_with(MemoryFileSystem& fs) {
  return load_config(fs, no_env(), "/p/sub");
}

TEST(ConfigCache, DefaultsWithoutAProjectFile) {
  MemoryFileSystem fs;
  fs.add_dir("/p/sub");
  auto cfg = load_with(fs);
  ASSERT_TRUE(cfg) << cfg.error().message;
  EXPECT_EQ(cfg->cache.policy, "lru");
  EXPECT_EQ(cfg->cache.policy_origin, "default");
  EXPECT_EQ(cfg->cache.max_bytes, "");
  EXPECT_EQ(cfg->cache.shared, "");
}

TEST(ConfigCache, ReadsTheYamlKeysWithOrigins) {
  MemoryFileSystem fs;
  fs.add_dir("/p/sub");
  fs.add_file("/p/hypergen.yml",
              "templates: tpl\n"
              "cache:\n"
              "  policy: lfu\n"
              "  maxBytes: 512k\n"
              "  shared: ../team/cache\n");
  auto cfg = load_with(fs);
  ASSERT_TRUE(cfg) << cfg.error().message;
  EXPECT_EQ(cfg->cache.policy, "lfu");
  EXPECT_EQ(cfg->cache.policy_origin, "hypergen.yml:3");
  EXPECT_EQ(cfg->cache.max_bytes, "512k");
  EXPECT_EQ(cfg->cache.max_bytes_origin, "hypergen.yml:4");
  EXPECT_EQ(cfg->cache.max_bytes_where.file, "/p/hypergen.yml");
  EXPECT_EQ(cfg->cache.max_bytes_where.line, 4);
  EXPECT_EQ(cfg->cache.shared, "/team/cache");  // relative to the project root /p
  EXPECT_EQ(cfg->cache.shared_origin, "hypergen.yml:5");
}

TEST(ConfigCache, ReadsTheJsonKeys) {
  MemoryFileSystem fs;
  fs.add_dir("/p/sub");
  fs.add_file("/p/hypergen.json",
              R"({"cache": {"policy": "ttl", "maxBytes": 1048576, "shared": "/srv/c"}})");
  auto cfg = load_with(fs);
  ASSERT_TRUE(cfg) << cfg.error().message;
  EXPECT_EQ(cfg->cache.policy, "ttl");
  EXPECT_EQ(cfg->cache.max_bytes, "1048576");
  EXPECT_EQ(cfg->cache.shared, "/srv/c");
  EXPECT_EQ(cfg->cache.shared_origin, "hypergen.json");
}

TEST(ConfigCache, RejectsAnUnknownPolicyWithItsLine) {
  MemoryFileSystem fs;
  fs.add_dir("/p/sub");
  fs.add_file("/p/hypergen.yml", "cache:\n  policy: fifo\n");
  auto cfg = load_with(fs);
  ASSERT_FALSE(cfg);
  EXPECT_EQ(cfg.error().kind, ErrorKind::kData);
  EXPECT_NE(cfg.error().message.find("fifo"), std::string::npos);
  EXPECT_EQ(cfg.error().where.line, 2);
}

TEST(ConfigCache, RejectsUnknownKeysAndWrongShapes) {
  {
    MemoryFileSystem fs;
    fs.add_dir("/p/sub");
    fs.add_file("/p/hypergen.yml", "cache:\n  maxbytes: 1M\n");
    auto cfg = load_with(fs);
    ASSERT_FALSE(cfg);
    EXPECT_NE(cfg.error().message.find("cache.maxbytes"), std::string::npos);
    EXPECT_EQ(cfg.error().where.line, 2);
  }
  {
    MemoryFileSystem fs;
    fs.add_dir("/p/sub");
    fs.add_file("/p/hypergen.yml", "cache: big\n");
    EXPECT_FALSE(load_with(fs));
  }
  {
    MemoryFileSystem fs;
    fs.add_dir("/p/sub");
    fs.add_file("/p/hypergen.yml", "cache:\n  shared: [a, b]\n");
    EXPECT_FALSE(load_with(fs));
  }
  {
    MemoryFileSystem fs;
    fs.add_dir("/p/sub");
    fs.add_file("/p/hypergen.json", R"({"cache": {"policy": 3}})");
    EXPECT_FALSE(load_with(fs));
  }
}

TEST(ConfigPerf, ReadsJobsAndBudgets) {
  MemoryFileSystem fs;
  fs.add_dir("/p/sub");
  fs.add_file("/p/hypergen.yml",
              "# comment\n"
              "perf:\n"
              "  jobs: 2\n"
              "  budgets:\n"
              "    render: 5\n"
              "    startup: 2.5\n");
  auto cfg = load_with(fs);
  ASSERT_TRUE(cfg) << cfg.error().message;
  EXPECT_EQ(cfg->perf.jobs, 2);
  EXPECT_EQ(cfg->perf.jobs_origin, "hypergen.yml:3");
  ASSERT_EQ(cfg->perf.budgets.size(), 2u);
  EXPECT_EQ(cfg->perf.budgets[0].operation, "render");
  EXPECT_DOUBLE_EQ(cfg->perf.budgets[1].ms, 2.5);
  EXPECT_EQ(cfg->perf.budgets[1].origin, "hypergen.yml:6");
}

TEST(ConfigPerf, ReadsJsonAndRejectsBadValues) {
  MemoryFileSystem fs;
  fs.add_dir("/p/sub");
  fs.add_file("/p/hypergen.json", R"({"perf": {"jobs": 3, "budgets": {"plan": 1}}})");
  auto cfg = load_with(fs);
  ASSERT_TRUE(cfg) << cfg.error().message;
  EXPECT_EQ(cfg->perf.jobs, 3);
  ASSERT_EQ(cfg->perf.budgets.size(), 1u);

  MemoryFileSystem bad;
  bad.add_dir("/p/sub");
  bad.add_file("/p/hypergen.yml", "perf:\n  jobs: 0\n");
  auto e = load_with(bad);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().where.line, 2);
  MemoryFileSystem bad2;
  bad2.add_dir("/p/sub");
  bad2.add_file("/p/hypergen.yml", "perf:\n  budgets:\n    render: -1\n");
  EXPECT_FALSE(load_with(bad2));
  MemoryFileSystem bad3;
  bad3.add_dir("/p/sub");
  bad3.add_file("/p/hypergen.yml", "perf:\n  speed: 1\n");
  auto e3 = load_with(bad3);
  ASSERT_FALSE(e3);
  EXPECT_NE(e3.error().message.find("perf.speed"), std::string::npos);
}

// A project /p with its own _templates (cwd /p) and two installed packages.
MemoryFileSystem package_project(const std::string& yml) {
  MemoryFileSystem fs;
  fs.add_dir("/p/_templates/g/new");
  fs.add_file("/p/hypergen.yml", yml);
  fs.add_file("/p/node_modules/hypergen-kit/package.json", R"({"name": "hypergen-kit"})");
  fs.add_dir("/p/node_modules/hypergen-kit/_templates/comp/new");
  fs.add_file("/p/node_modules/@acme/gens/package.json",
              R"({"name": "@acme/gens", "hypergen": {"templates": "lib/tpl"}})");
  fs.add_dir("/p/node_modules/@acme/gens/lib/tpl/api/new");
  fs.add_dir("/p/node_modules/plain/generators/x/new");  // no package.json
  return fs;
}

Result<Config> load_at_root(MemoryFileSystem& fs,
                            std::unordered_map<std::string, std::string> env = {}) {
  return load_config(
      fs,
      [env](std::string_view name) -> std::optional<std::string> {
        auto it = env.find(std::string(name));
        if (it == env.end()) return std::nullopt;
        return it->second;
      },
      "/p");
}

TEST(ConfigPackages, PackageRootsComeAfterTheProjectsWithTheirFolders) {
  auto fs = package_project("packages:\n  - hypergen-kit\n  - \"@acme/gens\"\n  - plain\n");
  auto cfg = load_at_root(fs);
  ASSERT_TRUE(cfg) << cfg.error().describe();
  ASSERT_EQ(cfg->templates.size(), 4u);
  EXPECT_EQ(cfg->templates[0].path, "/p/_templates");
  EXPECT_TRUE(cfg->templates[0].package.empty());
  EXPECT_TRUE(cfg->templates[0].trusted);
  EXPECT_EQ(cfg->templates[1].path, "/p/node_modules/hypergen-kit/_templates");
  EXPECT_EQ(cfg->templates[1].origin, "package hypergen-kit");
  EXPECT_EQ(cfg->templates[1].package, "hypergen-kit");
  EXPECT_FALSE(cfg->templates[1].trusted);
  EXPECT_EQ(cfg->templates[2].path, "/p/node_modules/@acme/gens/lib/tpl");  // hypergen.templates
  EXPECT_EQ(cfg->templates[3].path, "/p/node_modules/plain/generators");
}

TEST(ConfigPackages, TemplatesFolderWinsOverGenerators) {
  auto fs = package_project("packages: plain\n");
  fs.add_dir("/p/node_modules/plain/_templates");
  auto cfg = load_at_root(fs);
  ASSERT_TRUE(cfg) << cfg.error().describe();
  EXPECT_EQ(cfg->templates.back().path, "/p/node_modules/plain/_templates");
}

TEST(ConfigPackages, TrustListEnvAndTrustAll) {
  auto fs = package_project("packages: [hypergen-kit, plain]\ntrust:\n  - plain\n");
  auto cfg = load_at_root(fs);
  ASSERT_TRUE(cfg) << cfg.error().describe();
  EXPECT_FALSE(cfg->templates[1].trusted);
  EXPECT_TRUE(cfg->templates[2].trusted);
  EXPECT_EQ(cfg->templates[2].trust_origin, "hypergen.yml:3");
  EXPECT_TRUE(has_untrusted_roots(*cfg));
  EXPECT_FALSE(path_trusted(*cfg, "/p/node_modules/hypergen-kit/_templates/comp/new/prompt.js"));
  EXPECT_TRUE(path_trusted(*cfg, "/p/node_modules/plain/generators/x/new/a.t"));
  EXPECT_TRUE(path_trusted(*cfg, "/p/_templates/g/new/a.t"));
  // Package code under no root: untrusted; anything else outside the roots: trusted.
  EXPECT_FALSE(path_trusted(*cfg, "/p/node_modules/other/x.yml"));
  EXPECT_TRUE(path_trusted(*cfg, "/p/shared/x.yml"));

  trust_all(*cfg, "--trust");
  EXPECT_TRUE(cfg->templates[1].trusted);
  EXPECT_EQ(cfg->templates[1].trust_origin, "--trust");
  EXPECT_EQ(cfg->templates[2].trust_origin, "hypergen.yml:3");  // already trusted: kept
  EXPECT_FALSE(has_untrusted_roots(*cfg));

  auto env_cfg = load_at_root(fs, {{"HYPERGEN_TRUST", "1"}});
  ASSERT_TRUE(env_cfg);
  EXPECT_TRUE(env_cfg->templates[1].trusted);
  EXPECT_EQ(env_cfg->templates[1].trust_origin, "$HYPERGEN_TRUST");
  auto off = load_at_root(fs, {{"HYPERGEN_TRUST", "0"}});
  ASSERT_TRUE(off);
  EXPECT_FALSE(off->templates[1].trusted);
}

TEST(ConfigPackages, DeepestRootDecides) {
  // A project root that holds node_modules: the package root inside it wins.
  auto fs = package_project("templates: [., _templates]\npackages: [hypergen-kit]\n");
  auto cfg = load_at_root(fs);
  ASSERT_TRUE(cfg) << cfg.error().describe();
  const TemplateRoot* r = root_of(*cfg, "/p/node_modules/hypergen-kit/_templates/comp/new/a.t");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->package, "hypergen-kit");
  EXPECT_EQ(root_of(*cfg, "/p/_templates/g/new/a.t")->path, "/p/_templates");
  EXPECT_EQ(root_of(*cfg, "/elsewhere/a.t"), nullptr);
}

TEST(ConfigPackages, MissingPackageIsNotFoundAtTheEntry) {
  auto fs = package_project("packages:\n  - hypergen-kit\n  - hypergen-missing\n");
  auto cfg = load_at_root(fs);
  ASSERT_FALSE(cfg);
  EXPECT_EQ(cfg.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(cfg.error().code, "PACKAGE_NOT_FOUND");
  EXPECT_EQ(cfg.error().where.file, "/p/hypergen.yml");
  EXPECT_EQ(cfg.error().where.line, 3);
  EXPECT_EQ(cfg.error().where.column, 5);
  EXPECT_NE(cfg.error().message.find("node_modules/hypergen-missing"), std::string::npos);
  ASSERT_FALSE(cfg.error().suggestions.empty());
  EXPECT_EQ(cfg.error().suggestions[0].command, "npm install hypergen-missing");
}

TEST(ConfigPackages, PackageWithoutTemplatesIsNotFound) {
  auto fs = package_project("packages: [empty]\n");
  fs.add_file("/p/node_modules/empty/package.json", "{}");
  auto cfg = load_at_root(fs);
  ASSERT_FALSE(cfg);
  EXPECT_EQ(cfg.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(cfg.error().where.line, 1);
  EXPECT_EQ(cfg.error().where.column, 12);
  EXPECT_NE(cfg.error().message.find("no _templates/ or generators/"), std::string::npos);
}

TEST(ConfigPackages, TemplatesFieldMustStayInsideThePackage) {
  auto fs = package_project("packages: [evil]\n");
  fs.add_file("/p/node_modules/evil/package.json",
              R"({"hypergen": {"templates": "../../_templates"}})");
  auto cfg = load_at_root(fs);
  ASSERT_FALSE(cfg);
  EXPECT_EQ(cfg.error().kind, ErrorKind::kData);
  EXPECT_EQ(cfg.error().where.file, "/p/node_modules/evil/package.json");
  EXPECT_NE(cfg.error().message.find("leads out of the package"), std::string::npos);

  auto abs = package_project("packages: [evil]\n");
  abs.add_file("/p/node_modules/evil/package.json",
               R"({"hypergen": {"templates": "/p/_templates"}})");
  ASSERT_FALSE(load_at_root(abs));

  auto missing = package_project("packages: [evil]\n");
  missing.add_file("/p/node_modules/evil/package.json", R"({"hypergen": {"templates": "tpl"}})");
  missing.add_dir("/p/node_modules/evil/_templates");  // not a fallback: the field names tpl
  auto m = load_at_root(missing);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(m.error().where.file, "/p/node_modules/evil/package.json");

  auto bad_json = package_project("packages: [evil]\n");
  bad_json.add_file("/p/node_modules/evil/package.json", "{nope");
  auto b = load_at_root(bad_json);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where.file, "/p/node_modules/evil/package.json");
}

TEST(ConfigPackages, RejectsBadNamesDuplicatesAndUnknownTrust) {
  struct Case {
    const char* yml;
    int line, column;
    const char* words;
  };
  for (const Case& c : {
           Case{"packages:\n  - ../evil\n", 2, 5, "not an npm package name"},
           Case{"packages: [\"@scope\"]\n", 1, 12, "not an npm package name"},
           Case{"packages: [a/b]\n", 1, 12, "not an npm package name"},
           Case{"packages: [hypergen-kit, hypergen-kit]\n", 1, 26, "listed twice"},
           Case{"packages: [hypergen-kit]\ntrust: [plain]\n", 2, 9, "not in 'packages:'"},
           Case{"packages: {a: 1}\n", 1, 11, "must be a list"},
           Case{"trust:\n  - [x]\n", 2, 5, "must be npm package names"},
       }) {
    auto fs = package_project(c.yml);
    auto cfg = load_at_root(fs);
    ASSERT_FALSE(cfg) << c.yml;
    EXPECT_EQ(cfg.error().kind, ErrorKind::kData) << c.yml;
    EXPECT_EQ(cfg.error().where.line, c.line) << c.yml;
    EXPECT_EQ(cfg.error().where.column, c.column) << c.yml;
    EXPECT_NE(cfg.error().message.find(c.words), std::string::npos) << cfg.error().message;
  }
}

TEST(ConfigPackages, JsonProjectFile) {
  auto fs = package_project("");
  ASSERT_TRUE(fs.remove("/p/hypergen.yml"));
  fs.add_file("/p/hypergen.json", R"({"packages": ["hypergen-kit", "plain"], "trust": "plain"})");
  auto cfg = load_at_root(fs);
  ASSERT_TRUE(cfg) << cfg.error().describe();
  ASSERT_EQ(cfg->templates.size(), 3u);
  EXPECT_FALSE(cfg->templates[1].trusted);
  EXPECT_TRUE(cfg->templates[2].trusted);
  EXPECT_EQ(cfg->templates[2].trust_origin, "hypergen.json");
}

TEST(ConfigPackages, UndeclaredGeneratorPackages) {
  auto fs = package_project("packages: [hypergen-kit]\n");
  fs.add_file("/p/node_modules/hypergen-other/package.json", R"({"name": "hypergen-other"})");
  fs.add_dir("/p/node_modules/hypergen-other/_templates");
  fs.add_file("/p/node_modules/@s/gen/package.json", R"({"keywords": ["react", "hypergen"]})");
  fs.add_dir("/p/node_modules/@s/gen/generators");
  fs.add_file("/p/node_modules/field/package.json", R"({"hypergen": {}})");
  fs.add_dir("/p/node_modules/field/_templates");
  fs.add_file("/p/node_modules/lodash/package.json", R"({"name": "lodash"})");
  fs.add_dir("/p/node_modules/lodash/_templates");                 // not a generator package
  fs.add_file("/p/node_modules/hypergen-lib/package.json", "{}");  // no template folder
  auto cfg = load_at_root(fs);
  ASSERT_TRUE(cfg) << cfg.error().describe();
  auto found = undeclared_packages(fs, *cfg);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].name, "@s/gen");
  EXPECT_EQ(found[0].templates, "/p/node_modules/@s/gen/generators");
  EXPECT_EQ(found[1].name, "field");
  EXPECT_EQ(found[2].name, "hypergen-other");
  // plain (no package.json) and the declared hypergen-kit are not listed.
}

TEST(ConfigPackages, PackageNames) {
  EXPECT_TRUE(valid_package_name("hypergen-react-kit"));
  EXPECT_TRUE(valid_package_name("@acme/generators"));
  EXPECT_TRUE(valid_package_name("lodash.merge"));
  EXPECT_FALSE(valid_package_name(""));
  EXPECT_FALSE(valid_package_name(".."));
  EXPECT_FALSE(valid_package_name("_private"));
  EXPECT_FALSE(valid_package_name("@acme/../x"));
  EXPECT_FALSE(valid_package_name("@/x"));
  EXPECT_FALSE(valid_package_name("a b"));
}

}  // namespace
}  // namespace hypergen::config
