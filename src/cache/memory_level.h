#pragma once
// The in-process level of the cache (cache.h): a map from Key to an immutable
// type-erased object plus its byte size, kept within a byte budget by one of
// three policies. Every entry has an eviction rank; the lowest rank goes
// first:
//   LRU  rank = (last use tick)
//   LFU  rank = (use count, last use tick)
//   TTL  rank = (insertion tick); an entry older than ttl is dropped on access
// All operations take one mutex; O(log n) each.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>
#include <vector>

#include "cache/cache.h"

namespace hypergen::cache {

class MemoryLevel {
 public:
  // Per-entry overhead counted against the budget, besides the object's size.
  static constexpr std::uint64_t kEntryOverhead = 96;

  MemoryLevel(Policy policy, std::uint64_t max_bytes, std::int64_t ttl_ns, Clock& clock);

  struct Found {
    std::shared_ptr<const void> object;
    const void* tag = nullptr;
  };
  // Null object on a miss (absent or expired).
  Found get(const Key& key);
  // Replaces an existing entry; evicts to fit. An object larger than the
  // whole budget is not stored.
  void put(const Key& key, std::shared_ptr<const void> object, std::uint64_t bytes,
           const void* tag);
  bool erase(const Key& key);
  void clear();
  void prune_to(std::uint64_t max_bytes);

  std::uint64_t bytes() const;
  std::uint64_t entries() const;
  // Evictions (budget) and expirations (TTL) since creation.
  std::uint64_t evictions() const;
  // Keys in eviction order (first = next to go), for tests.
  std::vector<Key> eviction_order() const;

 private:
  using Rank = std::tuple<std::uint64_t, std::uint64_t, Key>;
  struct Entry {
    std::shared_ptr<const void> object;
    const void* tag = nullptr;
    std::uint64_t bytes = 0;
    std::uint64_t uses = 0;
    std::uint64_t last_use = 0;
    std::uint64_t inserted = 0;
    std::int64_t stored_ns = 0;
  };

  Rank rank_of(const Key& key, const Entry& e) const;
  void remove_locked(std::map<Key, Entry>::iterator it);
  void evict_locked(std::uint64_t max_bytes);

  Policy policy_;
  std::uint64_t max_bytes_;
  std::int64_t ttl_ns_;
  Clock& clock_;
  mutable std::mutex mutex_;
  std::map<Key, Entry> entries_;
  std::set<Rank> order_;
  std::uint64_t bytes_ = 0;
  std::uint64_t tick_ = 0;
  std::uint64_t evictions_ = 0;
};

}  // namespace hypergen::cache
