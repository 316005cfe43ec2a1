#include "cache/cache.h"

#include <thread>

#include <gtest/gtest.h>

#include "cache/disk_store.h"
#include "cache/maintenance.h"
#include "cache/memory_level.h"
#include "util/fs_memory.h"

namespace hypergen::cache {
namespace {

Key k(std::uint64_t n) {
  return Key{0, n};
}
std::shared_ptr<const void> obj(int v) {
  return std::make_shared<const int>(v);
}
constexpr std::uint64_t kO = MemoryLevel::kEntryOverhead;
const char kTag = 0;

TEST(MemoryLevel, LruEvictsLeastRecentlyUsed) {
  ManualClock clock;
  MemoryLevel m(Policy::kLru, 3 * (100 + kO), 0, clock);
  m.put(k(1), obj(1), 100, &kTag);
  m.put(k(2), obj(2), 100, &kTag);
  m.put(k(3), obj(3), 100, &kTag);
  EXPECT_TRUE(m.get(k(1)).object);  // 1 is now the most recent
  EXPECT_EQ(m.eviction_order(), (std::vector<Key>{k(2), k(3), k(1)}));
  m.put(k(4), obj(4), 100, &kTag);
  EXPECT_FALSE(m.get(k(2)).object);
  EXPECT_TRUE(m.get(k(1)).object);
  EXPECT_TRUE(m.get(k(3)).object);
  EXPECT_EQ(m.evictions(), 1u);
  EXPECT_EQ(m.bytes(), 3 * (100 + kO));
}

TEST(MemoryLevel, LfuEvictsLeastFrequentlyUsedThenOldest) {
  ManualClock clock;
  MemoryLevel m(Policy::kLfu, 3 * (10 + kO), 0, clock);
  m.put(k(1), obj(1), 10, &kTag);
  m.put(k(2), obj(2), 10, &kTag);
  m.put(k(3), obj(3), 10, &kTag);
  for (int i = 0; i < 3; ++i) m.get(k(1));
  m.get(k(3));
  // uses: 1→4, 2→1, 3→2
  EXPECT_EQ(m.eviction_order(), (std::vector<Key>{k(2), k(3), k(1)}));
  m.put(k(4), obj(4), 10, &kTag);  // evicts 2; 4 has 1 use
  EXPECT_FALSE(m.get(k(2)).object);
  m.put(k(5), obj(5), 10, &kTag);  // 4 (1 use... now 1) vs 3 (2 uses): 4 goes
  EXPECT_FALSE(m.get(k(4)).object);
  EXPECT_TRUE(m.get(k(3)).object);
  EXPECT_TRUE(m.get(k(1)).object);
}

TEST(MemoryLevel, TtlExpiresAndEvictsOldestInsertion) {
  ManualClock clock;
  MemoryLevel m(Policy::kTtl, 2 * (10 + kO),
                std::chrono::nanoseconds(std::chrono::seconds(5)).count(), clock);
  m.put(k(1), obj(1), 10, &kTag);
  clock.advance(std::chrono::seconds(3));
  m.put(k(2), obj(2), 10, &kTag);
  EXPECT_TRUE(m.get(k(1)).object);  // access does not extend life
  clock.advance(std::chrono::seconds(2));
  EXPECT_FALSE(m.get(k(1)).object);  // 5 s old: expired
  EXPECT_TRUE(m.get(k(2)).object);
  EXPECT_EQ(m.evictions(), 1u);
  m.put(k(3), obj(3), 10, &kTag);
  m.put(k(4), obj(4), 10, &kTag);  // budget of two: 2 (oldest insertion) goes
  EXPECT_FALSE(m.get(k(2)).object);
  clock.advance(std::chrono::seconds(10));
  m.prune_to(1'000'000);
  EXPECT_EQ(m.entries(), 0u);
}

TEST(MemoryLevel, ByteBudgetAndOversizedEntries) {
  ManualClock clock;
  MemoryLevel m(Policy::kLru, 1000, 0, clock);
  m.put(k(1), obj(1), 2000, &kTag);  // larger than the budget: not stored
  EXPECT_FALSE(m.get(k(1)).object);
  for (std::uint64_t i = 0; i < 20; ++i) m.put(k(i), obj(1), 100, &kTag);
  EXPECT_LE(m.bytes(), 1000u);
  EXPECT_EQ(m.entries(), 1000 / (100 + kO));
  m.put(k(19), obj(9), 300, &kTag);  // replacing keeps the accounting right
  EXPECT_LE(m.bytes(), 1000u);
  m.prune_to(0);
  EXPECT_EQ(m.bytes(), 0u);
  EXPECT_EQ(m.entries(), 0u);
}

TEST(Cache, ObjectsCountersAndTypes) {
  Metrics metrics;
  Options o;
  Cache cache(o, nullptr, nullptr, &metrics);
  Key key = compiled_template_key(42, "liquid");
  EXPECT_EQ(cache.get_object<std::string>(key), nullptr);
  cache.put_object(key, std::make_shared<const std::string>("ast"), 3);
  auto hit = cache.get_object<std::string>(key);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(*hit, "ast");
  EXPECT_EQ(cache.get_object<int>(key), nullptr);  // another type is a miss
  auto s = cache.stats();
  EXPECT_EQ(s.hits, 1u);
  EXPECT_EQ(s.misses, 2u);
  EXPECT_EQ(s.entries, 1u);
  auto m = metrics.snapshot();
  EXPECT_EQ(m.count(Counter::kCacheHits), 1u);
  EXPECT_EQ(m.count(Counter::kCacheMisses), 2u);
}

TEST(Cache, KeysSeparateTheirParts) {
  EXPECT_NE(KeyBuilder("x").add("ab").add("c").key(), KeyBuilder("x").add("a").add("bc").key());
  EXPECT_NE(compiled_template_key(1, "liquid"), compiled_template_key(1, "ejs"));
  EXPECT_NE(parsed_file_key("config", "/a", 1, 2), parsed_file_key("config", "/a", 2, 2));
  EXPECT_EQ(rendered_path_key(7, "{{ name }}.ts", "name=\"a\""),
            rendered_path_key(7, "{{ name }}.ts", "name=\"a\""));
  EXPECT_EQ(Key{}.hex(), std::string(32, '0'));
}

TEST(Cache, DiskLevelRoundTripAndCorruptionIsAMiss) {
  MemoryFileSystem fs;
  Options o;
  o.local_dir = "/p/.hypergen/cache/objects";
  Key key = parsed_file_key("template.yml", "/t/g/template.yml", 5, 10);
  {
    Cache cache(o, &fs);
    cache.put_bytes(key, "parsed");
  }
  DiskStore store(fs, o.local_dir, Access::kReadWrite);
  std::string path = store.entry_path(key);
  EXPECT_EQ(path.substr(o.local_dir.size(), 4), "/" + key.hex().substr(0, 2) + "/");
  {
    Metrics metrics;
    Cache cache(o, &fs, nullptr, &metrics);  // fresh process: memory is empty
    EXPECT_EQ(cache.get_bytes(key), std::optional<std::string>("parsed"));
    EXPECT_EQ(cache.get_bytes(key), std::optional<std::string>("parsed"));  // now from memory
    auto s = cache.stats();
    EXPECT_EQ(s.disk_hits, 1u);
    EXPECT_EQ(s.memory_hits, 1u);
    EXPECT_EQ(metrics.snapshot().count(Counter::kCacheDiskHits), 1u);
  }
  auto bytes = *fs.read_file(path);
  for (std::size_t i = 0; i < bytes.size(); i += 7) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    EXPECT_FALSE(decode_entry(key, bad)) << i;
  }
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_FALSE(decode_entry(key, bytes.substr(0, n)));
  EXPECT_FALSE(decode_entry(Key{1, 2}, bytes));  // another key
  fs.add_file(path, bytes.substr(0, bytes.size() - 1));
  Cache cache(o, &fs);
  EXPECT_FALSE(cache.get_bytes(key));
  EXPECT_FALSE(fs.stat(path)->exists());  // the damaged entry was removed
  EXPECT_EQ(cache.stats().misses, 1u);
}

TEST(Cache, SharedLevelReadThroughCopiesToLocal) {
  MemoryFileSystem fs;
  Key key = compiled_template_key(9, "liquid");
  DiskStore team(fs, "/team/cache", Access::kReadWrite);
  ASSERT_TRUE(team.put(key, "from the team"));
  Options o;
  o.local_dir = "/p/objects";
  o.shared_dir = "/team/cache";
  Cache cache(o, &fs);
  EXPECT_EQ(cache.get_bytes(key), std::optional<std::string>("from the team"));
  EXPECT_EQ(cache.stats().shared_hits, 1u);
  DiskStore local(fs, "/p/objects", Access::kReadWrite);
  EXPECT_EQ(local.get(key), std::optional<std::string>("from the team"));
  cache.clear();  // never touches the shared directory
  EXPECT_TRUE(team.get(key));
  EXPECT_FALSE(local.get(key));
  cache.put_bytes(Key{3, 3}, "x");
  DiskStore shared_ro(fs, "/team/cache", Access::kReadOnly);
  EXPECT_FALSE(shared_ro.put(Key{4, 4}, "y"));
  EXPECT_FALSE(shared_ro.get(Key{3, 3}));
}

TEST(Cache, DiskPruneRemovesOldestFirst) {
  MemoryFileSystem fs;
  DiskStore store(fs, "/objects", Access::kReadWrite);
  for (std::uint64_t i = 1; i <= 5; ++i) store.put(Key{0, i}, std::string(100, 'x'));
  auto usage = store.usage();
  EXPECT_EQ(usage.entries, 5u);
  std::uint64_t each = usage.bytes / 5;
  EXPECT_EQ(store.prune_to(each * 3), 2u);
  EXPECT_FALSE(store.get(Key{0, 1}));
  EXPECT_FALSE(store.get(Key{0, 2}));
  EXPECT_TRUE(store.get(Key{0, 5}));
  store.clear();
  EXPECT_EQ(store.usage().entries, 0u);
}

TEST(Cache, ParseSettings) {
  EXPECT_EQ(*parse_policy("LRU"), Policy::kLru);
  EXPECT_EQ(*parse_policy("lfu"), Policy::kLfu);
  EXPECT_EQ(*parse_policy("ttl"), Policy::kTtl);
  EXPECT_FALSE(parse_policy("fifo"));
  EXPECT_EQ(*parse_byte_size("52428800"), kDefaultMaxBytes);
  EXPECT_EQ(*parse_byte_size("50MB"), kDefaultMaxBytes);
  EXPECT_EQ(*parse_byte_size("50 MiB"), kDefaultMaxBytes);
  EXPECT_EQ(*parse_byte_size("512k"), 512u * 1024);
  EXPECT_FALSE(parse_byte_size("lots"));
  EXPECT_FALSE(parse_byte_size("5 parsecs"));
}

TEST(Cache, ConcurrentUseKeepsTheBudget) {
  Options o;
  o.max_bytes = 50 * (64 + MemoryLevel::kEntryOverhead);
  Cache cache(o, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::uint64_t i = 0; i < 2000; ++i) {
        Key key{static_cast<std::uint64_t>(t), i % 97};
        if (!cache.get_object<int>(key)) cache.put_object(key, std::make_shared<const int>(1), 64);
      }
    });
  }
  for (auto& th : threads) th.join();
  auto s = cache.stats();
  EXPECT_LE(s.bytes, o.max_bytes);
  EXPECT_EQ(s.hits + s.misses, 8000u);
}

TEST(CacheMaintenance, StatusClearRebuild) {
  MemoryFileSystem fs;
  fs.add_file("/p/_templates/g/a/t.t", "x\n");
  std::vector<std::string> roots = {"/p/_templates"};
  index::Options o;
  o.granularity_ns = 0;
  auto st = cache_status(fs, "/p", roots, o);
  ASSERT_TRUE(st);
  EXPECT_EQ(format_cache_status(*st), "index: none\nobjects: 0 (0 bytes)\n");
  ASSERT_TRUE(cache_rebuild(fs, "/p", roots, o, nullptr));
  DiskStore(fs, objects_dir("/p"), Access::kReadWrite).put(Key{1, 1}, "abc");
  st = cache_status(fs, "/p", roots, o);
  ASSERT_TRUE(st);
  std::string text = format_cache_status(*st);
  EXPECT_NE(text.find("index: fresh ("), std::string::npos) << text;
  EXPECT_NE(text.find("templates: 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("objects: 1 ("), std::string::npos) << text;
  ASSERT_TRUE(cache_clear(fs, "/p"));
  st = cache_status(fs, "/p", roots, o);
  ASSERT_TRUE(st);
  EXPECT_EQ(format_cache_status(*st), "index: none\nobjects: 0 (0 bytes)\n");
}

}  // namespace
}  // namespace hypergen::cache
