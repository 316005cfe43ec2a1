#include "cache/disk_store.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include <fmt/format.h>
#include <xxhash.h>

namespace hypergen::cache {

namespace {

constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 8;
constexpr std::size_t kTrailerSize = 8;

template <typename T>
void append_pod(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
T read_pod(std::string_view bytes, std::size_t at) {
  T value;
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  return value;
}

bool is_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::string encode_entry(const Key& key, std::string_view payload) {
  std::string out;
  out.reserve(kHeaderSize + payload.size() + kTrailerSize);
  out.append(kEntryMagic, sizeof kEntryMagic);
  append_pod(out, kEntryVersion);
  append_pod(out, std::uint32_t{0});
  append_pod(out, key.hi);
  append_pod(out, key.lo);
  append_pod(out, static_cast<std::uint64_t>(payload.size()));
  out.append(payload);
  append_pod(out, XXH3_64bits(out.data(), out.size()));
  return out;
}

std::optional<std::string> decode_entry(const Key& key, std::string_view bytes) {
  if (bytes.size() < kHeaderSize + kTrailerSize) return std::nullopt;
  if (std::memcmp(bytes.data(), kEntryMagic, sizeof kEntryMagic) != 0) return std::nullopt;
  if (read_pod<std::uint32_t>(bytes, 8) != kEntryVersion) return std::nullopt;
  if (read_pod<std::uint64_t>(bytes, 16) != key.hi ||
      read_pod<std::uint64_t>(bytes, 24) != key.lo) {
    return std::nullopt;
  }
  auto size = read_pod<std::uint64_t>(bytes, 32);
  if (size != bytes.size() - kHeaderSize - kTrailerSize) return std::nullopt;
  std::size_t sum_at = bytes.size() - kTrailerSize;
  if (XXH3_64bits(bytes.data(), sum_at) != read_pod<std::uint64_t>(bytes, sum_at)) {
    return std::nullopt;
  }
  return std::string(bytes.substr(kHeaderSize, size));
}

DiskStore::DiskStore(FileSystem& fs, std::string dir, Access access)
    : fs_(fs), dir_(std::move(dir)), access_(access) {
  while (dir_.size() > 1 && dir_.back() == '/') dir_.pop_back();
}

std::string DiskStore::entry_path(const Key& key) const {
  std::string hex = key.hex();
  return dir_ + "/" + hex.substr(0, 2) + "/" + hex.substr(2);
}

std::optional<std::string> DiskStore::get(const Key& key) {
  std::string path = entry_path(key);
  auto bytes = fs_.read_file(path);
  if (!bytes) return std::nullopt;
  auto payload = decode_entry(key, *bytes);
  if (!payload && access_ == Access::kReadWrite) (void)fs_.remove(path);
  return payload;
}

bool DiskStore::put(const Key& key, std::string_view payload) {
  if (access_ == Access::kReadOnly) return false;
  std::string path = entry_path(key);
  if (!fs_.make_dirs(path.substr(0, path.rfind('/')))) return false;
  std::random_device rd;
  std::string tmp = fmt::format("{}.tmp.{}.{:08x}", path, static_cast<long>(::getpid()), rd());
  if (!fs_.write_file(tmp, encode_entry(key, payload), false) || !fs_.rename(tmp, path)) {
    (void)fs_.remove(tmp);
    return false;
  }
  return true;
}

bool DiskStore::erase(const Key& key) {
  if (access_ == Access::kReadOnly) return false;
  return fs_.remove(entry_path(key)).has_value();
}

namespace {

struct DiskEntry {
  std::string path;
  std::int64_t mtime_ns;
  std::uint64_t size;
};

std::vector<DiskEntry> list_entries(FileSystem& fs, const std::string& dir) {
  std::vector<DiskEntry> out;
  auto fans = fs.list_dir(dir);
  if (!fans) return out;
  for (const auto& fan : *fans) {
    if (fan.name.size() != 2 || !is_hex(fan.name)) continue;
    std::string fan_dir = dir + "/" + fan.name;
    auto names = fs.list_dir(fan_dir);
    if (!names) continue;
    for (const auto& n : *names) {
      std::string path = fan_dir + "/" + n.name;
      auto st = fs.stat(path);
      if (!st || !st->is_file()) continue;
      out.push_back({path, st->mtime_ns, st->size});
    }
  }
  return out;
}

}  // namespace

DiskStore::Usage DiskStore::usage() {
  Usage u;
  for (const auto& e : list_entries(fs_, dir_)) {
    ++u.entries;
    u.bytes += e.size;
  }
  return u;
}

void DiskStore::clear() {
  if (access_ == Access::kReadOnly) return;
  auto fans = fs_.list_dir(dir_);
  if (!fans) return;
  for (const auto& fan : *fans) {
    if (fan.name.size() != 2 || !is_hex(fan.name)) continue;
    std::string fan_dir = dir_ + "/" + fan.name;
    if (auto names = fs_.list_dir(fan_dir)) {
      for (const auto& n : *names) (void)fs_.remove(fan_dir + "/" + n.name);
    }
    (void)fs_.remove(fan_dir);
  }
}

std::uint64_t DiskStore::prune_to(std::uint64_t max_bytes) {
  if (access_ == Access::kReadOnly) return 0;
  auto entries = list_entries(fs_, dir_);
  std::uint64_t total = 0;
  for (const auto& e : entries) total += e.size;
  if (total <= max_bytes) return 0;
  std::sort(entries.begin(), entries.end(), [](const DiskEntry& a, const DiskEntry& b) {
    return a.mtime_ns != b.mtime_ns ? a.mtime_ns < b.mtime_ns : a.path < b.path;
  });
  std::uint64_t removed = 0;
  for (const auto& e : entries) {
    if (total <= max_bytes) break;
    if (fs_.remove(e.path)) {
      total -= e.size;
      ++removed;
    }
  }
  return removed;
}

}  // namespace hypergen::cache
