#pragma once
// The apply journal: what an interrupted apply_changes() left behind, so that
// recover() can finish or undo it. One text file,
// <project_root>/.hypergen/journal/apply.journal, always replaced atomically
// (written to apply.journal.tmp, fsynced, renamed). Format (docs/journal.md):
//
//   hypergen-journal 2
//   state pending|committed|rolling-back
//   id <pid>-<random hex>
//   dir <path>                                       (one per directory to create, parents first)
//   tree <dir> <staged dir>                          (a new directory built under a hidden name)
//   file create|overwrite|inject <mode|-> <target> <staged> <backup|->
//   xxh64 <16 hex digits: XXH64 (seed 0) of every byte before this line>
//
// Paths are absolute; bytes <= 0x20, 0x7f and '%' are written as %XX. <mode>
// is the octal permission of the overwritten file ("-" for a created file),
// <backup> is "-" when the old content was not backed up (created files).
// A `tree` is a directory the apply creates whose parent exists: it is built
// whole under its hidden staged name (its subdirectories and the files
// created in it written at their final names inside) and appears with one
// rename at the commit; the `file` lines of files inside it name their place
// in the staged tree. Version 1 (no `tree` lines) is still read.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "apply/apply.h"
#include "util/result.h"

namespace hypergen::apply {

struct JournalFile {
  FileChange::Kind kind = FileChange::Kind::kCreate;
  std::uint32_t mode = 0;  // meaningful when has_mode
  bool has_mode = false;
  std::string target;
  std::string staged;
  std::string backup;  // empty: none
};

struct JournalTree {
  std::string target;  // a created directory whose parent exists
  std::string staged;  // its hidden name while the apply is pending
};

struct Journal {
  enum class State : std::uint8_t { kPending, kCommitted, kRollingBack };
  State state = State::kPending;
  std::string id;
  std::vector<std::string> created_dirs;  // parents before children
  std::vector<JournalTree> trees;
  std::vector<JournalFile> files;
};

inline constexpr std::string_view kJournalMagic = "hypergen-journal";
inline constexpr int kJournalVersion = 2;  // 1 is read too

std::string journal_dir(const std::string& project_root);   // <root>/.hypergen/journal
std::string journal_path(const std::string& project_root);  // .../apply.journal

std::string encode_journal(const Journal& journal);
// kData naming what is wrong: bad magic, unknown version, bad checksum, bad line.
Result<Journal> decode_journal(std::string_view text);

}  // namespace hypergen::apply
