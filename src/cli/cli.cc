#include "cli/cli.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/generate.h"
#include "cli/commands.h"
#include "util/fs_faulty.h"
#include "util/spellcheck.h"

namespace hypergen::cli {

namespace {

constexpr std::string_view kVersionLine = "hypergen " HYPERGEN_VERSION "\n";

std::string general_help() {
  std::string text =
      "hypergen — a fast, native code generator (Hygen and Hypergen V8 compatible)\n"
      "\n"
      "Usage: hypergen <command> [options]\n"
      "       hypergen --version | --help\n"
      "\n"
      "Commands:\n";
  std::size_t width = 0;
  for (const Command& c : commands()) width = std::max(width, c.name.size());
  for (const Command& c : commands()) {
    text += "  ";
    text += c.name;
    text.append(width - c.name.size() + 3, ' ');
    text += c.summary;
    text += '\n';
  }
  text += "\nRun 'hypergen help <command>' for a command's options.\n";
  return text;
}

}  // namespace

std::string format_error(const Error& error, bool color) {
  const char* red = color ? "\x1b[31;1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string out;
  const SourceLocation& w = error.where;
  if (!w.file.empty()) {
    out += w.file;
    if (w.line > 0) {
      out += ':' + std::to_string(w.line);
      if (w.column > 0) out += ':' + std::to_string(w.column);
    }
    out += ": ";
  } else {
    out += "hypergen: ";
    if (w.line > 0) {
      out += "line " + std::to_string(w.line);
      if (w.column > 0) out += ", column " + std::to_string(w.column);
      out += ": ";
    }
  }
  out += red;
  out += "error:";
  out += reset;
  out += ' ';
  out += error.message;
  out += '\n';
  if (!error.context.empty()) {
    out += error.context;
    if (out.back() != '\n') out += '\n';
  }
  if (!error.code.empty()) out += "  code: " + error.code + "\n";
  if (!error.suggestions.empty()) {
    out += "\nSuggestions:\n";
    int n = 0;
    for (const Suggestion& s : error.suggestions) {
      out += "  " + std::to_string(++n) + ". " + s.title + "\n";
      if (!s.command.empty()) out += "     $ " + s.command + "\n";
    }
  }
  return out;
}

std::string format_error_json(const Error& error) {
  nlohmann::json e;
  e["kind"] = kind_name(error.kind);
  e["exitCode"] = exit_code(error.kind);
  if (!error.code.empty()) e["code"] = error.code;
  e["message"] = error.message;
  if (!error.where.file.empty()) e["file"] = error.where.file;
  if (error.where.line > 0) e["line"] = error.where.line;
  if (error.where.column > 0) e["column"] = error.where.column;
  if (!error.context.empty()) e["context"] = error.context;
  e["suggestions"] = nlohmann::json::array();
  for (const Suggestion& s : error.suggestions) {
    nlohmann::json j = {{"title", s.title}};
    if (!s.command.empty()) j["command"] = s.command;
    e["suggestions"].push_back(j);
  }
  return nlohmann::json{{"error", e}}.dump(2) + "\n";
}

namespace {

bool env_flag(const app::Environment& env, std::string_view name) {
  auto v = env.get(name);
  return v && !v->empty() && *v != "0" && *v != "false";
}

// Runs one command line (without `--stats`).
int dispatch(app::Context& ctx, std::span<const std::string> args);

}  // namespace

int run(app::Context& ctx, std::span<const std::string> raw_args) {
  // `--stats` is a global flag: taken out wherever it appears before a `--`
  // (so it never becomes a template variable), like HYPERGEN_STATS=1.
  std::vector<std::string> args;
  args.reserve(raw_args.size());
  bool stats = false, json = false, after_dashes = false;
  for (const std::string& a : raw_args) {
    if (!after_dashes && a == "--stats") {
      stats = true;
      continue;
    }
    if (a == "--") after_dashes = true;
    if (!after_dashes && a == "--json") json = true;
    args.push_back(a);
  }
  if (!stats) stats = env_flag(ctx.env, "HYPERGEN_STATS");
  if (!stats || ctx.metrics != nullptr) return dispatch(ctx, args);

  Metrics metrics;
  ctx.metrics = &metrics;
  int code = dispatch(ctx, args);
  ctx.metrics = nullptr;
  // With --json the numbers are one JSON object on stderr, so stdout stays
  // one parseable document.
  ctx.console.err(json ? format_stats_json(metrics.snapshot()) + "\n"
                       : format_stats_table(metrics.snapshot()));
  return code;
}

namespace {

int dispatch(app::Context& ctx, std::span<const std::string> args) {
  if (args.empty()) {
    ctx.console.out(general_help());
    return 0;
  }
  const std::string& word = args[0];
  if (word == "--version" || word == "-v" || word == "version") {
    ctx.console.out(kVersionLine);
    return 0;
  }
  if (word == "--help" || word == "-h") {
    ctx.console.out(general_help());
    return 0;
  }
  Status status;
  if (const Command* command = find_command(word)) {
    auto rest = args.subspan(1);
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) {
      ctx.console.out(command->usage);
      return 0;
    }
    status = command->handler(ctx, rest);
    // The V8 management commands took names Hygen users may have given
    // generators (`_templates/config/new`): when the words are not a valid
    // use of the command, a generator of that name still runs.
    static constexpr std::string_view kV8Commands[] = {"action", "config", "discover",
                                                       "info",   "system", "template"};
    if (!status && status.error().kind == ErrorKind::kUsage &&
        std::find(std::begin(kV8Commands), std::end(kV8Commands), word) != std::end(kV8Commands)) {
      std::vector<std::string> names;
      for (const Command& c : commands()) names.emplace_back(c.name);
      Status generated = app::generate_command(ctx, args, names);
      if (generated || generated.error().kind != ErrorKind::kNotFound) status = generated;
    }
  } else {
    // Any other first word is a generator: `hypergen <generator> <action> …`.
    std::vector<std::string> names;
    for (const Command& c : commands()) names.emplace_back(c.name);
    status = app::generate_command(ctx, args, names);
  }
  if (status) return 0;
  bool json = false;
  for (const std::string& a : args) {
    if (a == "--") break;
    if (a == "--json") json = true;
  }
  if (json) {
    ctx.console.err(format_error_json(status.error()));
  } else {
    bool color = app::use_color(ctx.env, ctx.console.stderr_is_tty());
    ctx.console.err(format_error(status.error(), color));
  }
  return exit_code(status.error().kind);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::unique_ptr<FileSystem> fs = make_real_file_system();
  auto console = app::make_process_console();
  auto env = app::make_process_environment();
#ifdef HYPERGEN_FAULT_INJECTION
  if (auto spec = env->get("HYPERGEN_FAULT"); spec && !spec->empty()) {
    auto wrapped = wrap_with_faults_from_env(std::move(fs), spec->c_str());
    if (!wrapped) {
      console->err(format_error(wrapped.error(), false));
      return exit_code(wrapped.error().kind);
    }
    fs = std::move(*wrapped);
  }
#endif
  std::string cwd = ".";
  if (auto c = fs->current_dir()) cwd = *c;
  app::Context ctx{*fs, *console, *env, cwd, app::use_color(*env, console->stdout_is_tty())};
  int code = run(ctx, args);
  std::fflush(stdout);
  return code;
}

}  // namespace hypergen::cli
