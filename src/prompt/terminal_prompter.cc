#include "prompt/terminal_prompter.h"

#include <algorithm>
#include <cmath>

#include "liquid/unicode.h"
#include "prompt/answers.h"
#include "prompt/internal.h"

namespace hypergen::prompt {

namespace {

// enquirer's symbols (ansi-colors, the macOS set; see docs/prompts.md).
constexpr std::string_view kQuestion = "?";
constexpr std::string_view kCheck = "✔";
constexpr std::string_view kCross = "✖";
constexpr std::string_view kPointerSmall = "›";
constexpr std::string_view kMiddot = "·";
constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kPointer = "❯";
constexpr std::string_view kRadioOn = "◉";   // multiselect without colour
constexpr std::string_view kRadioOff = "◯";  // multiselect without colour

enum class State { kPending, kSubmitted, kCancelled };

class Styles {
 public:
  explicit Styles(bool color) : color_(color) {}
  bool color() const { return color_; }
  std::string cyan(std::string_view s) const { return wrap(s, "\x1b[36m", "\x1b[39m"); }
  std::string green(std::string_view s) const { return wrap(s, "\x1b[32m", "\x1b[39m"); }
  std::string magenta(std::string_view s) const { return wrap(s, "\x1b[35m", "\x1b[39m"); }
  std::string red(std::string_view s) const { return wrap(s, "\x1b[31m", "\x1b[39m"); }
  std::string gray(std::string_view s) const { return wrap(s, "\x1b[90m", "\x1b[39m"); }
  std::string bold(std::string_view s) const { return wrap(s, "\x1b[1m", "\x1b[22m"); }
  std::string dim(std::string_view s) const { return wrap(s, "\x1b[2m", "\x1b[22m"); }
  std::string underline(std::string_view s) const { return wrap(s, "\x1b[4m", "\x1b[24m"); }

 private:
  std::string wrap(std::string_view s, const char* open, const char* close) const {
    if (!color_ || s.empty()) return std::string(s);
    std::string out = open;
    out += s;
    out += close;
    return out;
  }
  bool color_;
};

// What one render shows: text lines (styled) and where the cursor goes.
struct Frame {
  std::vector<std::string> lines;
  int cursor_line = 0;
  int cursor_column = 0;  // display columns from the line's start
  bool show_cursor = false;
};

// Lays `text` (may contain '\n') into a frame; the cursor goes where
// `before_cursor` would end (only its newlines and display width count, so
// it may be styled differently from `text`).
Frame make_frame(const std::string& text, std::string_view before_cursor, bool show_cursor) {
  Frame frame;
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = text.find('\n', start);
    frame.lines.push_back(
        text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  std::size_t last_nl = before_cursor.rfind('\n');
  frame.cursor_line =
      static_cast<int>(std::count(before_cursor.begin(), before_cursor.end(), '\n'));
  frame.cursor_column = display_width(
      last_nl == std::string_view::npos ? before_cursor : before_cursor.substr(last_nl + 1));
  frame.show_cursor = show_cursor;
  return frame;
}

int physical_rows(const std::string& line, int columns) {
  int w = display_width(line);
  return w == 0 ? 1 : (w + columns - 1) / columns;
}

// Draws frames over each other: each draw erases the previous one (moving
// up to its first row, then erase-below), as enquirer does.
class Renderer {
 public:
  explicit Renderer(Terminal& terminal) : terminal_(terminal) {}

  void draw(const Frame& frame) {
    int columns = std::max(1, terminal_.size().columns);
    std::string out = "\x1b[?25l";
    if (previous_) {
      // Where the cursor is within the previous frame, at today's width.
      int row = 0;
      for (int i = 0; i < previous_->cursor_line; ++i) {
        row += physical_rows(previous_->lines[static_cast<std::size_t>(i)], columns);
      }
      row +=
          std::min(previous_->cursor_column / columns,
                   physical_rows(previous_->lines[static_cast<std::size_t>(previous_->cursor_line)],
                                 columns) -
                       1);
      out += '\r';
      if (row > 0) out += "\x1b[" + std::to_string(row) + "A";
      out += "\x1b[J";
    }
    std::vector<int> first_row;
    int total = 0;
    for (std::size_t i = 0; i < frame.lines.size(); ++i) {
      if (i) out += '\n';
      out += frame.lines[i];
      first_row.push_back(total);
      total += physical_rows(frame.lines[i], columns);
    }
    // The cursor is on the last row now; move it to its place.
    int end_row = total - 1;
    int line_rows =
        physical_rows(frame.lines[static_cast<std::size_t>(frame.cursor_line)], columns);
    int target_row = first_row[static_cast<std::size_t>(frame.cursor_line)] +
                     std::min(frame.cursor_column / columns, line_rows - 1);
    int target_col =
        frame.cursor_column / columns < line_rows ? frame.cursor_column % columns : columns - 1;
    if (end_row > target_row) out += "\x1b[" + std::to_string(end_row - target_row) + "A";
    out += "\x1b[" + std::to_string(target_col + 1) + "G";
    if (frame.show_cursor) out += "\x1b[?25h";
    terminal_.write(out);
    previous_ = frame;
  }

  // The last frame of a question: drawn with the cursor at its end, then a
  // newline so what follows starts below it.
  void finish(Frame frame) {
    frame.cursor_line = static_cast<int>(frame.lines.size()) - 1;
    frame.cursor_column = display_width(frame.lines.back());
    frame.show_cursor = true;
    draw(frame);
    terminal_.write("\n");
    previous_.reset();
  }

  // After a suspend the screen is someone else's: start afresh below.
  void forget() {
    if (previous_) terminal_.write("\n");
    previous_.reset();
  }

 private:
  Terminal& terminal_;
  std::optional<Frame> previous_;
};

enum class Outcome { kContinue, kSubmit, kCancel };

// One question being asked: its state, the keys it understands, how it looks.
class Session {
 public:
  Session(const Question& q, const Styles& styles) : q_(q), s_(styles) {}
  virtual ~Session() = default;
  virtual Status init() { return {}; }
  virtual Outcome on_key(const Key& key) = 0;
  virtual liquid::Value value() const = 0;
  virtual Frame frame(State state, TerminalSize size) const = 0;

  void set_error(std::string message) { error_ = std::move(message); }
  void clear_error() { error_.clear(); }

 protected:
  std::string prefix(State state) const {
    switch (state) {
      case State::kPending:
        return s_.cyan(kQuestion);
      case State::kSubmitted:
        return s_.green(kCheck);
      case State::kCancelled:
        return s_.magenta(kCross);
    }
    return {};
  }
  // "? message" (no separator).
  std::string head(State state) const {
    return prefix(state) + " " + s_.bold(q_.message.empty() ? q_.name : q_.message);
  }
  // The validation message, as enquirer shows it: after a blank line.
  std::string error_lines() const {
    if (error_.empty()) return {};
    return "\n\n" + s_.magenta(std::string(kPointer) + " " + error_);
  }

  const Question& q_;
  const Styles& s_;
  std::string error_;
};

// Editable text with a cursor (code points).
class LineEditor {
 public:
  explicit LineEditor(std::string_view initial = {}) { set(initial); }

  void set(std::string_view text) {
    chars_.clear();
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t start = i;
      liquid::utf8_decode(text, i);
      chars_.emplace_back(text.substr(start, i - start));
    }
    cursor_ = chars_.size();
  }
  std::string text() const { return join(0, chars_.size()); }
  std::string before_cursor() const { return join(0, cursor_); }
  bool empty() const { return chars_.empty(); }
  std::size_t size() const { return chars_.size(); }
  std::size_t cursor() const { return cursor_; }

  void insert(const std::string& ch) {
    chars_.insert(chars_.begin() + static_cast<long>(cursor_++), ch);
  }
  bool backspace() {
    if (cursor_ == 0) return false;
    chars_.erase(chars_.begin() + static_cast<long>(--cursor_));
    return true;
  }
  bool delete_forward() {
    if (cursor_ >= chars_.size()) return false;
    chars_.erase(chars_.begin() + static_cast<long>(cursor_));
    return true;
  }
  void left() {
    if (cursor_ > 0) --cursor_;
  }
  void right() {
    if (cursor_ < chars_.size()) ++cursor_;
  }
  void home() { cursor_ = 0; }
  void end() { cursor_ = chars_.size(); }
  void kill_to_start() {
    chars_.erase(chars_.begin(), chars_.begin() + static_cast<long>(cursor_));
    cursor_ = 0;
  }
  void kill_to_end() { chars_.resize(cursor_); }
  // Ctrl-W: the spaces before the cursor, then the word before them.
  void kill_word() {
    std::size_t from = cursor_;
    while (from > 0 && chars_[from - 1] == " ") --from;
    while (from > 0 && chars_[from - 1] != " ") --from;
    chars_.erase(chars_.begin() + static_cast<long>(from),
                 chars_.begin() + static_cast<long>(cursor_));
    cursor_ = from;
  }

  // The editing keys every text field shares; true when the key was one.
  bool edit(const Key& key) {
    switch (key.type) {
      case KeyType::kBackspace:
        if (key.alt) {
          kill_word();
        } else {
          backspace();
        }
        return true;
      case KeyType::kDelete:
        delete_forward();
        return true;
      case KeyType::kLeft:
        left();
        return true;
      case KeyType::kRight:
        right();
        return true;
      case KeyType::kHome:
        home();
        return true;
      case KeyType::kEnd:
        end();
        return true;
      case KeyType::kCtrl:
        switch (key.ctrl) {
          case 'a':
            home();
            return true;
          case 'e':
            end();
            return true;
          case 'b':
            left();
            return true;
          case 'f':
            right();
            return true;
          case 'd':
            delete_forward();
            return true;
          case 'u':
            kill_to_start();
            return true;
          case 'k':
            kill_to_end();
            return true;
          case 'w':
            kill_word();
            return true;
          default:
            return false;
        }
      default:
        return false;
    }
  }

 private:
  std::string join(std::size_t from, std::size_t to) const {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += chars_[i];
    return out;
  }
  std::vector<std::string> chars_;
  std::size_t cursor_ = 0;
};

// input, password, numeral.
class TextSession final : public Session {
 public:
  TextSession(const Question& q, const Styles& s) : Session(q, s) {
    initial_ = internal::initial_text(q.initial);
    // numeral starts with `initial` typed in; the others show it as a
    // placeholder that Enter (or Tab) takes.
    if (q.kind == Kind::kNumeral) editor_.set(initial_);
  }

  Outcome on_key(const Key& key) override {
    if (key.type == KeyType::kEnter) return Outcome::kSubmit;
    if (key.alt && key.type == KeyType::kText) return Outcome::kContinue;
    if (editor_.edit(key)) return Outcome::kContinue;
    bool numeral = q_.kind == Kind::kNumeral;
    switch (key.type) {
      case KeyType::kText:
        if (numeral && !numeral_accepts(key.text)) return Outcome::kContinue;
        editor_.insert(key.text);
        break;
      case KeyType::kSpace:
        if (!numeral) editor_.insert(" ");
        break;
      case KeyType::kTab:
        // enquirer's "next": complete the placeholder.
        if (!initial_.empty() && initial_.starts_with(editor_.text())) editor_.set(initial_);
        break;
      case KeyType::kUp:
      case KeyType::kDown:
        if (numeral) step(key.type == KeyType::kUp ? 1 : -1);
        break;
      default:
        break;
    }
    return Outcome::kContinue;
  }

  liquid::Value value() const override {
    std::string text = editor_.text();
    if (q_.kind == Kind::kNumeral) {
      if (auto n = internal::parse_numeral(text)) return *n;
      if (auto n = internal::parse_numeral(initial_)) return *n;
      return liquid::Value(std::int64_t{0});
    }
    return liquid::Value(text.empty() ? initial_ : text);
  }

  Frame frame(State state, TerminalSize) const override {
    std::string line = head(state) + " ";
    if (state == State::kPending) {
      line += s_.dim(kPointerSmall) + " ";
      std::string text = editor_.text();
      std::string before = editor_.before_cursor();
      std::string shown;
      if (q_.kind == Kind::kPassword) {
        shown = s_.dim(std::string(editor_.size(), '*'));
        before = std::string(editor_.cursor(), '*');
      } else if (q_.kind == Kind::kNumeral) {
        shown = s_.cyan(text);
      } else if (!initial_.empty() && initial_ != text && initial_.starts_with(text)) {
        shown = text + s_.dim(std::string_view(initial_).substr(text.size()));
      } else {
        shown = text;
      }
      return make_frame(line + shown + error_lines(), line + before, true);
    }
    line += s_.dim(kMiddot) + " ";
    std::string answer = value().to_output();
    if (q_.kind == Kind::kPassword) {
      answer = std::string(liquid::utf8_code_points(answer), '*');
      line += s_.cyan(answer);
    } else if (q_.kind == Kind::kNumeral) {
      line += s_.cyan(state == State::kCancelled ? editor_.text() : answer);
    } else {
      line += s_.green(state == State::kCancelled ? editor_.text() : answer);
    }
    return make_frame(line, line, false);
  }

 private:
  bool numeral_accepts(const std::string& ch) const {
    if (ch.size() != 1) return false;
    char c = ch[0];
    if (c >= '0' && c <= '9') return true;
    if (c == '-' || c == '+') return true;
    return c == '.' && editor_.text().find('.') == std::string::npos;
  }
  void step(int delta) {
    double n = liquid::parse_js_number(editor_.text());
    if (std::isnan(n)) n = 0;
    editor_.set(liquid::format_number(n + delta));
  }

  std::string initial_;
  LineEditor editor_;
};

class ConfirmSession final : public Session {
 public:
  ConfirmSession(const Question& q, const Styles& s)
      : Session(q, s), value_(internal::confirm_from_initial(q.initial)) {
    hint_ = q.initial.js_truthy() ? "(Y/n)" : "(y/N)";
  }

  Outcome on_key(const Key& key) override {
    if (key.type == KeyType::kEnter) return Outcome::kSubmit;
    if (key.type == KeyType::kText && !key.alt) {
      if (internal::is_yes_text(key.text)) {
        value_ = true;
        return Outcome::kSubmit;
      }
      if (internal::is_no_text(key.text)) {
        value_ = false;
        return Outcome::kSubmit;
      }
    }
    return Outcome::kContinue;
  }

  liquid::Value value() const override { return liquid::Value(value_); }

  Frame frame(State state, TerminalSize) const override {
    std::string text = head(state) + " " + s_.dim(hint_) + " ";
    std::string v = value_ ? "true" : "false";
    if (state == State::kPending) {
      text += s_.dim(kPointerSmall) + " " + s_.cyan(v) + error_lines();
    } else {
      text += s_.dim(kMiddot) + " " + s_.green(v);
    }
    return make_frame(text, text, false);
  }

 private:
  bool value_;
  std::string hint_;
};

// select, autocomplete, multiselect.
class ChoiceSession final : public Session {
 public:
  ChoiceSession(const Question& q, const Styles& s)
      : Session(q, s),
        multiple_(q.kind == Kind::kMultiSelect),
        autocomplete_(q.kind == Kind::kAutocomplete),
        enabled_(q.choices.size(), false) {}

  Status init() override {
    const auto& choices = q_.choices;
    if (std::none_of(choices.begin(), choices.end(), [](const Choice& c) { return !c.disabled; })) {
      return make_error(ErrorKind::kData,
                        "question '" + q_.name + "': at least one choice must be selectable");
    }
    for (std::size_t i = 0; i < choices.size(); ++i) visible_.push_back(static_cast<int>(i));
    int focus = 0;
    auto enable = [&](const liquid::Value& v) {
      int at = internal::find_choice(choices, v);
      if (at >= 0 && !choices[static_cast<std::size_t>(at)].disabled) {
        enabled_[static_cast<std::size_t>(at)] = true;
      }
      return at;
    };
    if (multiple_ && q_.initial.is_array()) {
      for (const liquid::Value& v : q_.initial.as_array()) enable(v);
    } else if (!q_.initial.is_nil()) {
      int at = multiple_ ? enable(q_.initial) : internal::find_choice(choices, q_.initial);
      if (at >= 0) focus = at;
    }
    focus_ = focus;
    if (choices[static_cast<std::size_t>(focus_)].disabled) move(1);
    return {};
  }

  Outcome on_key(const Key& key) override {
    switch (key.type) {
      case KeyType::kEnter:
        return focused() < 0 && !multiple_ ? Outcome::kContinue : Outcome::kSubmit;
      case KeyType::kUp:
      case KeyType::kShiftTab:
        move(-1);
        return Outcome::kContinue;
      case KeyType::kDown:
      case KeyType::kTab:
        move(1);
        return Outcome::kContinue;
      case KeyType::kPageUp:
        for (int i = 0; i < page_; ++i) move_no_wrap(-1);
        return Outcome::kContinue;
      case KeyType::kPageDown:
        for (int i = 0; i < page_; ++i) move_no_wrap(1);
        return Outcome::kContinue;
      default:
        break;
    }
    if (autocomplete_) {
      if (editor_.edit(key)) {
        refilter();
        return Outcome::kContinue;
      }
      if ((key.type == KeyType::kText || key.type == KeyType::kSpace) && !key.alt) {
        editor_.insert(key.text);
        refilter();
      }
      return Outcome::kContinue;
    }
    switch (key.type) {
      case KeyType::kHome:
        focus_ = 0;
        if (disabled_at(focus_)) move(1);
        return Outcome::kContinue;
      case KeyType::kEnd:
        focus_ = static_cast<int>(visible_.size()) - 1;
        if (disabled_at(focus_)) move(-1);
        return Outcome::kContinue;
      case KeyType::kSpace:
        if (multiple_ && focused() >= 0 && !disabled_at(focus_)) {
          enabled_[static_cast<std::size_t>(focused())] =
              !enabled_[static_cast<std::size_t>(focused())];
        }
        return Outcome::kContinue;
      case KeyType::kText:
        if (multiple_ && !key.alt && (key.text == "a" || key.text == "i"))
          toggle_all(key.text == "i");
        return Outcome::kContinue;
      default:
        return Outcome::kContinue;
    }
  }

  liquid::Value value() const override {
    if (multiple_) {
      liquid::Array names;
      for (std::size_t i = 0; i < q_.choices.size(); ++i) {
        if (enabled_[i]) names.emplace_back(q_.choices[i].name);
      }
      return liquid::Value(std::move(names));
    }
    int at = focused();
    if (at < 0) return liquid::Value();
    return liquid::Value(q_.choices[static_cast<std::size_t>(at)].name);
  }

  Frame frame(State state, TerminalSize size) const override {
    if (state != State::kPending) {
      std::string text = head(state) + " " + s_.dim(kMiddot) + " ";
      if (state == State::kSubmitted) {
        liquid::Value v = value();
        if (multiple_) {
          if (v.as_array().empty()) {
            text += s_.magenta("No items were selected");
          } else {
            bool first = true;
            for (const liquid::Value& name : v.as_array()) {
              if (!first) text += ", ";
              first = false;
              text += s_.cyan(name.as_string());
            }
          }
        } else if (v.is_string()) {
          text += s_.cyan(v.as_string());
        }
      }
      return make_frame(text, text, false);
    }

    std::string text = head(state) + " " + s_.dim(kEllipsis) + " ";
    std::string before_cursor = text;
    if (autocomplete_) {
      before_cursor += editor_.before_cursor();
      text += editor_.text();
    }
    text += error_lines();

    // As many rows as fit under the question line.
    int room = std::max(1, size.rows - 1 - (error_.empty() ? 0 : 2));
    page_ = room;
    int count = static_cast<int>(visible_.size());
    int limit = std::min(count, room);
    if (focus_ < top_) top_ = focus_;
    if (focus_ >= top_ + limit) top_ = focus_ - limit + 1;
    top_ = std::clamp(top_, 0, std::max(0, count - limit));
    if (count == 0) text += "\n" + s_.magenta("No matching choices");
    for (int row = top_; row < top_ + limit; ++row) text += "\n" + render_choice(row);
    return make_frame(text, before_cursor, autocomplete_);
  }

 private:
  int focused() const {
    if (focus_ < 0 || focus_ >= static_cast<int>(visible_.size())) return -1;
    return visible_[static_cast<std::size_t>(focus_)];
  }
  bool disabled_at(int row) const {
    if (row < 0 || row >= static_cast<int>(visible_.size())) return true;
    return q_.choices[static_cast<std::size_t>(visible_[static_cast<std::size_t>(row)])].disabled;
  }
  // Up/Down: wraps around, skips disabled choices.
  void move(int delta) {
    int count = static_cast<int>(visible_.size());
    if (count == 0) return;
    for (int step = 0; step < count; ++step) {
      focus_ = ((focus_ + delta) % count + count) % count;
      if (!disabled_at(focus_)) return;
    }
  }
  void move_no_wrap(int delta) {
    int count = static_cast<int>(visible_.size());
    for (int next = focus_ + delta; next >= 0 && next < count; next += delta) {
      if (!disabled_at(next)) {
        focus_ = next;
        return;
      }
    }
  }
  // `a` toggles all (all on unless all are on already); `i` inverts.
  void toggle_all(bool invert) {
    bool all_on = true;
    for (std::size_t i = 0; i < q_.choices.size(); ++i) {
      if (!q_.choices[i].disabled && !enabled_[i]) all_on = false;
    }
    for (std::size_t i = 0; i < q_.choices.size(); ++i) {
      if (q_.choices[i].disabled) continue;
      enabled_[i] = invert ? !enabled_[i] : !all_on;
    }
  }
  // enquirer's autocomplete: the choices whose message contains the typed
  // text, ignoring case.
  void refilter() {
    std::string needle = liquid::to_lower(editor_.text());
    visible_.clear();
    for (std::size_t i = 0; i < q_.choices.size(); ++i) {
      if (liquid::to_lower(message_of(q_.choices[i])).find(needle) != std::string::npos) {
        visible_.push_back(static_cast<int>(i));
      }
    }
    // enquirer keeps the focus row (clamped), not the choice.
    focus_ = std::min(std::max(static_cast<int>(visible_.size()) - 1, 0), focus_);
    top_ = 0;
  }
  static const std::string& message_of(const Choice& c) {
    return c.message.empty() ? c.name : c.message;
  }
  // The typed text highlighted (red) where it occurs in `message`.
  std::string highlight(const std::string& message, bool focused) const {
    std::string needle = editor_.text();
    auto plain = [&](std::string_view part) { return focused ? s_.cyan(part) : std::string(part); };
    if (!s_.color() || needle.empty()) return plain(message);
    std::string lower = liquid::to_lower(message), lower_needle = liquid::to_lower(needle);
    if (lower.size() != message.size()) return plain(message);  // case mapping changed lengths
    std::string out;
    std::size_t at = 0;
    for (;;) {
      std::size_t hit = lower.find(lower_needle, at);
      if (hit == std::string::npos) break;
      out += plain(std::string_view(message).substr(at, hit - at));
      out += s_.red(std::string_view(message).substr(hit, needle.size()));
      at = hit + needle.size();
    }
    out += plain(std::string_view(message).substr(at));
    return out;
  }

  std::string render_choice(int row) const {
    int index = visible_[static_cast<std::size_t>(row)];
    const Choice& c = q_.choices[static_cast<std::size_t>(index)];
    bool is_focused = row == focus_;
    std::string hint = c.hint;
    if (c.disabled && hint.empty()) hint = "(disabled)";

    std::string message;
    if (c.disabled) {
      message = s_.gray(message_of(c));
    } else if (autocomplete_) {
      message = highlight(message_of(c), is_focused);
      if (is_focused) message = s_.underline(message);
    } else if (is_focused) {
      message = s_.cyan(s_.underline(message_of(c)));
    } else {
      message = message_of(c);
    }

    std::vector<std::string> parts;
    // enquirer shows a pointer for select only; the focus of multiselect and
    // autocomplete is its colour, so without colour they get the pointer too.
    bool pointer = q_.kind == Kind::kSelect || !s_.color();
    if (pointer) parts.push_back(is_focused ? s_.cyan(kPointer) : std::string(" "));
    if (multiple_) {
      bool on = enabled_[static_cast<std::size_t>(index)];
      if (s_.color()) {
        parts.push_back(on ? s_.green(kCheck) : s_.dim(s_.gray(kCheck)));
      } else {
        parts.emplace_back(on ? kRadioOn : kRadioOff);
      }
    }
    parts.push_back(message);
    if (!hint.empty()) parts.push_back(s_.dim(hint));
    std::string line;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i) line += ' ';
      line += parts[i];
    }
    return line;
  }

  bool multiple_;
  bool autocomplete_;
  std::vector<bool> enabled_;
  std::vector<int> visible_;  // choice indexes shown (autocomplete: the matches)
  int focus_ = 0;             // row in visible_
  mutable int top_ = 0;       // first row shown
  mutable int page_ = 10;     // rows that fit (PageUp/PageDown)
  LineEditor editor_;         // autocomplete's typed text
};

std::unique_ptr<Session> make_session(const Question& q, const Styles& styles) {
  switch (q.kind) {
    case Kind::kInput:
    case Kind::kPassword:
    case Kind::kNumeral:
      return std::make_unique<TextSession>(q, styles);
    case Kind::kConfirm:
      return std::make_unique<ConfirmSession>(q, styles);
    case Kind::kSelect:
    case Kind::kAutocomplete:
    case Kind::kMultiSelect:
      return std::make_unique<ChoiceSession>(q, styles);
  }
  return std::make_unique<TextSession>(q, styles);
}

}  // namespace

Result<std::optional<liquid::Value>> TerminalPrompter::ask(const Question& question) {
  Styles styles(color_);
  auto session = make_session(question, styles);
  HG_RETURN_IF_ERROR(session->init());

  RawModeGuard raw(terminal_);
  if (!raw.status()) return tl::unexpected(raw.status().error());
  Renderer renderer(terminal_);
  renderer.draw(session->frame(State::kPending, terminal_.size()));

  auto cancel = [&](Error error) -> Result<std::optional<liquid::Value>> {
    session->clear_error();
    renderer.finish(session->frame(State::kCancelled, terminal_.size()));
    return tl::unexpected(std::move(error));
  };

  for (;;) {
    auto key = terminal_.read_key();
    if (!key) return cancel(key.error());
    switch (key->type) {
      case KeyType::kResize:
        renderer.draw(session->frame(State::kPending, terminal_.size()));
        continue;
      case KeyType::kResume:
        renderer.forget();
        renderer.draw(session->frame(State::kPending, terminal_.size()));
        continue;
      case KeyType::kEscape:
        return cancel(Error{ErrorKind::kInterrupted, "cancelled", {}, {}});
      case KeyType::kCtrl:
        if (key->ctrl == 'c') return cancel(Error{ErrorKind::kInterrupted, "interrupted", {}, {}});
        if (key->ctrl == 'z') {
          terminal_.suspend();
          continue;
        }
        break;
      default:
        break;
    }
    session->clear_error();
    Outcome outcome = session->on_key(*key);
    if (outcome == Outcome::kSubmit) {
      liquid::Value answer = session->value();
      if (auto problem = check_answer(question, answer)) {
        session->set_error(*problem);
        renderer.draw(session->frame(State::kPending, terminal_.size()));
        terminal_.write("\a");
        continue;
      }
      renderer.finish(session->frame(State::kSubmitted, terminal_.size()));
      return std::optional<liquid::Value>(std::move(answer));
    }
    renderer.draw(session->frame(State::kPending, terminal_.size()));
  }
}

}  // namespace hypergen::prompt
