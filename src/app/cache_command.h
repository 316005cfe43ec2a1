#pragma once
// `hypergen cache status|clear|rebuild`: the project's template index and
// cached objects under .hypergen/cache/ (docs/cache-format.md), and the one
// place that turns the `cache:` settings of hypergen.yml into cache::Options
// for the run's cache::Cache.

#include <span>
#include <string>

#include "app/context.h"
#include "cache/cache.h"
#include "config/config.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kCacheUsage[] =
    "Usage: hypergen cache status|clear|rebuild\n"
    "\n"
    "  status    the template index (fresh or what changed), the cached objects and the\n"
    "            cache settings with where each comes from\n"
    "  clear     delete the index and the cached objects of this project (.hypergen/cache);\n"
    "            the shared team cache (cache.shared) is never touched\n"
    "  rebuild   re-read every generator, action and template and rewrite the index\n"
    "\n"
    "Settings (hypergen.yml): cache.policy (lru, lfu, ttl), cache.maxBytes (default 50MB),\n"
    "cache.shared (a read-only team cache folder). Everything under .hypergen/cache is\n"
    "safe to delete; HYPERGEN_NO_INDEX=1 runs without the index.\n";

Status cache_command(Context& ctx, std::span<const std::string> args);

// cache::Options from the project's settings, with the local object folder
// of the project; kData (at the setting's line) for an invalid cache.maxBytes.
Result<cache::Options> cache_options(const config::Config& cfg);

}  // namespace hypergen::app
