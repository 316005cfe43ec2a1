#pragma once
// The cache manager: one thread-safe cache with a pluggable eviction policy
// (LRU, LFU, TTL) and a byte budget, in up to three levels:
//
//   in-process  any immutable object (a compiled Liquid AST, a parsed
//               template.yml) or bytes; policy + budget apply here
//   on-disk     `.hypergen/cache/objects/`, bytes only, content-addressed
//               (objects/<2 hex>/<30 hex>), each entry self-checking (see
//               cache/disk_store.h): a damaged entry is a miss
//   shared      an optional team directory (`cache.shared`) with the same
//               layout, read-only for us: a hit there is copied to the local
//               disk level
//
// The cache only ever speeds things up: every failure below is a miss, and
// nothing here returns an error to the caller.
//
// Keys are 128-bit XXH3 hashes built with KeyBuilder; the helpers at the end
// make the keys of the planned uses so every caller builds them the same way.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "util/fs.h"
#include "util/metrics.h"
#include "util/result.h"

namespace hypergen::cache {

struct Key {
  std::uint64_t hi = 0, lo = 0;
  friend bool operator==(const Key&, const Key&) = default;
  friend auto operator<=>(const Key&, const Key&) = default;
  std::string hex() const;  // 32 lowercase hex digits
};

// Hashes a sequence of typed parts; each part is length-prefixed so
// ("ab","c") and ("a","bc") differ.
class KeyBuilder {
 public:
  explicit KeyBuilder(std::string_view kind);
  KeyBuilder& add(std::string_view bytes);
  KeyBuilder& add(std::uint64_t value);
  KeyBuilder& add(std::int64_t value) { return add(static_cast<std::uint64_t>(value)); }
  Key key() const;

 private:
  std::string buffer_;
};

// Compiled templates: the template bytes' hash (index TemplateView::
// content_hash) plus the engine and the name the template's errors show.
Key compiled_template_key(std::uint64_t content_hash, std::string_view engine,
                          std::string_view name = {});
// Parsed template.yml / config files: path + mtime + size.
Key parsed_file_key(std::string_view kind, std::string_view path, std::int64_t mtime_ns,
                    std::uint64_t size);
// Rendered `to:` paths: the template's identity (its content hash) and the
// values the `to:` expression reads, as name=JSON pairs in a fixed order.
Key rendered_path_key(std::uint64_t template_hash, std::string_view to_source,
                      std::string_view values_read);

// Time, for TTL; tests use ManualClock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_ns() = 0;
};
class SteadyClock : public Clock {
 public:
  std::int64_t now_ns() override;
};
class ManualClock : public Clock {
 public:
  std::int64_t now_ns() override { return now_; }
  void advance(std::chrono::nanoseconds d) { now_ += d.count(); }

 private:
  std::int64_t now_ = 0;
};

enum class Policy : std::uint8_t {
  kLru,  // evict the least recently used
  kLfu,  // evict the least frequently used (ties: least recently used)
  kTtl,  // entries expire `ttl` after they were stored; over budget, oldest first
};
Result<Policy> parse_policy(std::string_view text);  // "lru" | "lfu" | "ttl"
std::string_view policy_name(Policy policy);
// "52428800", "50MB", "50 MiB", "512k" (k/M/G are 1024-based) → bytes.
Result<std::uint64_t> parse_byte_size(std::string_view text);

inline constexpr std::uint64_t kDefaultMaxBytes = 50ull * 1024 * 1024;

struct Options {
  Policy policy = Policy::kLru;
  std::uint64_t max_bytes = kDefaultMaxBytes;       // in-process budget (`cache.maxBytes`)
  std::uint64_t disk_max_bytes = kDefaultMaxBytes;  // on-disk budget (prune_to_budget)
  std::chrono::nanoseconds ttl = std::chrono::minutes(10);
  std::string local_dir;   // e.g. <project>/.hypergen/cache/objects; empty: no disk level
  std::string shared_dir;  // `cache.shared`; empty: none
};

struct Stats {
  std::uint64_t hits = 0;    // all levels
  std::uint64_t misses = 0;  // missed every level
  std::uint64_t memory_hits = 0, disk_hits = 0, shared_hits = 0;
  std::uint64_t evictions = 0;           // budget evictions and TTL expirations
  std::uint64_t entries = 0, bytes = 0;  // in-process level
  std::uint64_t disk_writes = 0;         // put_bytes calls stored in the local disk level
  double hit_rate() const;               // -1 when nothing was looked up
};

class MemoryLevel;
class DiskStore;

class Cache {
 public:
  // `fs` is used by the disk levels only and must outlive the cache; `clock`
  // and `metrics` may be null (steady clock; no metrics).
  Cache(Options options, FileSystem* fs, Clock* clock = nullptr, Metrics* metrics = nullptr);
  ~Cache();
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  // In-process objects. `bytes` is the object's approximate footprint, which
  // the budget counts. get_object returns null on a miss or when the entry
  // holds another type.
  template <typename T>
  std::shared_ptr<const T> get_object(const Key& key) {
    return std::static_pointer_cast<const T>(get_erased(key, &type_tag<T>));
  }
  template <typename T>
  void put_object(const Key& key, std::shared_ptr<const T> object, std::uint64_t bytes) {
    put_erased(key, std::move(object), bytes, &type_tag<T>);
  }

  // Bytes, through every level; a hit in a lower level fills the ones above.
  std::optional<std::string> get_bytes(const Key& key);
  void put_bytes(const Key& key, std::string_view bytes);

  void erase(const Key& key);  // in-process and local disk
  void clear();                // in-process and local disk (never the shared dir)
  // Evicts in-process entries down to max_bytes (put does this already) and
  // removes the oldest local disk entries down to disk_max_bytes.
  void prune_to_budget();
  // prune_to_budget() if this cache stored anything on disk: what a command
  // calls before it ends, so the disk level never outgrows its budget and a
  // command that only read pays nothing.
  void prune_if_written();

  Stats stats() const;
  const Options& options() const { return options_; }

 private:
  template <typename T>
  static inline const char type_tag = 0;

  std::shared_ptr<const void> get_erased(const Key& key, const void* tag);
  void put_erased(const Key& key, std::shared_ptr<const void> object, std::uint64_t bytes,
                  const void* tag);
  void count_hit(Counter level_counter);
  void count_miss();

  Options options_;
  Metrics* metrics_;
  std::unique_ptr<SteadyClock> own_clock_;
  std::unique_ptr<MemoryLevel> memory_;
  std::unique_ptr<DiskStore> local_;
  std::unique_ptr<DiskStore> shared_;
  mutable std::mutex stats_mutex_;
  Stats counts_;
};

}  // namespace hypergen::cache
