#include "index/index.h"

#include <cstring>

#include "discover/discover.h"

namespace hypergen::index {

namespace {

enum Section : std::size_t { kRoots, kGenerators, kActions, kTemplates, kDirs, kFiles, kStrings };

}  // namespace

std::string index_path(const std::string& project_root) {
  std::string p = project_root;
  if (p.empty() || p.back() != '/') p += '/';
  p += kIndexRelPath;
  return p;
}

Index::Index() {
  // An empty index is the serialization of empty data, so every accessor works.
  auto empty = serialize(IndexData{});
  bytes_ = std::make_shared<const std::string>(std::move(empty));
  std::memcpy(&header_, bytes_->data(), sizeof header_);
  for (auto& s : sections_) s = sizeof(Header);
}

std::optional<Index> Index::from_bytes(std::string bytes, FormatStatus* why) {
  FormatStatus status = check(bytes);
  if (why != nullptr) *why = status;
  if (status != FormatStatus::kOk) return std::nullopt;
  Index index;
  std::memcpy(&index.header_, bytes.data(), sizeof index.header_);
  const Header& h = index.header_;
  std::size_t at = sizeof(Header);
  index.sections_[kRoots] = at;
  at += h.roots * sizeof(RootRecord);
  index.sections_[kGenerators] = at;
  at += h.generators * sizeof(GeneratorRecord);
  index.sections_[kActions] = at;
  at += h.actions * sizeof(ActionRecord);
  index.sections_[kTemplates] = at;
  at += h.templates * sizeof(TemplateRecord);
  index.sections_[kDirs] = at;
  at += h.dirs * sizeof(DirRecord);
  index.sections_[kFiles] = at;
  at += h.files * sizeof(FileRecord);
  index.sections_[kStrings] = at;
  index.bytes_ = std::make_shared<const std::string>(std::move(bytes));
  return index;
}

template <typename T>
T Index::record(std::size_t section, std::size_t i) const {
  T value;
  std::memcpy(&value, bytes_->data() + sections_[section] + i * sizeof(T), sizeof(T));
  return value;
}

std::string_view Index::str(StrRef ref) const {
  return std::string_view(bytes_->data() + sections_[kStrings] + ref.offset, ref.size);
}

RootRecord Index::root_record(std::size_t i) const {
  return record<RootRecord>(kRoots, i);
}
GeneratorRecord Index::generator_record(std::size_t i) const {
  return record<GeneratorRecord>(kGenerators, i);
}
ActionRecord Index::action_record(std::size_t i) const {
  return record<ActionRecord>(kActions, i);
}
TemplateRecord Index::template_record(std::size_t i) const {
  return record<TemplateRecord>(kTemplates, i);
}
DirRecord Index::dir_record(std::size_t i) const {
  return record<DirRecord>(kDirs, i);
}
FileRecord Index::file_record(std::size_t i) const {
  return record<FileRecord>(kFiles, i);
}

std::string_view Index::bytes() const {
  return *bytes_;
}
std::size_t Index::root_count() const {
  return header_.roots;
}
std::string_view Index::root(std::size_t i) const {
  return str(record<RootRecord>(kRoots, i).path);
}
std::size_t Index::generator_count() const {
  return header_.generators;
}
std::size_t Index::action_count() const {
  return header_.actions;
}
std::size_t Index::template_count() const {
  return header_.templates;
}

GeneratorView Index::generator(std::size_t i) const {
  auto r = record<GeneratorRecord>(kGenerators, i);
  GeneratorView v;
  v.index = i;
  v.name = str(r.name);
  v.path = str(r.path);
  v.root_index = r.root_index;
  v.has_metadata = (r.flags & 1u) != 0;
  v.metadata = str(r.metadata);
  v.first_action = r.first_action;
  v.action_count = r.action_count;
  return v;
}

ActionView Index::action(std::size_t i) const {
  auto r = record<ActionRecord>(kActions, i);
  ActionView v;
  v.index = i;
  v.generator = r.generator;
  v.name = str(r.name);
  v.path = str(r.path);
  v.hook = str(r.hook);
  v.is_dir = (r.flags & kActionIsDir) != 0;
  v.scanned = (r.flags & kActionScanned) != 0;
  v.has_metadata = (r.flags & kActionHasMetadata) != 0;
  v.metadata_read = (r.flags & kActionMetadataRead) != 0;
  v.metadata = str(r.metadata);
  v.metadata_path = str(r.metadata_path);
  v.first_template = r.first_template;
  v.template_count = r.template_count;
  return v;
}

TemplateView Index::template_at(std::size_t i) const {
  auto r = record<TemplateRecord>(kTemplates, i);
  TemplateView v;
  v.index = i;
  v.path = str(r.path);
  std::string_view action_path = str(record<ActionRecord>(kActions, r.action).path);
  v.rel = v.path.starts_with(action_path) ? v.path.substr(action_path.size()) : v.path;
  v.size = r.size;
  v.mtime_ns = r.mtime_ns;
  v.inode = r.inode;
  v.content_hash = r.content_hash;
  v.has_frontmatter = (r.flags & 1u) != 0;
  v.frontmatter = str(r.frontmatter);
  v.yaml_line = static_cast<int>(r.yaml_line);
  v.body_line = static_cast<int>(r.body_line);
  v.body_offset = r.body_offset;
  return v;
}

std::vector<GeneratorView> Index::generators() const {
  std::vector<GeneratorView> out;
  out.reserve(generator_count());
  for (std::size_t i = 0; i < generator_count(); ++i) out.push_back(generator(i));
  return out;
}

std::vector<ActionView> Index::actions(const GeneratorView& g) const {
  std::vector<ActionView> out;
  out.reserve(g.action_count);
  for (std::size_t i = 0; i < g.action_count; ++i) out.push_back(action(g.first_action + i));
  return out;
}

std::vector<TemplateView> Index::templates(const ActionView& a) const {
  std::vector<TemplateView> out;
  out.reserve(a.template_count);
  for (std::size_t i = 0; i < a.template_count; ++i)
    out.push_back(template_at(a.first_template + i));
  return out;
}

std::optional<GeneratorView> Index::find_generator(std::string_view name) const {
  for (std::size_t i = 0; i < generator_count(); ++i) {
    auto r = record<GeneratorRecord>(kGenerators, i);
    if (str(r.name) == name) return generator(i);
  }
  return std::nullopt;
}

std::optional<ActionView> Index::find_action(std::string_view gen, std::string_view name) const {
  auto g = find_generator(gen);
  if (!g) return std::nullopt;
  for (std::size_t i = 0; i < g->action_count; ++i) {
    auto r = record<ActionRecord>(kActions, g->first_action + i);
    if (str(r.name) == name) return action(g->first_action + i);
  }
  return std::nullopt;
}

std::vector<discover::GeneratorInfo> Index::generator_infos() const {
  std::vector<discover::GeneratorInfo> out;
  out.reserve(generator_count());
  for (std::size_t i = 0; i < generator_count(); ++i) {
    auto g = generator(i);
    discover::GeneratorInfo info{std::string(g.name), std::string(g.path), g.root_index, {}};
    info.actions.reserve(g.action_count);
    for (std::size_t k = 0; k < g.action_count; ++k) {
      auto a = action(g.first_action + k);
      info.actions.push_back({std::string(a.name), std::string(a.path), a.is_dir});
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<discover::TemplateFile> Index::template_files(const ActionView& a) const {
  std::vector<discover::TemplateFile> out;
  out.reserve(a.template_count);
  for (std::size_t i = 0; i < a.template_count; ++i) {
    auto t = template_at(a.first_template + i);
    out.push_back({std::string(t.path), std::string(t.rel)});
  }
  return out;
}

IndexData Index::to_data() const {
  IndexData data;
  for (std::size_t i = 0; i < root_count(); ++i) {
    auto r = record<RootRecord>(kRoots, i);
    data.roots.push_back({std::string(str(r.path)), r.mtime_ns});
  }
  data.generators.reserve(generator_count());
  for (std::size_t gi = 0; gi < generator_count(); ++gi) {
    auto g = record<GeneratorRecord>(kGenerators, gi);
    GeneratorData gd;
    gd.name = str(g.name);
    gd.path = str(g.path);
    gd.root_index = g.root_index;
    gd.dir_mtime_ns = g.dir_mtime_ns;
    gd.has_metadata = (g.flags & 1u) != 0;
    gd.metadata = str(g.metadata);
    gd.metadata_file = {std::string(str(g.metadata_path)), g.metadata_mtime_ns, g.metadata_size};
    gd.actions.reserve(g.action_count);
    for (std::uint32_t ai = g.first_action; ai < g.first_action + g.action_count; ++ai) {
      auto a = record<ActionRecord>(kActions, ai);
      ActionData ad;
      ad.name = str(a.name);
      ad.path = str(a.path);
      ad.hook = str(a.hook);
      ad.is_dir = (a.flags & kActionIsDir) != 0;
      ad.scanned = (a.flags & kActionScanned) != 0;
      ad.dir_mtime_ns = a.dir_mtime_ns;
      ad.has_metadata = (a.flags & kActionHasMetadata) != 0;
      ad.metadata_read = (a.flags & kActionMetadataRead) != 0;
      ad.metadata = str(a.metadata);
      ad.metadata_file = {std::string(str(a.metadata_path)), a.metadata_mtime_ns, a.metadata_size};
      ad.templates.reserve(a.template_count);
      for (std::uint32_t ti = a.first_template; ti < a.first_template + a.template_count; ++ti) {
        auto t = record<TemplateRecord>(kTemplates, ti);
        TemplateData td;
        td.path = str(t.path);
        td.stamp = {t.mtime_ns, t.size, t.inode};
        td.content_hash = t.content_hash;
        td.has_frontmatter = (t.flags & 1u) != 0;
        td.frontmatter = str(t.frontmatter);
        td.yaml_line = t.yaml_line;
        td.body_line = t.body_line;
        td.body_offset = t.body_offset;
        ad.templates.push_back(std::move(td));
      }
      for (std::uint32_t di = a.first_dir; di < a.first_dir + a.dir_count; ++di) {
        auto d = record<DirRecord>(kDirs, di);
        ad.dirs.push_back({std::string(str(d.path)), d.mtime_ns});
      }
      for (std::uint32_t fi = a.first_file; fi < a.first_file + a.file_count; ++fi) {
        auto f = record<FileRecord>(kFiles, fi);
        ad.files.push_back({std::string(str(f.path)), f.mtime_ns, f.size});
      }
      gd.actions.push_back(std::move(ad));
    }
    data.generators.push_back(std::move(gd));
  }
  return data;
}

}  // namespace hypergen::index
