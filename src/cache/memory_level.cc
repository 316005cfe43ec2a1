#include "cache/memory_level.h"

namespace hypergen::cache {

MemoryLevel::MemoryLevel(Policy policy, std::uint64_t max_bytes, std::int64_t ttl_ns, Clock& clock)
    : policy_(policy), max_bytes_(max_bytes), ttl_ns_(ttl_ns), clock_(clock) {}

MemoryLevel::Rank MemoryLevel::rank_of(const Key& key, const Entry& e) const {
  switch (policy_) {
    case Policy::kLru:
      return {e.last_use, 0, key};
    case Policy::kLfu:
      return {e.uses, e.last_use, key};
    case Policy::kTtl:
      return {e.inserted, 0, key};
  }
  return {e.last_use, 0, key};
}

void MemoryLevel::remove_locked(std::map<Key, Entry>::iterator it) {
  order_.erase(rank_of(it->first, it->second));
  bytes_ -= it->second.bytes;
  entries_.erase(it);
}

void MemoryLevel::evict_locked(std::uint64_t max_bytes) {
  while (bytes_ > max_bytes && !order_.empty()) {
    auto it = entries_.find(std::get<2>(*order_.begin()));
    remove_locked(it);
    ++evictions_;
  }
}

MemoryLevel::Found MemoryLevel::get(const Key& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return {};
  Entry& e = it->second;
  if (policy_ == Policy::kTtl && clock_.now_ns() - e.stored_ns >= ttl_ns_) {
    remove_locked(it);
    ++evictions_;
    return {};
  }
  order_.erase(rank_of(key, e));
  ++e.uses;
  e.last_use = ++tick_;
  order_.insert(rank_of(key, e));
  return {e.object, e.tag};
}

void MemoryLevel::put(const Key& key, std::shared_ptr<const void> object, std::uint64_t bytes,
                      const void* tag) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(key); it != entries_.end()) remove_locked(it);
  std::uint64_t total = bytes + kEntryOverhead;
  if (total > max_bytes_) return;
  Entry e;
  e.object = std::move(object);
  e.tag = tag;
  e.bytes = total;
  e.uses = 1;
  e.last_use = ++tick_;
  e.inserted = e.last_use;
  e.stored_ns = clock_.now_ns();
  // Evict before inserting so the new entry is never its own victim.
  evict_locked(max_bytes_ - total);
  order_.insert(rank_of(key, e));
  bytes_ += total;
  entries_.emplace(key, std::move(e));
}

bool MemoryLevel::erase(const Key& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return false;
  remove_locked(it);
  return true;
}

void MemoryLevel::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  order_.clear();
  bytes_ = 0;
}

void MemoryLevel::prune_to(std::uint64_t max_bytes) {
  std::lock_guard lock(mutex_);
  if (policy_ == Policy::kTtl) {
    std::int64_t now = clock_.now_ns();
    for (auto it = entries_.begin(); it != entries_.end();) {
      auto next = std::next(it);
      if (now - it->second.stored_ns >= ttl_ns_) {
        remove_locked(it);
        ++evictions_;
      }
      it = next;
    }
  }
  evict_locked(max_bytes);
}

std::uint64_t MemoryLevel::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::uint64_t MemoryLevel::entries() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::uint64_t MemoryLevel::evictions() const {
  std::lock_guard lock(mutex_);
  return evictions_;
}

std::vector<Key> MemoryLevel::eviction_order() const {
  std::lock_guard lock(mutex_);
  std::vector<Key> out;
  out.reserve(order_.size());
  for (const auto& r : order_) out.push_back(std::get<2>(r));
  return out;
}

}  // namespace hypergen::cache
