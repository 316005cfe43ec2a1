#pragma once
// The apply journal: what an interrupted apply_changes() left behind, so that
// recover() can finish or undo it. One text file,
// <project_root>/.hypergen/journal/apply.journal, always replaced atomically
// (written to apply.journal.tmp, fsynced, renamed). Format (docs/journal.md):
//
//   hypergen-journal 1
//   state pending|committed|rolling-back
//   id <pid>-<random hex>
//   dir <path>                                       (one per directory to create, parents first)
//   file create|overwrite|inject <mode|-> <target> <staged> <backup|->
//   xxh64 <16 hex digits: XXH64 (seed 0) of every byte before this line>
//
// Paths are absolute; bytes <= 0x20, 0x7f and '%' are written as %XX. <mode>
// is the octal permission of the overwritten file ("-" for a created file),
// <backup> is "-" when the old content was not backed up (created files).

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

struct Journal {
  enum class State : std::uint8_t { kPending, kCommitted, kRollingBack };
  State state = State::kPending;
  std::string id;
  std::vector<std::string> created_dirs;  // parents before children
  std::vector<JournalFile> files;
};

inline constexpr std::string_view kJournalMagic = "hypergen-journal";
inline constexpr int kJournalVersion = 1;

std::string journal_dir(const std::string& project_root);   // <root>/.hypergen/journal
std::string journal_path(const std::string& project_root);  // .../apply.journal

std::string encode_journal(const Journal& journal);
// kData naming what is wrong: bad magic, unknown version, bad checksum, bad line.
Result<Journal> decode_journal(std::string_view text);

}  // namespace hypergen::apply
