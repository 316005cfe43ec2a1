#include "liquid/liquid.h"

#include <algorithm>

#include "liquid/parser.h"
#include "liquid/render.h"
#include "liquid/template.h"

namespace hypergen::liquid {

Engine::Engine(Options options, PartialLoader* partials)
    : options_(std::move(options)), partials_(partials) {}

Engine::~Engine() = default;

Result<std::shared_ptr<const Template>> Engine::parse(std::string_view source,
                                                      std::string name) const {
  return parse_template(*this, source, std::move(name));
}

Result<std::string> Engine::render(const Template& tpl, const Value& data) const {
  std::string out;
  out.reserve(tpl.source().size() + tpl.source().size() / 2);
  if (auto ok = render_to(tpl, data, out); !ok) return tl::unexpected(std::move(ok).error());
  return out;
}

Status Engine::render_to(const Template& tpl, const Value& data, std::string& out) const {
  return render_template(*this, tpl, data, out);
}

Result<std::string> Engine::parse_and_render(std::string_view source, const Value& data,
                                             std::string name) const {
  auto tpl = parse(source, std::move(name));
  if (!tpl) return tl::unexpected(std::move(tpl).error());
  return render(**tpl, data);
}

void Engine::register_filter(FilterEntry entry) {
  for (FilterEntry& existing : custom_filters_) {
    if (existing.name == entry.name) {
      existing = entry;
      return;
    }
  }
  custom_filters_.push_back(entry);
}

const FilterEntry* Engine::find_filter(std::string_view name) const {
  for (const FilterEntry& e : custom_filters_) {
    if (e.name == name) return &e;
  }
  return find_builtin_filter(name);
}

std::vector<std::string> Engine::filter_names() const {
  std::vector<std::string> names;
  for (const FilterEntry& e : custom_filters_) names.emplace_back(e.name);
  for (const FilterEntry& e : builtin_filters()) {
    if (std::none_of(custom_filters_.begin(), custom_filters_.end(),
                     [&](const FilterEntry& c) { return c.name == e.name; })) {
      names.emplace_back(e.name);
    }
  }
  // Compiled by the parser rather than listed as FilterFns.
  for (std::string_view exp :
       {"find_exp", "find_index_exp", "group_by_exp", "has_exp", "reject_exp", "where_exp"}) {
    if (std::find(names.begin(), names.end(), exp) == names.end()) names.emplace_back(exp);
  }
  return names;
}

Result<std::shared_ptr<const Template>> Engine::partial(std::string_view name) const {
  {
    std::lock_guard<std::mutex> lock(partial_mutex_);
    auto it = partial_cache_.find(std::string(name));
    if (it != partial_cache_.end()) return it->second;
  }
  if (!partials_) {
    return make_error(ErrorKind::kNotFound, "no partial loader is configured");
  }
  // Loading and parsing happen outside the lock; if two threads race, both
  // parse and the first to finish wins (the results are identical).
  Result<PartialLoader::Source> source;
  {
    std::lock_guard<std::mutex> lock(partial_mutex_);
    source = partials_->load(name);
  }
  if (!source) return tl::unexpected(std::move(source).error());
  auto tpl =
      parse(source->text, source->display_name.empty() ? std::string(name) : source->display_name);
  if (!tpl) return tl::unexpected(std::move(tpl).error());
  std::lock_guard<std::mutex> lock(partial_mutex_);
  auto [it, inserted] = partial_cache_.emplace(std::string(name), *tpl);
  return it->second;
}

}  // namespace hypergen::liquid
