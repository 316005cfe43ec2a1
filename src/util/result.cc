#include "util/result.h"

namespace hypergen {

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kFailure:
      return 1;
    case ErrorKind::kUsage:
      return 2;
    case ErrorKind::kNotFound:
      return 3;
    case ErrorKind::kTemplate:
      return 4;
    case ErrorKind::kData:
      return 5;
    case ErrorKind::kConflict:
      return 6;
    case ErrorKind::kIo:
      return 7;
    case ErrorKind::kMissingInput:
      return 8;
    case ErrorKind::kUntrusted:
      return 9;
    case ErrorKind::kInterrupted:
      return 130;
  }
  return 1;
}

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kFailure:
      return "error";
    case ErrorKind::kUsage:
      return "usage error";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kTemplate:
      return "template error";
    case ErrorKind::kData:
      return "data error";
    case ErrorKind::kConflict:
      return "conflict";
    case ErrorKind::kIo:
      return "I/O error";
    case ErrorKind::kMissingInput:
      return "missing input";
    case ErrorKind::kUntrusted:
      return "untrusted source";
    case ErrorKind::kInterrupted:
      return "interrupted";
  }
  return "error";
}

std::string Error::describe() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  } else if (where.line > 0) {
    out += "line " + std::to_string(where.line);
    if (where.column > 0) out += ", column " + std::to_string(where.column);
    out += ": ";
  }
  out += message;
  if (!context.empty()) {
    out += '\n';
    out += context;
  }
  return out;
}

}  // namespace hypergen
