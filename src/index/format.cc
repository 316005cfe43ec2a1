#include "index/format.h"

#include <cstring>
#include <limits>

#include <xxhash.h>

namespace hypergen::index {

namespace {

class StringTable {
 public:
  StrRef add(std::string_view s) {
    StrRef ref{static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(s.size())};
    bytes_.append(s);
    return ref;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

template <typename T>
void append_pod(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
T read_pod(std::string_view bytes, std::size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

bool ref_ok(StrRef ref, std::uint64_t strings) {
  return static_cast<std::uint64_t>(ref.offset) + ref.size <= strings;
}

bool range_ok(std::uint32_t first, std::uint32_t count, std::uint32_t total) {
  return static_cast<std::uint64_t>(first) + count <= total;
}

}  // namespace

std::string serialize(const IndexData& data) {
  StringTable strings;
  std::vector<RootRecord> roots;
  std::vector<GeneratorRecord> gens;
  std::vector<ActionRecord> actions;
  std::vector<TemplateRecord> templates;
  std::vector<DirRecord> dirs;
  std::vector<FileRecord> files;
  for (const auto& r : data.roots) roots.push_back({strings.add(r.path), r.mtime_ns});
  for (const auto& g : data.generators) {
    GeneratorRecord gr{};
    gr.name = strings.add(g.name);
    gr.path = strings.add(g.path);
    gr.metadata = strings.add(g.metadata);
    gr.metadata_path = strings.add(g.metadata_file.path);
    gr.dir_mtime_ns = g.dir_mtime_ns;
    gr.metadata_mtime_ns = g.metadata_file.mtime_ns;
    gr.metadata_size = g.metadata_file.size;
    gr.root_index = g.root_index;
    gr.first_action = static_cast<std::uint32_t>(actions.size());
    gr.action_count = static_cast<std::uint32_t>(g.actions.size());
    gr.flags = g.has_metadata ? 1u : 0u;
    auto gen_index = static_cast<std::uint32_t>(gens.size());
    gens.push_back(gr);
    for (const auto& a : g.actions) {
      ActionRecord ar{};
      ar.name = strings.add(a.name);
      ar.path = strings.add(a.path);
      ar.hook = strings.add(a.hook);
      ar.metadata = strings.add(a.metadata);
      ar.metadata_path = strings.add(a.metadata_file.path);
      ar.dir_mtime_ns = a.dir_mtime_ns;
      ar.metadata_mtime_ns = a.metadata_file.mtime_ns;
      ar.metadata_size = a.metadata_file.size;
      ar.generator = gen_index;
      ar.flags = (a.is_dir ? kActionIsDir : 0u) | (a.scanned ? kActionScanned : 0u) |
                 (a.has_metadata ? kActionHasMetadata : 0u) |
                 (a.has_metadata && a.metadata_read ? kActionMetadataRead : 0u);
      ar.first_template = static_cast<std::uint32_t>(templates.size());
      ar.template_count = static_cast<std::uint32_t>(a.templates.size());
      ar.first_dir = static_cast<std::uint32_t>(dirs.size());
      ar.dir_count = static_cast<std::uint32_t>(a.dirs.size());
      ar.first_file = static_cast<std::uint32_t>(files.size());
      ar.file_count = static_cast<std::uint32_t>(a.files.size());
      auto action_index = static_cast<std::uint32_t>(actions.size());
      actions.push_back(ar);
      for (const auto& t : a.templates) {
        TemplateRecord tr{};
        tr.path = strings.add(t.path);
        tr.frontmatter = strings.add(t.frontmatter);
        tr.mtime_ns = t.stamp.mtime_ns;
        tr.size = t.stamp.size;
        tr.inode = t.stamp.inode;
        tr.content_hash = t.content_hash;
        tr.body_offset = t.body_offset;
        tr.yaml_line = t.yaml_line;
        tr.body_line = t.body_line;
        tr.action = action_index;
        tr.flags = t.has_frontmatter ? 1u : 0u;
        templates.push_back(tr);
      }
      for (const auto& d : a.dirs) dirs.push_back({strings.add(d.path), d.mtime_ns});
      for (const auto& f : a.files) files.push_back({strings.add(f.path), f.mtime_ns, f.size});
    }
  }
  if (strings.bytes().size() > std::numeric_limits<std::uint32_t>::max()) return {};

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.byte_order = kByteOrderMark;
  h.roots = static_cast<std::uint32_t>(roots.size());
  h.generators = static_cast<std::uint32_t>(gens.size());
  h.actions = static_cast<std::uint32_t>(actions.size());
  h.templates = static_cast<std::uint32_t>(templates.size());
  h.dirs = static_cast<std::uint32_t>(dirs.size());
  h.files = static_cast<std::uint32_t>(files.size());
  h.strings = strings.bytes().size();
  std::uint64_t body =
      sizeof(Header) + roots.size() * sizeof(RootRecord) + gens.size() * sizeof(GeneratorRecord) +
      actions.size() * sizeof(ActionRecord) + templates.size() * sizeof(TemplateRecord) +
      dirs.size() * sizeof(DirRecord) + files.size() * sizeof(FileRecord) + h.strings;
  std::uint64_t padded = (body + 7) / 8 * 8;
  h.file_size = padded + sizeof(std::uint64_t);

  std::string out;
  out.reserve(h.file_size);
  append_pod(out, h);
  auto append_all = [&out](const auto& records) {
    if (!records.empty()) {
      out.append(reinterpret_cast<const char*>(records.data()),
                 records.size() * sizeof(records.front()));
    }
  };
  append_all(roots);
  append_all(gens);
  append_all(actions);
  append_all(templates);
  append_all(dirs);
  append_all(files);
  out += strings.bytes();
  out.resize(padded, '\0');
  std::uint64_t sum = XXH3_64bits(out.data(), out.size());
  append_pod(out, sum);
  return out;
}

std::string_view format_status_name(FormatStatus status) {
  switch (status) {
    case FormatStatus::kOk:
      return "ok";
    case FormatStatus::kTooShort:
      return "truncated";
    case FormatStatus::kBadMagic:
      return "not an index file";
    case FormatStatus::kForeignVersion:
      return "other format version";
    case FormatStatus::kForeignByteOrder:
      return "other byte order";
    case FormatStatus::kBadSize:
      return "wrong size";
    case FormatStatus::kBadChecksum:
      return "checksum mismatch";
    case FormatStatus::kBadRecord:
      return "record out of range";
  }
  return "unknown";
}

FormatStatus check(std::string_view bytes) {
  if (bytes.size() < sizeof(Header) + sizeof(std::uint64_t)) return FormatStatus::kTooShort;
  auto h = read_pod<Header>(bytes, 0);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return FormatStatus::kBadMagic;
  if (h.version != kFormatVersion) return FormatStatus::kForeignVersion;
  if (h.byte_order != kByteOrderMark) return FormatStatus::kForeignByteOrder;
  if (h.file_size != bytes.size() || bytes.size() % 8 != 0) return FormatStatus::kBadSize;
  std::uint64_t body = sizeof(Header) + std::uint64_t{h.roots} * sizeof(RootRecord) +
                       std::uint64_t{h.generators} * sizeof(GeneratorRecord) +
                       std::uint64_t{h.actions} * sizeof(ActionRecord) +
                       std::uint64_t{h.templates} * sizeof(TemplateRecord) +
                       std::uint64_t{h.dirs} * sizeof(DirRecord) +
                       std::uint64_t{h.files} * sizeof(FileRecord) + h.strings;
  if ((body + 7) / 8 * 8 + sizeof(std::uint64_t) != bytes.size()) return FormatStatus::kBadSize;
  std::size_t sum_at = bytes.size() - sizeof(std::uint64_t);
  if (XXH3_64bits(bytes.data(), sum_at) != read_pod<std::uint64_t>(bytes, sum_at)) {
    return FormatStatus::kBadChecksum;
  }
  // Every reference must stay inside the file, so that readers need no checks.
  std::size_t at = sizeof(Header);
  for (std::uint32_t i = 0; i < h.roots; ++i, at += sizeof(RootRecord)) {
    if (!ref_ok(read_pod<RootRecord>(bytes, at).path, h.strings)) return FormatStatus::kBadRecord;
  }
  for (std::uint32_t i = 0; i < h.generators; ++i, at += sizeof(GeneratorRecord)) {
    auto g = read_pod<GeneratorRecord>(bytes, at);
    if (!ref_ok(g.name, h.strings) || !ref_ok(g.path, h.strings) ||
        !ref_ok(g.metadata, h.strings) || !ref_ok(g.metadata_path, h.strings) ||
        g.root_index >= h.roots || !range_ok(g.first_action, g.action_count, h.actions)) {
      return FormatStatus::kBadRecord;
    }
  }
  for (std::uint32_t i = 0; i < h.actions; ++i, at += sizeof(ActionRecord)) {
    auto a = read_pod<ActionRecord>(bytes, at);
    if (!ref_ok(a.name, h.strings) || !ref_ok(a.path, h.strings) || !ref_ok(a.hook, h.strings) ||
        !ref_ok(a.metadata, h.strings) || !ref_ok(a.metadata_path, h.strings) ||
        a.generator >= h.generators || !range_ok(a.first_template, a.template_count, h.templates) ||
        !range_ok(a.first_dir, a.dir_count, h.dirs) ||
        !range_ok(a.first_file, a.file_count, h.files)) {
      return FormatStatus::kBadRecord;
    }
  }
  for (std::uint32_t i = 0; i < h.templates; ++i, at += sizeof(TemplateRecord)) {
    auto t = read_pod<TemplateRecord>(bytes, at);
    if (!ref_ok(t.path, h.strings) || !ref_ok(t.frontmatter, h.strings) || t.action >= h.actions) {
      return FormatStatus::kBadRecord;
    }
  }
  for (std::uint32_t i = 0; i < h.dirs; ++i, at += sizeof(DirRecord)) {
    if (!ref_ok(read_pod<DirRecord>(bytes, at).path, h.strings)) return FormatStatus::kBadRecord;
  }
  for (std::uint32_t i = 0; i < h.files; ++i, at += sizeof(FileRecord)) {
    if (!ref_ok(read_pod<FileRecord>(bytes, at).path, h.strings)) return FormatStatus::kBadRecord;
  }
  return FormatStatus::kOk;
}

}  // namespace hypergen::index
