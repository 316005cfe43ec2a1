#include "plan/plan.h"

#include <map>

#include "args/args.h"
#include "plan/inject.h"

namespace hypergen::plan {

using liquid::Value;

const char* skip_reason_name(SkipReason r) {
  switch (r) {
    case SkipReason::kNone:
      return "none";
    case SkipReason::kUnlessExists:
      return "unless_exists";
    case SkipReason::kSkipIf:
      return "skip_if";
    case SkipReason::kNoTo:
      return "no_to";
    case SkipReason::kDeclined:
      return "exists";
    case SkipReason::kIdentical:
      return "identical";
    case SkipReason::kNoLocation:
      return "no_location";
    case SkipReason::kMissingTarget:
      return "missing_target";
  }
  return "none";
}

std::string mangle_shell_command(std::string_view command) {
  auto is_ws = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  std::size_t b = 0, e = command.size();
  while (b < e && is_ws(command[b])) ++b;
  while (e > b && is_ws(command[e - 1])) --e;
  std::string_view s = command.substr(b, e - b);
  std::vector<std::string> pieces;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    pieces.emplace_back(s.substr(i, j - i));
    i = j;
    while (i < s.size() && s[i] == ' ') ++i;
  }
  std::vector<std::string> joined;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    std::string piece = pieces[k];
    while (!piece.empty() && piece.back() == '\\' && k + 1 < pieces.size()) {
      piece.pop_back();
      piece += " " + pieces[++k];
    }
    joined.push_back(std::move(piece));
  }
  std::string out;
  for (std::size_t k = 0; k < joined.size(); ++k) {
    if (k) out += ' ';
    out += joined[k];
  }
  return out;
}

namespace {

// Keys that only make sense with a `to:`.
constexpr std::string_view kFileKeys[] = {"inject",  "before", "after",   "at_line",
                                          "prepend", "append", "skip_if", "unless_exists",
                                          "force",   "from",   "eof_last"};

struct FileState {
  std::optional<std::string> original;  // content before the run
  std::optional<std::string> current;   // content after the ops so far
  bool overwritten = false;             // an add replaced it
};

}  // namespace

Result<Plan> make_plan(std::span<const render::RenderedTemplate> templates, PlanEnvironment& env,
                       OverwriteDecider& decider, const PlanOptions& options) {
  Plan plan;
  std::map<std::string, FileState> files;
  std::vector<std::string> touch_order;

  auto state_of = [&](const std::string& path) -> Result<FileState*> {
    auto it = files.find(path);
    if (it != files.end()) return &it->second;
    auto content = env.read_target(path);
    if (!content) return tl::unexpected(content.error());
    FileState st{*content, *content, false};
    touch_order.push_back(path);
    return &files.emplace(path, std::move(st)).first->second;
  };

  for (std::size_t ti = 0; ti < templates.size(); ++ti) {
    const render::RenderedTemplate& t = templates[ti];
    if (t.inert || !t.has_frontmatter) continue;
    const frontmatter::Attributes& a = t.attributes;
    auto base_op = [&](Op::Kind kind) {
      Op op;
      op.kind = kind;
      op.template_index = ti;
      op.template_display = t.display;
      return op;
    };
    const Value* to = a.find("to");
    bool has_action = a.has("sh") || a.has("echo") || a.has("message") || a.has("setup");
    if (!to) {
      for (std::string_view key : kFileKeys) {
        if (a.has(key)) {
          return make_error(ErrorKind::kTemplate,
                            "missing 'to:': '" + std::string(key) +
                                ":' needs a target file (add 'to: path/to/file')",
                            {t.display, a.line_of(key), 0});
        }
      }
      bool blank_body = t.body.find_first_not_of(" \t\r\n") == std::string::npos;
      if (!blank_body && !has_action) {
        return make_error(ErrorKind::kTemplate,
                          "missing 'to:': this template has a body but no target file (add 'to: "
                          "path/to/file', or 'to: null' to skip it on purpose)",
                          {t.display, t.frontmatter_line > 0 ? t.frontmatter_line : 1, 0});
      }
    }
    if (a.has("setup")) {
      return make_error(ErrorKind::kTemplate,
                        "'setup:' (cloning a template repository from GitHub) is not supported",
                        {t.display, a.line_of("setup"), 0});
    }
    bool is_inject = a.find("inject") && args::js_truthy(*a.find("inject"));
    if (to && args::js_truthy(*to)) {
      if (!to->is_string()) {
        return make_error(ErrorKind::kTemplate,
                          std::string("'to:' must be a path, got the ") + to->type_name() + " '" +
                              to->to_output() + "'",
                          {t.display, a.line_of("to"), 0});
      }
      const std::string& to_text = to->as_string();
      auto path = env.resolve(to_text);
      if (!path) {
        Error e = path.error();
        e.message = t.display + ": " + e.message;
        return tl::unexpected(e);
      }
      auto st = state_of(*path);
      if (!st) return tl::unexpected(st.error());
      FileState& fs = **st;
      if (is_inject) {
        Op op = base_op(Op::Kind::kInject);
        op.to = to_text;
        op.path = *path;
        op.inject = true;
        if (!fs.current) {
          op.kind = Op::Kind::kSkip;
          op.reason = SkipReason::kMissingTarget;
        } else {
          auto res = inject(*fs.current, t.body, a, t.display);
          if (!res) return tl::unexpected(res.error());
          op.before = *fs.current;
          if (res->kind == InjectOutcome::Kind::kInserted) {
            op.after = res->text;
            op.inject_line = res->index;
            fs.current = res->text;
          } else {
            op.kind = Op::Kind::kSkip;
            op.reason = res->kind == InjectOutcome::Kind::kSkipIfMatched ? SkipReason::kSkipIf
                                                                         : SkipReason::kNoLocation;
          }
        }
        plan.ops.push_back(std::move(op));
      } else {
        Op op = base_op(Op::Kind::kCreate);
        op.to = to_text;
        op.path = *path;
        const Value* force = a.find("force");
        bool forced = force && args::js_truthy(*force);
        op.forced = forced;
        const Value* unless = a.find("unless_exists");
        bool no_overwrite = !forced && unless && unless->is_bool() && unless->as_bool();
        const Value* skip_if = a.find("skip_if");
        bool exists = fs.current.has_value();
        std::string content = t.body;
        if (const Value* from = a.find("from"); from && args::js_truthy(*from)) {
          auto raw = env.read_from(from->to_output());
          if (!raw) {
            Error e = raw.error();
            e.where = {t.display, a.line_of("from"), 0};
            return tl::unexpected(e);
          }
          content = std::move(*raw);
        }
        if (exists) op.before = *fs.current;
        op.after = content;
        if (exists && no_overwrite) {
          op.kind = Op::Kind::kSkip;
          op.reason = SkipReason::kUnlessExists;
        } else if (skip_if && skip_if->is_string() && skip_if->as_string() == "true") {
          op.kind = Op::Kind::kSkip;
          op.reason = SkipReason::kSkipIf;
        } else if (exists && *fs.current == content) {
          op.kind = Op::Kind::kSkip;
          op.reason = SkipReason::kIdentical;
        } else if (exists && !forced && !options.force_all &&
                   !decider.overwrite(to_text, *fs.current, content)) {
          op.kind = Op::Kind::kSkip;
          op.reason = SkipReason::kDeclined;
        } else {
          op.kind = exists ? Op::Kind::kOverwrite : Op::Kind::kCreate;
          if (exists) fs.overwritten = true;
          fs.current = content;
        }
        plan.ops.push_back(std::move(op));
      }
    } else if (to && !args::js_truthy(*to)) {
      Op op = base_op(Op::Kind::kSkip);
      op.reason = SkipReason::kNoTo;
      op.inject = is_inject;
      plan.ops.push_back(std::move(op));
    }
    if (const Value* echo = a.find("echo"); echo && args::js_truthy(*echo)) {
      Op op = base_op(Op::Kind::kEcho);
      op.text = echo->to_output();
      plan.ops.push_back(std::move(op));
    }
    if (const Value* sh = a.find("sh"); sh && sh->is_string() && !sh->as_string().empty()) {
      Op op = base_op(Op::Kind::kShell);
      op.sh = sh->as_string();
      op.command = mangle_shell_command(op.sh);
      op.stdin_body = t.body;
      const Value* ignore = a.find("sh_ignore_exit");
      op.ignore_exit = ignore && ignore->is_bool() && ignore->as_bool();
      plan.ops.push_back(std::move(op));
    }
    if (const Value* message = a.find("message"); message && args::js_truthy(*message)) {
      plan.messages.push_back(message->to_output());
    }
  }
  for (const std::string& path : touch_order) {
    const FileState& st = files.at(path);
    if (st.current == st.original || !st.current) continue;
    apply::FileChange change;
    change.path = path;
    change.content = *st.current;
    change.before = st.original;
    if (!st.original) {
      change.kind = apply::FileChange::Kind::kCreate;
    } else if (st.overwritten) {
      change.kind = apply::FileChange::Kind::kOverwrite;
    } else {
      change.kind = apply::FileChange::Kind::kInject;
    }
    plan.changes.push_back(std::move(change));
  }
  return plan;
}

}  // namespace hypergen::plan
