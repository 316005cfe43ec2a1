#include "liquid/json.h"

#include <cmath>
#include <limits>
#include <vector>

#include <nlohmann/json.hpp>

namespace hypergen::liquid {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

namespace {

// Builds a Value tree straight from nlohmann's SAX events (keeps key order,
// no intermediate json DOM).
class ValueBuilder final : public nlohmann::json_sax<nlohmann::json> {
 public:
  Value result;
  std::size_t error_byte = 0;
  std::string error_message;

  bool null() override { return emit(Value()); }
  bool boolean(bool v) override { return emit(Value(v)); }
  bool number_integer(number_integer_t v) override { return emit(Value(std::int64_t{v})); }
  bool number_unsigned(number_unsigned_t v) override {
    if (v <= static_cast<number_unsigned_t>(std::numeric_limits<std::int64_t>::max())) {
      return emit(Value(static_cast<std::int64_t>(v)));
    }
    return emit(Value(static_cast<double>(v)));
  }
  bool number_float(number_float_t v, const string_t&) override { return emit(Value(v)); }
  bool string(string_t& v) override { return emit(Value(std::move(v))); }
  bool binary(binary_t&) override { return emit(Value()); }
  bool start_object(std::size_t) override {
    stack_.push_back(Frame{Value(Object{}), {}});
    return true;
  }
  bool key(string_t& k) override {
    stack_.back().key = std::move(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    stack_.push_back(Frame{Value(Array{}), {}});
    return true;
  }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_byte = position;
    error_message = ex.what();
    return false;
  }

 private:
  struct Frame {
    Value container;
    std::string key;
  };

  bool emit(Value v) {
    if (stack_.empty()) {
      result = std::move(v);
      return true;
    }
    Frame& top = stack_.back();
    if (top.container.is_array()) {
      top.container.mutable_array().push_back(std::move(v));
    } else {
      top.container.mutable_object().set(std::move(top.key), std::move(v));
    }
    return true;
  }
  bool close() {
    Value done = std::move(stack_.back().container);
    stack_.pop_back();
    return emit(std::move(done));
  }

  std::vector<Frame> stack_;
};

// nlohmann's messages look like "[json.exception.parse_error.101] parse
// error at line 1, column 5: syntax error while parsing value - invalid
// literal; last read: 'tru,'"; keep the part after the location.
std::string clean_message(const std::string& raw) {
  std::string msg = raw;
  if (auto p = msg.find("]"); p != std::string::npos && msg.rfind("[json.", 0) == 0) {
    msg = msg.substr(p + 2);
  }
  if (auto p = msg.find(": "); p != std::string::npos && msg.rfind("parse error", 0) == 0) {
    msg = msg.substr(p + 2);
  }
  return msg;
}

void write_json(std::string& out, const Value& v, int indent, int depth) {
  auto newline = [&](int d) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * d), ' ');
  };
  switch (v.kind()) {
    case Value::Kind::kNil:
      out += "null";
      return;
    case Value::Kind::kBool:
      out += v.as_bool() ? "true" : "false";
      return;
    case Value::Kind::kInt:
      out += std::to_string(v.as_int());
      return;
    case Value::Kind::kFloat:
      if (std::isfinite(v.as_float())) {
        append_number(out, v.as_float());
      } else {
        out += "null";
      }
      return;
    case Value::Kind::kString:
      append_json_string(out, v.as_string());
      return;
    case Value::Kind::kArray: {
      const Array& a = v.as_array();
      if (a.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += ',';
        newline(depth + 1);
        write_json(out, a[i], indent, depth + 1);
      }
      newline(depth);
      out += ']';
      return;
    }
    case Value::Kind::kObject: {
      const Object& o = v.as_object();
      if (o.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& [k, item] : o) {
        if (!first) out += ',';
        first = false;
        newline(depth + 1);
        append_json_string(out, k);
        out += indent < 0 ? ":" : ": ";
        write_json(out, item, indent, depth + 1);
      }
      newline(depth);
      out += '}';
      return;
    }
  }
}

}  // namespace

Result<Value> parse_json(std::string_view text, std::string_view source_name) {
  ValueBuilder builder;
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                      nlohmann::detail::input_format_t::json, true, false);
  if (ok) return std::move(builder.result);
  // Byte position (1-based, the character that failed) → line and column.
  std::size_t pos = builder.error_byte == 0 ? 0 : builder.error_byte - 1;
  if (pos > text.size()) pos = text.size();
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < pos; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int column = static_cast<int>(pos - line_start) + 1;
  Error error{ErrorKind::kData,
              "invalid JSON: " + clean_message(builder.error_message),
              SourceLocation{std::string(source_name), line, column},
              {}};
  return tl::unexpected(std::move(error));
}

std::string to_json(const Value& value, int indent) {
  std::string out;
  write_json(out, value, indent, 0);
  return out;
}

}  // namespace hypergen::liquid
