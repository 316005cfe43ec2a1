#include "report/report.h"

#include <nlohmann/json.hpp>

namespace hypergen::report {

std::string hygen_line(std::string_view label, std::string_view text) {
  std::string out;
  if (label.size() < 12) out.append(12 - label.size(), ' ');
  out += label;
  out += ": ";
  out += text;
  out += '\n';
  return out;
}

namespace {

class HumanReporter final : public Reporter {
 public:
  HumanReporter(Sink out, bool color) : out_(std::move(out)), color_(color) {}

  void begin(const RunInfo& info) override {
    dry_ = info.dry;
    action_ = info.action;
    out_(info.dry ? "(dry mode)\n" : "\n");
    out_("Loaded templates: " + info.templates + "\n");
  }

  void event(const Event& e) override {
    switch (e.kind) {
      case Event::Kind::kAdded:
      case Event::Kind::kOverwritten:
        out_(paint("32", hygen_line("added", e.to)));
        break;
      case Event::Kind::kForced:
        out_(paint("33", "       FORCED: " + e.to + "\n"));  // Hygen: fixed 7 spaces
        break;
      case Event::Kind::kInjected:
        out_(paint("35", hygen_line("inject", e.to)));
        break;
      case Event::Kind::kSkipped: {
        std::string label = e.reason == "identical" ? "identical" : "skipped";
        std::string text = e.to.empty() ? e.template_file : e.to;
        if (!e.detail.empty()) text += " (" + e.detail + ")";
        out_(paint("33", hygen_line(label, text)));
        break;
      }
      case Event::Kind::kCannotInject:
        out_(paint("31", "Cannot inject to " + e.to + ": doesn't exist.\n"));
        break;
      case Event::Kind::kShell:
        out_(paint("36", hygen_line("shell", e.command)));
        break;
      case Event::Kind::kEcho:
        out_(e.text + "\n");
        break;
    }
    if (!e.diff.empty()) out_(e.diff.back() == '\n' ? e.diff : e.diff + "\n");
  }

  void finish(const Summary& s) override {
    if (!s.messages.empty()) {
      std::string text = action_ + ":\n";
      for (const auto& m : s.messages) text += m + "\n";
      out_(text);
    }
    if (!s.needs_trust.empty()) {
      std::string text;
      for (const NeedsTrust& n : s.needs_trust) {
        std::string what = n.kind + ": " + (n.command.empty() ? n.file : n.command);
        std::string from = n.command.empty() ? n.source : n.file + ", " + n.source;
        text += paint("33", hygen_line("needs trust", what + " (" + from + ")"));
        if (!n.note.empty()) text += std::string(14, ' ') + n.note + "\n";
      }
      if (!s.trust_hint.empty()) text += s.trust_hint + "\n";
      out_(text);
    }
  }

 private:
  std::string paint(const char* code, std::string text) const {
    if (!color_) return text;
    // Colour the label only, keep the newline outside.
    auto colon = text.find(": ");
    if (colon == std::string::npos) return "\x1b[" + std::string(code) + "m" + text + "\x1b[0m";
    return "\x1b[" + std::string(code) + "m" + text.substr(0, colon) + "\x1b[0m" +
           text.substr(colon);
  }

  Sink out_;
  bool color_;
  bool dry_ = false;
  std::string action_;
};

const char* kind_word(Event::Kind k) {
  switch (k) {
    case Event::Kind::kAdded:
      return "create";
    case Event::Kind::kOverwritten:
      return "overwrite";
    case Event::Kind::kForced:
      return "overwrite";
    case Event::Kind::kInjected:
      return "inject";
    case Event::Kind::kSkipped:
      return "skip";
    case Event::Kind::kCannotInject:
      return "skip";
    case Event::Kind::kShell:
      return "shell";
    case Event::Kind::kEcho:
      return "echo";
  }
  return "?";
}

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(Sink out) : out_(std::move(out)) {}

  void begin(const RunInfo& info) override {
    dry_ = info.dry;
    doc_["dry"] = info.dry;
    doc_["generator"] = info.generator;
    doc_["action"] = info.action;
    doc_["templates"] = info.templates;
    doc_["operations"] = nlohmann::json::array();
  }

  void event(const Event& e) override {
    nlohmann::json op;
    op["op"] = kind_word(e.kind);
    if (!e.template_file.empty()) op["template"] = e.template_file;
    if (!e.to.empty()) op["to"] = e.to;
    if (!e.path.empty()) op["path"] = e.path;
    if (e.kind == Event::Kind::kForced) op["forced"] = true;
    if (e.kind == Event::Kind::kCannotInject) op["reason"] = "missing_target";
    if (!e.reason.empty()) op["reason"] = e.reason;
    if (!e.detail.empty()) op["detail"] = e.detail;
    if (e.line >= 0) op["line"] = e.line;
    if (!e.command.empty()) op["command"] = e.command;
    // A dry run runs no command: it has no exit status to report.
    if (e.kind == Event::Kind::kShell) {
      if (dry_) {
        op["ran"] = false;
      } else {
        op["exit_status"] = e.exit_status;
      }
    }
    if (!e.text.empty()) op["text"] = e.text;
    if (!e.diff.empty()) op["diff"] = e.diff;
    doc_["operations"].push_back(std::move(op));
  }

  void finish(const Summary& s) override {
    doc_["applied"] = s.applied;
    doc_["summary"] = {{"created", s.created},
                       {"overwritten", s.overwritten},
                       {"injected", s.injected},
                       {"skipped", s.skipped},
                       {"shell", s.shells}};
    doc_["messages"] = s.messages;
    if (!s.recovery.empty()) doc_["recovery"] = s.recovery;
    if (!s.needs_trust.empty()) {
      nlohmann::json list = nlohmann::json::array();
      for (const NeedsTrust& n : s.needs_trust) {
        nlohmann::json item = {{"kind", n.kind}, {"file", n.file}, {"source", n.source}};
        if (!n.command.empty()) item["command"] = n.command;
        if (!n.note.empty()) item["note"] = n.note;
        list.push_back(std::move(item));
      }
      doc_["needsTrust"] = std::move(list);
      doc_["trustHint"] = s.trust_hint;
    }
    out_(doc_.dump(2) + "\n");
  }

 private:
  bool dry_ = false;
  Sink out_;
  nlohmann::json doc_ = nlohmann::json::object();
};

}  // namespace

std::unique_ptr<Reporter> make_human_reporter(Sink out, bool color) {
  return std::make_unique<HumanReporter>(std::move(out), color);
}

std::unique_ptr<Reporter> make_json_reporter(Sink out) {
  return std::make_unique<JsonReporter>(std::move(out));
}

}  // namespace hypergen::report
