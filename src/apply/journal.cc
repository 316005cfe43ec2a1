#include "apply/journal.h"

#include <xxhash.h>

#include <charconv>
#include <cstdio>

namespace hypergen::apply {
namespace {

bool needs_escape(char ch) {
  auto c = static_cast<unsigned char>(ch);
  return c <= 0x20 || c == 0x7f || c == '%';
}

// Appends `s` to `out`, runs of plain bytes at a time.
void append_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!needs_escape(s[i])) continue;
    out.append(s.data() + run, i - run);
    auto c = static_cast<unsigned char>(s[i]);
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 15];
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped(out, s);
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool unescape(std::string_view s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return false;
    int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

const char* kind_word(FileChange::Kind kind) {
  switch (kind) {
    case FileChange::Kind::kCreate:
      return "create";
    case FileChange::Kind::kOverwrite:
      return "overwrite";
    case FileChange::Kind::kInject:
      return "inject";
  }
  return "create";
}

const char* state_word(Journal::State state) {
  switch (state) {
    case Journal::State::kPending:
      return "pending";
    case Journal::State::kCommitted:
      return "committed";
    case Journal::State::kRollingBack:
      return "rolling-back";
  }
  return "pending";
}

std::string hex64(std::uint64_t v) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(v));
  return buffer;
}

}  // namespace

std::string journal_dir(const std::string& project_root) {
  std::string root = project_root;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  return (root == "/" ? "" : root) + "/.hypergen/journal";
}

std::string journal_path(const std::string& project_root) {
  return journal_dir(project_root) + "/apply.journal";
}

std::string encode_journal(const Journal& journal) {
  std::string out;
  out += std::string(kJournalMagic) + " " + std::to_string(kJournalVersion) + "\n";
  out += std::string("state ") + state_word(journal.state) + "\n";
  out += "id " + escape(journal.id) + "\n";
  for (const auto& dir : journal.created_dirs) out += "dir " + escape(dir) + "\n";
  for (const auto& tree : journal.trees) {
    out += "tree " + escape(tree.target) + " " + escape(tree.staged) + "\n";
  }
  std::size_t size = 0;
  for (const auto& file : journal.files) {
    size += file.target.size() + file.staged.size() + file.backup.size() + 32;
  }
  out.reserve(out.size() + size + 40);
  for (const auto& file : journal.files) {
    char mode[16];
    std::snprintf(mode, sizeof mode, "%04o", file.mode & 07777);
    out += "file ";
    out += kind_word(file.kind);
    out += ' ';
    out += file.has_mode ? mode : "-";
    out += ' ';
    append_escaped(out, file.target);
    out += ' ';
    append_escaped(out, file.staged);
    out += ' ';
    if (file.backup.empty()) {
      out += '-';
    } else {
      append_escaped(out, file.backup);
    }
    out += '\n';
  }
  out += "xxh64 " + hex64(XXH64(out.data(), out.size(), 0)) + "\n";
  return out;
}

Result<Journal> decode_journal(std::string_view text) {
  auto bad = [](const std::string& why) {
    return make_error(ErrorKind::kData, "corrupt apply journal: " + why);
  };
  // The checksum line is the last line; everything before it is covered.
  if (text.empty() || text.back() != '\n') return bad("it is truncated (no final newline)");
  std::size_t last_start = text.rfind('\n', text.size() - 2);
  last_start = last_start == std::string_view::npos ? 0 : last_start + 1;
  std::string_view body = text.substr(0, last_start);
  std::string_view last = text.substr(last_start, text.size() - 1 - last_start);
  if (last.rfind("xxh64 ", 0) != 0) return bad("no checksum line");
  if (last.substr(6) != hex64(XXH64(body.data(), body.size(), 0))) {
    return bad("checksum mismatch");
  }

  Journal journal;
  bool saw_magic = false, saw_state = false;
  std::size_t i = 0;
  int line_no = 0;
  while (i < body.size()) {
    std::size_t j = body.find('\n', i);
    std::string_view line = body.substr(i, j - i);
    i = j + 1;
    ++line_no;
    auto w = words(line);
    auto where = " (line " + std::to_string(line_no) + ")";
    if (line_no == 1) {
      if (w.size() != 2 || w[0] != kJournalMagic) return bad("not a hypergen journal" + where);
      if (w[1] != std::to_string(kJournalVersion) && w[1] != "1") {
        return bad("unsupported version " + std::string(w[1]) + where);
      }
      saw_magic = true;
      continue;
    }
    if (w.empty()) return bad("empty line" + where);
    if (w[0] == "state" && w.size() == 2) {
      if (w[1] == "pending") {
        journal.state = Journal::State::kPending;
      } else if (w[1] == "committed") {
        journal.state = Journal::State::kCommitted;
      } else if (w[1] == "rolling-back") {
        journal.state = Journal::State::kRollingBack;
      } else {
        return bad("unknown state '" + std::string(w[1]) + "'" + where);
      }
      saw_state = true;
    } else if (w[0] == "id" && w.size() == 2) {
      if (!unescape(w[1], journal.id)) return bad("bad escape" + where);
    } else if (w[0] == "dir" && w.size() == 2) {
      std::string dir;
      if (!unescape(w[1], dir) || dir.empty() || dir[0] != '/') return bad("bad directory" + where);
      journal.created_dirs.push_back(std::move(dir));
    } else if (w[0] == "tree" && w.size() == 3) {
      JournalTree tree;
      if (!unescape(w[1], tree.target) || !unescape(w[2], tree.staged) || tree.target.empty() ||
          tree.target[0] != '/' || tree.staged.empty() || tree.staged[0] != '/') {
        return bad("bad tree" + where);
      }
      journal.trees.push_back(std::move(tree));
    } else if (w[0] == "file" && w.size() == 6) {
      JournalFile file;
      if (w[1] == "create") {
        file.kind = FileChange::Kind::kCreate;
      } else if (w[1] == "overwrite") {
        file.kind = FileChange::Kind::kOverwrite;
      } else if (w[1] == "inject") {
        file.kind = FileChange::Kind::kInject;
      } else {
        return bad("unknown change kind '" + std::string(w[1]) + "'" + where);
      }
      if (w[2] != "-") {
        unsigned mode = 0;
        auto [end, ec] = std::from_chars(w[2].data(), w[2].data() + w[2].size(), mode, 8);
        if (ec != std::errc() || end != w[2].data() + w[2].size() || mode > 07777) {
          return bad("bad mode" + where);
        }
        file.mode = mode;
        file.has_mode = true;
      }
      if (!unescape(w[3], file.target) || !unescape(w[4], file.staged) ||
          (w[5] != "-" && !unescape(w[5], file.backup))) {
        return bad("bad escape" + where);
      }
      for (const std::string* p : {&file.target, &file.staged}) {
        if (p->empty() || (*p)[0] != '/') return bad("relative path" + where);
      }
      if (!file.backup.empty() && file.backup[0] != '/') return bad("relative path" + where);
      journal.files.push_back(std::move(file));
    } else {
      return bad("unknown line '" + std::string(line.substr(0, 40)) + "'" + where);
    }
  }
  if (!saw_magic) return bad("not a hypergen journal");
  if (!saw_state) return bad("no state line");
  return journal;
}

}  // namespace hypergen::apply
