#include "app/render_command.h"

#include "app/workspace.h"

#include <CLI/CLI.hpp>

#include "app/partials.h"
#include "ejs/native.h"
#include "js/runtime.h"
#include "liquid/json.h"
#include "liquid/liquid.h"
#include "render/render.h"

namespace hypergen::app {

const char kRenderUsage[] =
    "Usage: hypergen render [--engine liquid|ejs] [--data FILE.json | --data -] [--strict] "
    "TEMPLATE_FILE\n"
    "\n"
    "Renders one template file with the given JSON data and prints the result to\n"
    "stdout exactly as rendered. Partials ({% render %}, {% include %}) are looked\n"
    "up in the template's folder, then the current directory, by name and by\n"
    "name + .liquid. With --engine ejs the whole file is one EJS template (as\n"
    "ejs 3.1.10 renders it; the data's keys are its variables, plus `h`).\n"
    "\n"
    "Options:\n"
    "  --engine NAME   template engine: liquid (the default) or ejs\n"
    "  --data FILE     JSON data file, or - for stdin (default: no data)\n"
    "  --strict        Liquid: an undefined variable is an error instead of empty\n"
    "                  (in EJS it always is)\n";

namespace {

std::string parent_dir(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

Status render_command(Context& ctx, std::span<const std::string> args) {
  std::string engine_name = "liquid";
  std::string data_path;
  std::string template_path;
  bool strict = false;
  {
    CLI::App parser{"render", "hypergen render"};
    parser.set_help_flag();
    parser.add_option("--engine", engine_name);
    parser.add_option("--data", data_path);
    parser.add_flag("--strict", strict);
    parser.add_option("template", template_path)->required();
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
      parser.parse(reversed);
    } catch (const CLI::ParseError& e) {
      std::string what = e.what();
      if (what.find("template is required") != std::string::npos) {
        what = "missing TEMPLATE_FILE";
      }
      return make_error(ErrorKind::kUsage, "render: " + what + "\n" + kRenderUsage);
    }
  }
  if (engine_name != "liquid" && engine_name != "ejs") {
    return make_error(ErrorKind::kUsage,
                      "render: unknown engine '" + engine_name + "' (available: liquid, ejs)");
  }

  liquid::Value data = liquid::Object{};
  if (!data_path.empty()) {
    std::string text;
    std::string name = data_path;
    if (data_path == "-") {
      text = ctx.console.read_all_stdin();
      name = "<stdin>";
    } else {
      auto read = ctx.fs.read_file(data_path);
      if (!read) return tl::unexpected(read.error());
      text = std::move(*read);
    }
    auto parsed = liquid::parse_json(text, name);
    if (!parsed) return tl::unexpected(parsed.error());
    data = std::move(*parsed);
  }

  auto source = ctx.fs.read_file(template_path);
  if (!source) return tl::unexpected(source.error());

  if (engine_name == "ejs") {
    if (!data.is_object()) {
      return make_error(ErrorKind::kData, "render: the EJS data must be a JSON object");
    }
    auto mode = render::parse_ejs_mode(ctx.env.get("HYPERGEN_EJS").value_or(""));
    if (!mode) return make_error(ErrorKind::kUsage, "HYPERGEN_EJS must be auto, engine or native");
    // The native path when the template is in its subset (docs/ejs.md).
    if (*mode != render::EjsMode::kEngine) {
      auto analysis = ejs::analyze(*source);
      std::string why = analysis->unsupported;
      for (const std::string& name : analysis->program.assigned_free) {
        if (why.empty() && !data.as_object().find(name) && name != "h") {
          why = "assigns the global '" + name + "'";
        }
      }
      if (why.empty()) {
        std::vector<ejs::NativeLocal> locals;
        for (const auto& [key, value] : data.as_object()) locals.emplace_back(key, &value);
        ejs::NativeRenderer renderer(ctx.cwd);
        ejs::NativeOutcome r = renderer.render(*analysis, *source, locals);
        if (r.kind == ejs::NativeOutcome::Kind::kOk) {
          ctx.console.out(r.output);
          return {};
        }
        if (r.kind == ejs::NativeOutcome::Kind::kError) {
          Error e = r.error;
          e.where.file = template_path;
          return tl::unexpected(e);
        }
        why = r.bail;
      }
      if (*mode == render::EjsMode::kNative) {
        return make_error(ErrorKind::kTemplate, "HYPERGEN_EJS=native: " + template_path +
                                                    " needs the JavaScript engine (" + why + ")");
      }
    }
    js::RuntimeOptions jsopts;
    jsopts.cwd = ctx.cwd;
    jsopts.out = [&](std::string_view text) { ctx.console.out(text); };
    jsopts.err = [&](std::string_view text) { ctx.console.err(text); };
    // No project file is read here: the default limits apply.
    const config::LimitSettings limits;
    jsopts.max_render_time = std::chrono::milliseconds(limits.render_time_ms);
    jsopts.max_output_bytes = limits.output_bytes;
    js::Runtime runtime(std::move(jsopts));
    auto out = runtime.render_ejs(*source, data);
    if (!out) {
      Error e = out.error();
      e.where.file = template_path;
      return tl::unexpected(e);
    }
    ctx.console.out(*out);
    return {};
  }

  FolderPartialLoader partials(ctx.fs, {parent_dir(template_path), ctx.cwd});
  // No project file is read here: the default limits apply.
  liquid::Options options = liquid_options(config::LimitSettings{});
  options.strict_variables = strict;
  liquid::Engine engine(options, &partials);
  auto tpl = engine.parse(*source, template_path);
  if (!tpl) return tl::unexpected(tpl.error());
  std::string out;
  HG_RETURN_IF_ERROR(engine.render_to(**tpl, data, out));
  ctx.console.out(out);
  return {};
}

}  // namespace hypergen::app
