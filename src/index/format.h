#pragma once
// The persistent template index file, `.hypergen/cache/index`: what it holds
// and how it is laid out on disk. index.h builds, validates and uses it.
//
// Constraints behind the format:
// - `list` must cost one read plus a few stats, at 2,000 generators / 25,000
//   templates, so the file is read whole in one call and used in place: fixed
//   size records plus one string table, no per-entry allocation when loading.
// - It is a cache: anything unexpected (short file, other magic, other
//   version, other byte order, bad checksum, an offset out of range) makes the
//   loader say "not usable" and the index is rebuilt. Never an error.
// - It is replaced atomically (temp file + rename), so readers see either the
//   old or the new file, and two writers cannot interleave bytes.
//
// Layout (native byte order; a byte-order mark makes a foreign file unusable):
//
//   header      64 bytes
//     magic       8  "HGINDEX\0"
//     version     u32 kFormatVersion
//     byte_order  u32 0x01020304 as written by the host
//     file_size   u64 total size, checksum included
//     counts      u32 × 6  roots, generators, actions, templates, dirs, files
//     strings     u64 size of the string table
//     reserved    u64      zero
//   roots       RootRecord[roots]          16 bytes each
//   generators  GeneratorRecord[generators] 72 bytes each
//   actions     ActionRecord[actions]       96 bytes each
//   templates   TemplateRecord[templates]   72 bytes each
//   dirs        DirRecord[dirs]             16 bytes each (directories whose listing was used)
//   files       FileRecord[files]           24 bytes each (other files whose content was used)
//   strings     bytes, referenced by (offset, size) pairs
//   padding     zero bytes up to a multiple of 8
//   checksum    u64 XXH3-64 of every byte before it
//
// Records reference each other by index: a generator owns the contiguous
// range [first_action, first_action + action_count) of actions, an action its
// ranges of templates, dirs and files; generator-level dirs (the roots, the
// generator folders and the action folders) are the roots', generators' and
// actions' own mtimes.
//
// Version 2 added the action folder's own template.yml (or .yaml) next to the
// generator's: path, size, mtime and raw bytes (bytes absent, flag bit 3
// clear, when the file could not be read: readers then read it themselves),
// so that `list` finds action-level V8 generators without looking for files.
// An action folder's mtime says whether a template.yml appeared or vanished,
// the file's size+mtime whether it was edited in place; kMissingMtime as an
// action folder's mtime means "look again every time" (a stat in it failed).
// Any recorded mtime may be kRecheckMtime: the entry was "unsure" (see
// index.h) when the file was rewritten without checking it, and is re-read.
//
// A template keeps its stat data (size, mtime, inode), an XXH3-64 hash of
// its bytes (the key of compiled templates), and its frontmatter split: the
// raw YAML text (unrendered, unparsed), the 1-based lines of the YAML and the
// body, and the byte offset of the body in the file (kNoBodyOffset when the
// body is not a plain suffix of the file, a rare front-matter quirk:
// re-split then). An action with `scanned == false` has not been walked yet
// (the index was built for `list` only); its templates are read when first
// needed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hypergen::index {

inline constexpr char kMagic[8] = {'H', 'G', 'I', 'N', 'D', 'E', 'X', '\0'};
inline constexpr std::uint32_t kFormatVersion = 2;  // 2: action-level template.yml
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
inline constexpr std::int64_t kMissingMtime = INT64_MIN;  // a root that does not exist
// A recorded mtime that must not be trusted: the entry is re-read next time
// (an entry that was "unsure" when an index was rewritten without checking it).
inline constexpr std::int64_t kRecheckMtime = INT64_MIN + 1;
inline constexpr std::uint64_t kNoBodyOffset = UINT64_MAX;

// ---- The owned, editable form (what the builder produces) ------------------

struct FileStamp {
  std::int64_t mtime_ns = 0;
  std::uint64_t size = 0;
  std::uint64_t inode = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

struct DirData {
  std::string path;
  std::int64_t mtime_ns = 0;
};

struct FileData {  // an ignore file or template.yml whose content was used
  std::string path;
  std::int64_t mtime_ns = kMissingMtime;  // kMissingMtime: was missing (e.g. dangling symlink)
  std::uint64_t size = 0;
};

struct TemplateData {
  std::string path;  // absolute; rel = path minus the action path ("/sub/file.t")
  FileStamp stamp;
  std::uint64_t content_hash = 0;  // XXH3-64 of the file bytes
  bool has_frontmatter = false;
  std::string frontmatter;  // raw YAML between the delimiters, trimmed
  std::uint32_t yaml_line = 0;
  std::uint32_t body_line = 1;
  std::uint64_t body_offset = 0;
};

struct ActionData {
  std::string name;
  std::string path;  // absolute
  std::string hook;  // hook file path (index.js, prompt.js, …) or empty
  bool is_dir = true;
  bool scanned = false;
  // Generator level (read with the generator, validated by `list`): the
  // folder's mtime (taken before looking for template.yml) and its own
  // template.yml/.yaml, if any.
  std::int64_t dir_mtime_ns = kMissingMtime;
  bool has_metadata = false;
  bool metadata_read = false;  // false: present but unreadable (bytes not kept)
  std::string metadata;        // raw bytes of <action>/template.yml (or .yaml)
  FileData metadata_file;
  std::vector<TemplateData> templates;  // sorted by path
  std::vector<DirData> dirs;
  std::vector<FileData> files;
};

struct GeneratorData {
  std::string name;
  std::string path;  // absolute
  std::uint32_t root_index = 0;
  std::int64_t dir_mtime_ns = 0;
  bool has_metadata = false;
  std::string metadata;  // raw bytes of <generator>/template.yml (or .yaml)
  FileData metadata_file;
  std::vector<ActionData> actions;  // byte order of names
};

struct RootData {
  std::string path;
  std::int64_t mtime_ns = kMissingMtime;
};

struct IndexData {
  std::vector<RootData> roots;
  std::vector<GeneratorData> generators;  // roots in order, names in byte order within a root
};

// ---- On-disk records (used in place by index.cc) ----------------------------

struct StrRef {
  std::uint32_t offset;
  std::uint32_t size;
};

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t file_size;
  std::uint32_t roots, generators, actions, templates, dirs, files;
  std::uint64_t strings;
  std::uint64_t reserved;
};
static_assert(sizeof(Header) == 64);

struct RootRecord {
  StrRef path;
  std::int64_t mtime_ns;
};
static_assert(sizeof(RootRecord) == 16);

struct GeneratorRecord {
  StrRef name, path, metadata, metadata_path;
  std::int64_t dir_mtime_ns;
  std::int64_t metadata_mtime_ns;
  std::uint64_t metadata_size;
  std::uint32_t root_index;
  std::uint32_t first_action;
  std::uint32_t action_count;
  std::uint32_t flags;  // bit 0: has metadata
};
static_assert(sizeof(GeneratorRecord) == 72);

struct ActionRecord {
  StrRef name, path, hook, metadata, metadata_path;
  std::int64_t dir_mtime_ns;
  std::int64_t metadata_mtime_ns;
  std::uint64_t metadata_size;
  std::uint32_t generator;
  std::uint32_t flags;  // bit 0: is a directory, 1: scanned, 2: has metadata, 3: metadata read
  std::uint32_t first_template, template_count;
  std::uint32_t first_dir, dir_count;
  std::uint32_t first_file, file_count;
};
static_assert(sizeof(ActionRecord) == 96);

inline constexpr std::uint32_t kGeneratorHasMetadata = 1u;  // GeneratorRecord::flags
inline constexpr std::uint32_t kActionIsDir = 1u;           // ActionRecord::flags …
inline constexpr std::uint32_t kActionScanned = 2u;
inline constexpr std::uint32_t kActionHasMetadata = 4u;
inline constexpr std::uint32_t kActionMetadataRead = 8u;

struct TemplateRecord {
  StrRef path, frontmatter;
  std::int64_t mtime_ns;
  std::uint64_t size;
  std::uint64_t inode;
  std::uint64_t content_hash;
  std::uint64_t body_offset;
  std::uint32_t yaml_line;
  std::uint32_t body_line;
  std::uint32_t action;
  std::uint32_t flags;  // bit 0: has frontmatter
};
static_assert(sizeof(TemplateRecord) == 72);

struct DirRecord {
  StrRef path;
  std::int64_t mtime_ns;
};
static_assert(sizeof(DirRecord) == 16);

struct FileRecord {
  StrRef path;
  std::int64_t mtime_ns;
  std::uint64_t size;
};
static_assert(sizeof(FileRecord) == 24);

// Serialises `data` into the format above (checksum included).
std::string serialize(const IndexData& data);

// Why a file is not usable; kOk when it is.
enum class FormatStatus : std::uint8_t {
  kOk,
  kTooShort,
  kBadMagic,
  kForeignVersion,
  kForeignByteOrder,
  kBadSize,
  kBadChecksum,
  kBadRecord,  // an offset, count or range out of bounds
};
std::string_view format_status_name(FormatStatus status);

// Checks header, size, checksum and every record's ranges; kOk means every
// StrRef and index range in the file may be used without further checks.
FormatStatus check(std::string_view bytes);

}  // namespace hypergen::index
