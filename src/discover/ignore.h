#pragma once
// gitignore-style rules for `.hypergenignore` / `.hygenignore` files (spec
// §7.1): globs (`*`, `?`, `[...]`, `**`), `!` negation, a trailing `/` for
// folders only, and anchoring for patterns with a leading or inner `/`.
// Each file applies to its own folder and below; when several files apply,
// deeper files are consulted after shallower ones and the last matching
// rule wins.

#include <string>
#include <string_view>
#include <vector>

namespace hypergen::discover {

struct IgnoreRule {
  std::string pattern;  // without '!', leading '/' and trailing '/'
  bool negate = false;
  bool dir_only = false;
  bool anchored = false;  // matched against the whole relative path
};

class IgnoreRules {
 public:
  // `base` is the folder of the ignore file, relative to the walk root
  // ("" for the root itself, otherwise "sub/dir").
  void add_file(std::string_view text, std::string base);

  // Whether `rel` (relative to the walk root, '/'-separated, no leading
  // '/') is ignored. `undecided` is the result when no rule matches.
  bool ignored(std::string_view rel, bool is_dir, bool undecided = false) const;

  bool empty() const { return groups_.empty(); }

 private:
  struct Group {
    std::string base;
    std::vector<IgnoreRule> rules;
  };
  std::vector<Group> groups_;
};

// Glob match of a whole string: `*` and `?` do not cross '/', `**` does,
// `[abc]`/`[a-z]`/`[!x]` classes.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace hypergen::discover
