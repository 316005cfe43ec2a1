#pragma once
// The on-disk levels of the cache (cache.h): byte blobs stored by key under a
// directory, `<dir>/<first 2 hex digits>/<other 30 hex digits>`, so one
// folder never holds more than a few hundred entries per 100,000 and a
// lookup is one read.
//
// Entry format (native byte order), written to a temp file and renamed:
//   magic     8   "HGCACHE\0"
//   version   u32 kEntryVersion
//   reserved  u32 0
//   key       u64 hi, u64 lo   (an entry moved to the wrong name is a miss)
//   size      u64 payload bytes
//   payload   size bytes
//   checksum  u64 XXH3-64 of everything before it
// Anything else — short, foreign, other version, other key, bad checksum — is
// a miss, and the damaged file is removed (when the store is writable).
//
// Pruning removes the oldest entries by mtime (write time) until the total
// is within budget: FIFO rather than LRU, because a hit does not rewrite the
// entry (keeping reads read-only is what makes a shared directory possible).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cache/cache.h"
#include "util/fs.h"

namespace hypergen::cache {

inline constexpr char kEntryMagic[8] = {'H', 'G', 'C', 'A', 'C', 'H', 'E', '\0'};
inline constexpr std::uint32_t kEntryVersion = 1;

enum class Access : std::uint8_t { kReadOnly, kReadWrite };

class DiskStore {
 public:
  DiskStore(FileSystem& fs, std::string dir, Access access);

  std::optional<std::string> get(const Key& key);
  // Best effort: a failure leaves the store as it was.
  bool put(const Key& key, std::string_view payload);
  bool erase(const Key& key);
  // Removes every entry (and the fan-out folders); the directory stays.
  void clear();

  struct Usage {
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
  };
  Usage usage();
  // Removes oldest entries until the total is ≤ max_bytes; returns how many.
  std::uint64_t prune_to(std::uint64_t max_bytes);

  std::string entry_path(const Key& key) const;
  const std::string& dir() const { return dir_; }

 private:
  FileSystem& fs_;
  std::string dir_;
  Access access_;
};

// The entry encoding, exposed for tests and tools.
std::string encode_entry(const Key& key, std::string_view payload);
std::optional<std::string> decode_entry(const Key& key, std::string_view bytes);

}  // namespace hypergen::cache
