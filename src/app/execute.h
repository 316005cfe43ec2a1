#pragma once
// The second half of every generation, shared by Hygen-style generators
// (generate.cc) and V8 generators (v8.cc): rendered templates → plan
// (overwrite questions on a TTY) → one transaction (apply/) → `sh:` commands
// in template order → the report (human lines or `--json`). Before any of
// it, the trust gate (app/trust.h) refuses `sh:` from untrusted sources.

#include <span>
#include <string>

#include "app/context.h"
#include "config/config.h"
#include "js/runtime.h"
#include "render/render.h"
#include "report/report.h"
#include "util/result.h"

namespace hypergen::app {

struct ExecuteOptions {
  bool dry = false;
  bool json = false;
  bool force = false;
  bool allow_outside = false;
  std::string templates_var;  // base of `from:` paths
  std::string recovery;       // what recover_first() did, for the report
  int jobs = 0;               // threads for staging (apply::ApplyOptions::jobs)
  // Where relative `to:` paths start (.hygen.js `cwd`); empty: ctx.cwd.
  std::string run_cwd;
  // .hygen.js `exec(command, body)` replaces the shell for `sh:` when set.
  js::Runtime* config_exec = nullptr;
  // Untrusted code found before rendering (hooks a dry run skipped); the
  // untrusted `sh:` of `rendered` is added to it (app/trust.h). Not empty:
  // refused unless dry (then listed in the report).
  std::vector<report::NeedsTrust> needs_trust;
  std::string rerun;  // the command line, for the hints of a refusal
};

// Finishes or undoes a crashed earlier run (not in dry runs); returns its
// summary ("" when there was nothing to do).
Result<std::string> recover_first(Context& ctx, const config::Config& cfg, bool dry, bool json,
                                  bool allow_outside);

Status execute_rendered(Context& ctx, const config::Config& cfg,
                        std::span<const render::RenderedTemplate> rendered,
                        const ExecuteOptions& options, const report::RunInfo& info);

}  // namespace hypergen::app
