#include "cache/cache.h"

#include <cctype>
#include <charconv>

#include <fmt/format.h>
#include <xxhash.h>

#include "cache/disk_store.h"
#include "cache/memory_level.h"

namespace hypergen::cache {

std::string Key::hex() const {
  return fmt::format("{:016x}{:016x}", hi, lo);
}

KeyBuilder::KeyBuilder(std::string_view kind) {
  add(kind);
}

KeyBuilder& KeyBuilder::add(std::string_view bytes) {
  add(static_cast<std::uint64_t>(bytes.size()));
  buffer_.append(bytes);
  return *this;
}

KeyBuilder& KeyBuilder::add(std::uint64_t value) {
  buffer_.append(reinterpret_cast<const char*>(&value), sizeof value);
  return *this;
}

Key KeyBuilder::key() const {
  XXH128_hash_t h = XXH3_128bits(buffer_.data(), buffer_.size());
  return Key{h.high64, h.low64};
}

Key compiled_template_key(std::uint64_t content_hash, std::string_view engine,
                          std::string_view name) {
  return KeyBuilder("compiled-template").add(content_hash).add(engine).add(name).key();
}

Key parsed_file_key(std::string_view kind, std::string_view path, std::int64_t mtime_ns,
                    std::uint64_t size) {
  return KeyBuilder("parsed-file").add(kind).add(path).add(mtime_ns).add(size).key();
}

Key rendered_path_key(std::uint64_t template_hash, std::string_view to_source,
                      std::string_view values_read) {
  return KeyBuilder("rendered-path").add(template_hash).add(to_source).add(values_read).key();
}

std::int64_t SteadyClock::now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Result<Policy> parse_policy(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "lru") return Policy::kLru;
  if (lower == "lfu") return Policy::kLfu;
  if (lower == "ttl") return Policy::kTtl;
  return make_error(ErrorKind::kUsage,
                    fmt::format("unknown cache policy '{}' (expected lru, lfu or ttl)", text));
}

std::string_view policy_name(Policy policy) {
  switch (policy) {
    case Policy::kLru:
      return "lru";
    case Policy::kLfu:
      return "lfu";
    case Policy::kTtl:
      return "ttl";
  }
  return "lru";
}

Result<std::uint64_t> parse_byte_size(std::string_view text) {
  auto bad = [&] {
    return make_error(ErrorKind::kUsage,
                      fmt::format("invalid size '{}' (expected e.g. 52428800, 512k, 50MB)", text));
  };
  std::string_view s = text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end == s.data()) return bad();
  std::string unit;
  for (const char* p = end; p != s.data() + s.size(); ++p) {
    if (*p != ' ') unit += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
  }
  std::uint64_t mult = 1;
  if (unit.empty() || unit == "b") {
    mult = 1;
  } else if (unit == "k" || unit == "kb" || unit == "kib") {
    mult = 1024;
  } else if (unit == "m" || unit == "mb" || unit == "mib") {
    mult = 1024 * 1024;
  } else if (unit == "g" || unit == "gb" || unit == "gib") {
    mult = 1024ull * 1024 * 1024;
  } else {
    return bad();
  }
  if (value > UINT64_MAX / mult) return bad();
  return value * mult;
}

double Stats::hit_rate() const {
  std::uint64_t total = hits + misses;
  return total == 0 ? -1.0 : static_cast<double>(hits) / static_cast<double>(total);
}

Cache::Cache(Options options, FileSystem* fs, Clock* clock, Metrics* metrics)
    : options_(std::move(options)), metrics_(metrics) {
  if (clock == nullptr) {
    own_clock_ = std::make_unique<SteadyClock>();
    clock = own_clock_.get();
  }
  memory_ = std::make_unique<MemoryLevel>(options_.policy, options_.max_bytes, options_.ttl.count(),
                                          *clock);
  if (fs != nullptr && !options_.local_dir.empty()) {
    local_ = std::make_unique<DiskStore>(*fs, options_.local_dir, Access::kReadWrite);
  }
  if (fs != nullptr && !options_.shared_dir.empty()) {
    shared_ = std::make_unique<DiskStore>(*fs, options_.shared_dir, Access::kReadOnly);
  }
}

Cache::~Cache() = default;

void Cache::count_hit(Counter level_counter) {
  {
    std::lock_guard lock(stats_mutex_);
    ++counts_.hits;
    if (level_counter == Counter::kCacheDiskHits)
      ++counts_.disk_hits;
    else if (level_counter == Counter::kCacheSharedHits)
      ++counts_.shared_hits;
    else
      ++counts_.memory_hits;
  }
  count(metrics_, Counter::kCacheHits);
  if (level_counter != Counter::kCacheHits) count(metrics_, level_counter);
}

void Cache::count_miss() {
  {
    std::lock_guard lock(stats_mutex_);
    ++counts_.misses;
  }
  count(metrics_, Counter::kCacheMisses);
}

std::shared_ptr<const void> Cache::get_erased(const Key& key, const void* tag) {
  auto found = memory_->get(key);
  if (found.object && found.tag == tag) {
    count_hit(Counter::kCacheHits);
    return found.object;
  }
  count_miss();
  return nullptr;
}

void Cache::put_erased(const Key& key, std::shared_ptr<const void> object, std::uint64_t bytes,
                       const void* tag) {
  auto before = memory_->evictions();
  memory_->put(key, std::move(object), bytes, tag);
  count(metrics_, Counter::kCacheEvictions, memory_->evictions() - before);
}

std::optional<std::string> Cache::get_bytes(const Key& key) {
  auto found = memory_->get(key);
  if (found.object && found.tag == &type_tag<std::string>) {
    count_hit(Counter::kCacheHits);
    return *static_cast<const std::string*>(found.object.get());
  }
  std::optional<std::string> bytes;
  Counter level = Counter::kCacheDiskHits;
  if (local_) bytes = local_->get(key);
  if (!bytes && shared_) {
    bytes = shared_->get(key);
    level = Counter::kCacheSharedHits;
    if (bytes && local_) local_->put(key, *bytes);
  }
  if (!bytes) {
    count_miss();
    return std::nullopt;
  }
  count_hit(level);
  auto copy = std::make_shared<const std::string>(*bytes);
  put_erased(key, copy, copy->size(), &type_tag<std::string>);
  return bytes;
}

void Cache::put_bytes(const Key& key, std::string_view bytes) {
  auto copy = std::make_shared<const std::string>(bytes);
  put_erased(key, copy, copy->size(), &type_tag<std::string>);
  if (local_) {
    local_->put(key, bytes);
    std::lock_guard lock(stats_mutex_);
    ++counts_.disk_writes;
  }
}

void Cache::prune_if_written() {
  bool written;
  {
    std::lock_guard lock(stats_mutex_);
    written = counts_.disk_writes > 0;
  }
  if (written) prune_to_budget();
}

void Cache::erase(const Key& key) {
  memory_->erase(key);
  if (local_) local_->erase(key);
}

void Cache::clear() {
  memory_->clear();
  if (local_) local_->clear();
}

void Cache::prune_to_budget() {
  auto before = memory_->evictions();
  memory_->prune_to(options_.max_bytes);
  std::uint64_t evicted = memory_->evictions() - before;
  if (local_) {
    std::uint64_t removed = local_->prune_to(options_.disk_max_bytes);
    evicted += removed;
    std::lock_guard lock(stats_mutex_);
    counts_.evictions += removed;  // disk evictions; memory ones are added in stats()
  }
  count(metrics_, Counter::kCacheEvictions, evicted);
}

Stats Cache::stats() const {
  Stats s;
  {
    std::lock_guard lock(stats_mutex_);
    s = counts_;
  }
  s.evictions += memory_->evictions();
  s.entries = memory_->entries();
  s.bytes = memory_->bytes();
  return s;
}

}  // namespace hypergen::cache
