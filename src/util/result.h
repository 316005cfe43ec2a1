#pragma once
// Errors as values. Every module boundary returns Result<T>; only src/cli turns
// an Error into an exit code and a message (see exit_code() below and
// docs/cli.md). No exceptions cross a module boundary.
//
// An Error carries a kind (which decides the exit code), a message, and where
// the problem is when there is a place to point at: file, 1-based line and
// column, plus an optional "context" block (the offending line with a caret)
// that is printed under the message.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace hypergen {

enum class ErrorKind : std::uint8_t {
  kFailure,       // anything without a better category
  kUsage,         // bad command line
  kNotFound,      // generator, action, command or file not found
  kTemplate,      // template parse or render error
  kData,          // bad input data (JSON/YAML values, validation)
  kConflict,      // conflicting definitions or refused overwrite
  kIo,            // the file system said no
  kMissingInput,  // required values missing and no way to ask
  kUntrusted,     // code from an untrusted template source (a package) would run
  kInterrupted,   // SIGINT and friends
};

// The exit status that belongs to each kind. Documented in docs/cli.md.
int exit_code(ErrorKind kind);
const char* kind_name(ErrorKind kind);

struct SourceLocation {
  std::string file;  // may be empty (e.g. an inline template)
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based; 0 = unknown
};

// A numbered hint printed under an error (Hypergen V8's structured errors,
// spec §8): what to do, and optionally the command that does it.
struct Suggestion {
  std::string title;
  std::string command;  // optional
};

struct Error {
  ErrorKind kind = ErrorKind::kFailure;
  std::string message;
  SourceLocation where;
  std::string context;  // optional: source excerpt with a caret, printed as is
  // Optional V8 error code (ACTION_NOT_FOUND, TEMPLATE_INVALID_SYNTAX, …) and
  // suggestions; printed by cli/ under the message and in `--json` errors.
  std::string code{};
  std::vector<Suggestion> suggestions{};

  // "file:line:col: message" (omitting what is unknown), then the context.
  std::string describe() const;
};

template <typename T>
using Result = tl::expected<T, Error>;
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> make_error(ErrorKind kind, std::string message,
                                        SourceLocation where = {}) {
  Error e;
  e.kind = kind;
  e.message = std::move(message);
  e.where = std::move(where);
  return tl::unexpected<Error>(std::move(e));
}

// make_error() with a V8 code and suggestions.
inline tl::unexpected<Error> make_coded_error(ErrorKind kind, std::string code, std::string message,
                                              std::vector<Suggestion> suggestions = {},
                                              SourceLocation where = {}) {
  Error e;
  e.kind = kind;
  e.message = std::move(message);
  e.where = std::move(where);
  e.code = std::move(code);
  e.suggestions = std::move(suggestions);
  return tl::unexpected<Error>(std::move(e));
}

// Propagate an error: HG_TRY(auto x, expr) is not portable in C++20 without
// statement expressions, so we keep the early-return explicit:
//   auto r = f(); if (!r) return tl::unexpected(r.error());
#define HG_RETURN_IF_ERROR(expr)                            \
  do {                                                      \
    if (auto hg_status_ = (expr); !hg_status_) {            \
      return tl::unexpected(std::move(hg_status_).error()); \
    }                                                       \
  } while (0)

}  // namespace hypergen
