#include "config/config.h"

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

}  // namespace
}  // namespace hypergen::config
