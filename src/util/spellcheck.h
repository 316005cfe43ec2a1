#pragma once
// "Did you mean …?" support: the candidate nearest to a misspelt word by edit
// distance (Levenshtein, case-insensitive), when near enough to be a typo.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hypergen {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within max(2, word.size() / 3) edits, ties broken by
// order in `candidates`; nullopt when nothing is close.
std::optional<std::string> suggest(std::string_view word, std::span<const std::string> candidates);

}  // namespace hypergen
