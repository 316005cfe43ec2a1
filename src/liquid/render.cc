#include "liquid/render.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "liquid/error.h"
#include "liquid/filters_internal.h"
#include "liquid/liquid.h"
#include "liquid/parser.h"

namespace hypergen::liquid {

namespace {

const Value& nil_value() {
  static const Value kNil;
  return kNil;
}

// What an undefined variable evaluates to when strict_variables is off: a
// nil, but at its own address, so that comparisons can tell JavaScript's
// undefined (ordering is always false) from null (which orders as 0).
const Value& undefined_value() {
  static const Value kUndefined;
  return kUndefined;
}

// Ranges are materialised as arrays only when used as values (a `for` over a
// range iterates without one); this bounds them.
constexpr double kMaxRange = 10'000'000;

enum class Flow : std::uint8_t { kNormal, kBreak, kContinue, kError };

struct LoopState {
  std::int64_t index0 = 0;
  std::int64_t length = 0;
  std::int64_t cols = 0;  // tablerow
  bool tablerow = false;
  std::string_view var;
  std::string_view collection_text;
  const LoopState* parent = nullptr;
};

// One entry of the scope stack (the bottom scope is Scope::locals).
// `block.super` inside a block: the content this block overrides (the
// parent's body, itself rendered with its own `super`), or nothing.
struct SuperBlock {
  const Template* tpl = nullptr;
  const BlockNode* node = nullptr;  // nullptr: no parent content
  const SuperBlock* outer = nullptr;
};

// A block stored while rendering a template that uses a layout (LiquidJS's
// "blocks" register): the child's block, and the block it overrides in turn
// (when layouts are chained), or the template's rendered text for the
// anonymous block.
struct StoredBlock {
  const Template* tpl = nullptr;
  const BlockNode* node = nullptr;
  const StoredBlock* child = nullptr;
  std::string html;  // node == nullptr: this text
};

struct Frame {
  enum class Kind : std::uint8_t { kLoop, kObject, kVar, kBlock };
  Kind kind = Kind::kLoop;
  std::string_view var;         // kLoop, kVar: variable name
  const Value* item = nullptr;  // kLoop: current element; kVar: value
  std::string_view loop_name;   // kLoop: "forloop" or "tablerowloop"
  const LoopState* loop = nullptr;
  const Object* object = nullptr;     // kObject: include arguments
  const SuperBlock* super = nullptr;  // kBlock: what `block.super` renders
};

// What LiquidJS keeps in one Context: `render` gets a fresh one, `include`
// shares its caller's.
struct Scope {
  Object locals;    // assign / capture (LiquidJS's bottom scope)
  Object counters;  // increment / decrement (they write LiquidJS's "environments")
  const Value* data = nullptr;
  std::vector<Frame> frames;
  const LoopState* current_loop = nullptr;
  std::vector<std::pair<const std::string*, std::int64_t>> continue_offsets;
  std::vector<std::pair<std::string, std::size_t>> cycles;
  // layout/block state (LiquidJS's blockMode, blocks and blockStack registers).
  bool store_blocks = false;
  std::vector<std::unique_ptr<StoredBlock>>
      block_store;  // stable addresses, nothing allocated until used
  std::vector<std::pair<std::string_view, const StoredBlock*>> blocks;
  std::vector<const BlockNode*> block_stack;
};

// UTF-16 length of a UTF-8 string (what JavaScript's .length counts).
std::int64_t utf16_length(std::string_view s) {
  std::int64_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) n += (c >= 0xF0) ? 2 : 1;
  }
  return n;
}

// The character at UTF-16 index `index`, as JS's str[index] (a whole code
// point when the index lands on the high half of a surrogate pair).
bool utf16_char_at(std::string_view s, std::int64_t index, std::string& out) {
  std::int64_t unit = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::int64_t units = len == 4 ? 2 : 1;
    if (index >= unit && index < unit + units) {
      out.assign(s.substr(i, len));
      return true;
    }
    unit += units;
    i += len;
  }
  return false;
}

bool parse_index(std::string_view key, std::int64_t& index) {
  if (key.empty() || key.size() > 18) return false;
  std::int64_t v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  index = v;
  return true;
}

// JavaScript Array.prototype.slice index normalisation.
std::int64_t slice_index(double v, std::int64_t len) {
  if (std::isnan(v)) return 0;
  v = std::trunc(v);
  if (v < 0) return std::max<std::int64_t>(0, len + static_cast<std::int64_t>(std::max(v, -1e18)));
  return std::min<std::int64_t>(len, static_cast<std::int64_t>(std::min(v, 1e18)));
}

Value loop_property(const LoopState& l, std::string_view key, bool& found) {
  found = true;
  if (key == "index") return Value(l.index0 + 1);
  if (key == "index0") return Value(l.index0);
  if (key == "first") return Value(l.index0 == 0);
  if (key == "last") return Value(l.index0 == l.length - 1);
  if (key == "length") return Value(l.length);
  if (key == "rindex") return Value(l.length - l.index0);
  if (key == "rindex0") return Value(l.length - l.index0 - 1);
  if (key == "name") {
    std::string name(l.var);
    name += '-';
    name += l.collection_text;
    return Value(std::move(name));
  }
  if (l.tablerow) {
    const std::int64_t col0 = l.cols > 0 ? l.index0 % l.cols : 0;
    if (key == "row") return Value(l.cols > 0 ? l.index0 / l.cols + 1 : 1);
    if (key == "col0") return Value(col0);
    if (key == "col") return Value(col0 + 1);
    if (key == "col_first") return Value(col0 == 0);
    if (key == "col_last") return Value(col0 + 1 == l.cols);
  }
  found = false;
  return Value();
}

Value loop_object(const LoopState& l) {
  Object o;
  static constexpr std::string_view kKeys[] = {"first",  "index", "index0", "last",
                                               "length", "name",  "rindex", "rindex0"};
  static constexpr std::string_view kTableKeys[] = {"col", "col0", "col_first", "col_last", "row"};
  bool found = false;
  for (std::string_view k : kKeys) o.set(std::string(k), loop_property(l, k, found));
  if (l.tablerow) {
    for (std::string_view k : kTableKeys) o.set(std::string(k), loop_property(l, k, found));
  }
  o.set("parentloop", l.parent ? loop_object(*l.parent) : Value());
  return Value(std::move(o));
}

class Renderer {
 public:
  Renderer(const Engine& engine, std::string& out)
      : engine_(engine),
        opts_(engine.options()),
        out_(&out),
        globals_(opts_.globals.is_object() ? &opts_.globals.as_object() : nullptr) {
    if (opts_.max_render_time.count() > 0) deadline_ = now() + opts_.max_render_time;
  }

  Status run(const Template& tpl, const Value& data) {
    Scope scope;
    scope.data = &data;
    scope_ = &scope;
    tpl_ = &tpl;
    Flow f = render_block(tpl.root());
    if (f == Flow::kError) return tl::unexpected(std::move(error_));
    return {};
  }

 private:
  // ---- errors -------------------------------------------------------------

  Flow fail(std::size_t offset, std::string message) {
    error_ = template_error(tpl_->source(), tpl_->name(), offset, std::move(message));
    return Flow::kError;
  }
  const Value* fail_value(std::size_t offset, std::string message) {
    fail(offset, std::move(message));
    return nullptr;
  }
  bool output_too_big() const { return out_->size() > opts_.max_output_bytes; }

  // ---- the render-time limit ---------------------------------------------

  static constexpr unsigned kTimeCheckInterval = 256;  // loop iterations per clock read
  std::chrono::steady_clock::time_point now() const {
    return opts_.steady_now ? opts_.steady_now() : std::chrono::steady_clock::now();
  }
  // Called once per loop iteration; reads the clock every kTimeCheckInterval.
  bool out_of_time() {
    if (!deadline_ || ++iterations_ % kTimeCheckInterval != 0) return false;
    return now() > *deadline_;
  }
  Flow fail_time(std::size_t offset) {
    return fail(offset, render_time_limit_message(
                            static_cast<std::uint64_t>(opts_.max_render_time.count())));
  }
  Flow fail_output(std::size_t offset) {
    return fail(offset, output_limit_message(opts_.max_output_bytes));
  }

  // ---- blocks -------------------------------------------------------------

  Flow render_block(const Block& block) {
    for (const Node* n : block) {
      Flow f = render_node(*n);
      if (f != Flow::kNormal) return f;
    }
    return Flow::kNormal;
  }

  Flow render_node(const Node& node) {
    switch (node.kind) {
      case NodeKind::kText:
        out_->append(static_cast<const TextNode&>(node).text);
        if (output_too_big()) return fail_output(node.offset);
        return Flow::kNormal;
      case NodeKind::kOutput: {
        Value tmp;
        const Value* v = eval_filtered(static_cast<const OutputNode&>(node).value, tmp);
        if (!v) return Flow::kError;
        v->append_output(*out_);
        if (output_too_big()) return fail_output(node.offset);
        return Flow::kNormal;
      }
      case NodeKind::kIf:
        return render_if(static_cast<const IfNode&>(node));
      case NodeKind::kCase:
        return render_case(static_cast<const CaseNode&>(node));
      case NodeKind::kFor:
        return render_for(static_cast<const ForNode&>(node));
      case NodeKind::kTablerow:
        return render_tablerow(static_cast<const ForNode&>(node));
      case NodeKind::kAssign: {
        const auto& n = static_cast<const AssignNode&>(node);
        Value tmp;
        const Value* v = eval_filtered(n.value, tmp);
        if (!v) return Flow::kError;
        Value stored = v == &tmp ? std::move(tmp) : *v;
        set_local(n.name, std::move(stored));
        return Flow::kNormal;
      }
      case NodeKind::kCapture: {
        const auto& n = static_cast<const CaptureNode&>(node);
        std::string buffer;
        std::string* saved = out_;
        out_ = &buffer;
        Flow f = render_block(n.body);
        out_ = saved;
        if (f == Flow::kError) return f;
        set_local(n.name, Value(std::move(buffer)));
        return f;
      }
      case NodeKind::kCounter:
        return render_counter(static_cast<const CounterNode&>(node));
      case NodeKind::kCycle:
        return render_cycle(static_cast<const CycleNode&>(node));
      case NodeKind::kPartial:
        return render_partial(static_cast<const PartialNode&>(node));
      case NodeKind::kLayout:
        return render_layout(static_cast<const LayoutNode&>(node));
      case NodeKind::kBlock:
        return render_block_tag(static_cast<const BlockNode&>(node));
      case NodeKind::kBreak:
        return Flow::kBreak;
      case NodeKind::kContinue:
        return Flow::kContinue;
    }
    return Flow::kNormal;
  }

  void set_local(std::string_view name, Value v) {
    if (Value* slot = scope_->locals.find(name)) {
      *slot = std::move(v);
    } else {
      scope_->locals.set(std::string(name), std::move(v));
    }
  }

  Flow render_if(const IfNode& n) {
    for (const auto& branch : n.branches) {
      Value tmp;
      const Value* v = eval_filtered(branch.cond, tmp);
      if (!v) return Flow::kError;
      if (v->truthy() != branch.negate) return render_block(branch.body);
    }
    return render_block(n.else_body);
  }

  Flow render_case(const CaseNode& n) {
    Value subject_tmp;
    const Value* subject = eval_filtered(n.subject, subject_tmp);
    if (!subject) return Flow::kError;
    if (subject != &subject_tmp) {
      subject_tmp = *subject;  // the body may reassign what it points into
      subject = &subject_tmp;
    }
    bool hit = false;
    for (const auto& when : n.whens) {
      for (const Expr* e : when.values) {
        Value tmp;
        const Value* v = eval(*e, tmp);
        if (!v) return Flow::kError;
        if (equals(*subject, ExprKind::kLiteral, *v, e->kind)) {
          hit = true;
          Flow f = render_block(when.body);
          if (f != Flow::kNormal) return f;
          break;
        }
      }
    }
    if (!hit) return render_block(n.else_body);
    return Flow::kNormal;
  }

  // The items a `for`/`tablerow` iterates: an array's elements (by pointer),
  // a range's integers, an object's [key, value] pairs, or a non-empty string
  // as a single item (LiquidJS's toEnumerable).
  struct Items {
    Value holder;  // keeps the collection alive while we point into it
    const Array* array = nullptr;
    const Object* object = nullptr;
    bool is_range = false;
    std::int64_t range_lo = 0;
    std::int64_t count = 0;

    const Value* at(std::int64_t i, Value& scratch) const {
      if (array) return &(*array)[static_cast<std::size_t>(i)];
      if (is_range) {
        scratch = Value(range_lo + i);
        return &scratch;
      }
      if (object) {
        const auto& [k, v] = object->entries()[static_cast<std::size_t>(i)];
        scratch = Value(Array{Value(k), v});
        return &scratch;
      }
      return &holder;  // the single string
    }
  };

  bool collect_items(const Expr& e, Items& items) {
    if (e.kind == ExprKind::kRange) {
      double lo = 0, hi = 0;
      if (!range_bounds(e, lo, hi)) return false;
      items.is_range = true;
      items.range_lo = static_cast<std::int64_t>(lo);
      items.count = hi >= lo ? static_cast<std::int64_t>(hi - lo) + 1 : 0;
      return true;
    }
    const Value* v = eval(e, items.holder);
    if (!v) return false;
    if (v != &items.holder) items.holder = *v;
    switch (items.holder.kind()) {
      case Value::Kind::kArray:
        items.array = &items.holder.as_array();
        items.count = static_cast<std::int64_t>(items.array->size());
        break;
      case Value::Kind::kObject:
        items.object = &items.holder.as_object();
        items.count = static_cast<std::int64_t>(items.object->size());
        break;
      case Value::Kind::kString:
        items.count = items.holder.as_string().empty() ? 0 : 1;
        break;
      default:
        items.count = 0;
        break;
    }
    return true;
  }

  bool number_of(const Expr* e, double& out) {
    Value tmp;
    const Value* v = eval(*e, tmp);
    if (!v) return false;
    out = v->to_number();
    return true;
  }

  std::int64_t* continue_slot(const std::string& key) {
    for (auto& [k, v] : scope_->continue_offsets) {
      if (*k == key) return &v;
    }
    scope_->continue_offsets.emplace_back(&key, 0);
    return &scope_->continue_offsets.back().second;
  }

  Flow render_for(const ForNode& n) {
    Items items;
    if (!collect_items(*n.collection, items)) return Flow::kError;
    if (items.count == 0) return render_block(n.else_body);
    std::int64_t begin = 0, end = items.count;
    std::int64_t* slot = continue_slot(n.continue_key);
    double raw_offset = 0;
    if (n.offset_continue) {
      raw_offset = static_cast<double>(*slot);
    } else if (n.offset_expr && !number_of(n.offset_expr, raw_offset)) {
      return Flow::kError;
    }
    if (n.offset_continue || n.offset_expr) begin = slice_index(raw_offset, items.count);
    if (n.limit) {
      double limit = 0;
      if (!number_of(n.limit, limit)) return Flow::kError;
      std::int64_t len = end - begin;
      end = begin + std::max<std::int64_t>(0, slice_index(limit, len));
    }
    const std::int64_t length = std::max<std::int64_t>(0, end - begin);
    *slot = (std::isnan(raw_offset) ? 0 : static_cast<std::int64_t>(raw_offset)) + length;

    LoopState loop;
    loop.length = length;
    loop.var = n.var;
    loop.collection_text = n.collection_text;
    loop.parent = scope_->current_loop;
    return run_loop(n.var, "forloop", loop, items, begin, length, n.reversed, n.body, n.offset);
  }

  Flow run_loop(std::string_view var, std::string_view loop_name, LoopState& loop,
                const Items& items, std::int64_t begin, std::int64_t length, bool reversed,
                const Block& body, std::uint32_t offset) {
    Frame frame;
    frame.kind = Frame::Kind::kLoop;
    frame.var = var;
    frame.loop_name = loop_name;
    frame.loop = &loop;
    const std::size_t frame_index = scope_->frames.size();
    scope_->frames.push_back(frame);
    const LoopState* saved_loop = scope_->current_loop;
    scope_->current_loop = &loop;
    Value scratch;
    Flow result = Flow::kNormal;
    for (std::int64_t i = 0; i < length; ++i) {
      std::int64_t idx = reversed ? begin + length - 1 - i : begin + i;
      scope_->frames[frame_index].item = items.at(idx, scratch);
      loop.index0 = i;
      Flow f = render_block(body);
      if (f == Flow::kError) {
        result = f;
        break;
      }
      if (f == Flow::kBreak) break;
      if (output_too_big()) {
        result = fail_output(offset);
        break;
      }
      if (out_of_time()) {
        result = fail_time(offset);
        break;
      }
    }
    scope_->current_loop = saved_loop;
    scope_->frames.resize(frame_index);
    return result;
  }

  Flow render_tablerow(const ForNode& n) {
    Items items;
    if (!collect_items(*n.collection, items)) return Flow::kError;
    double offset = 0, limit = static_cast<double>(items.count), cols = 0;
    if (n.offset_expr && !number_of(n.offset_expr, offset)) return Flow::kError;
    if (n.limit && !number_of(n.limit, limit)) return Flow::kError;
    if (n.cols && !number_of(n.cols, cols)) return Flow::kError;
    // LiquidJS: collection.slice(offset, offset + limit).
    std::int64_t begin = slice_index(offset, items.count);
    std::int64_t end = slice_index(offset + limit, items.count);
    std::int64_t length = std::max<std::int64_t>(0, end - begin);
    LoopState loop;
    loop.tablerow = true;
    loop.length = length;
    loop.cols = (std::isnan(cols) || cols < 1) ? length : static_cast<std::int64_t>(cols);
    loop.var = n.var;
    loop.collection_text = n.collection_text;
    loop.parent = scope_->current_loop;

    Frame frame;
    frame.kind = Frame::Kind::kLoop;
    frame.var = n.var;
    frame.loop_name = "tablerowloop";
    frame.loop = &loop;
    const std::size_t frame_index = scope_->frames.size();
    scope_->frames.push_back(frame);
    Value scratch;
    Flow result = Flow::kNormal;
    std::string& out = *out_;
    for (std::int64_t i = 0; i < length; ++i) {
      loop.index0 = i;
      scope_->frames[frame_index].item = items.at(begin + i, scratch);
      const std::int64_t col0 = i % loop.cols;
      const std::int64_t row = i / loop.cols + 1;
      if (col0 == 0) {
        if (row != 1) out += "</tr>";
        out += "<tr class=\"row";
        out += std::to_string(row);
        out += "\">";
      }
      out += "<td class=\"col";
      out += std::to_string(col0 + 1);
      out += "\">";
      Flow f = render_block(n.body);
      if (f == Flow::kError) {
        result = f;
        break;
      }
      out += "</td>";
      if (f == Flow::kBreak) break;
      if (output_too_big()) {
        result = fail_output(n.offset);
        break;
      }
      if (out_of_time()) {
        result = fail_time(n.offset);
        break;
      }
    }
    if (result != Flow::kError && length > 0) out += "</tr>";
    scope_->frames.resize(frame_index);
    return result;
  }

  Flow render_counter(const CounterNode& n) {
    Value* c = scope_->counters.find(n.name);
    if (!c) {
      Value start = std::int64_t{0};
      if (scope_->data && scope_->data->is_object()) {
        if (const Value* d = scope_->data->as_object().find(n.name); d && d->is_number()) {
          start = *d;
        }
      }
      c = &scope_->counters.set(std::string(n.name), std::move(start));
    }
    auto step = [&](Value& v) {
      if (v.is_int())
        v = Value(v.as_int() + n.delta);
      else
        v = Value(v.as_float() + n.delta);
    };
    if (n.delta > 0) {
      c->append_output(*out_);
      step(*c);
    } else {
      step(*c);
      c->append_output(*out_);
    }
    return Flow::kNormal;
  }

  Flow render_cycle(const CycleNode& n) {
    std::string key;
    if (n.group) {
      Value tmp;
      const Value* g = eval(*n.group, tmp);
      if (!g) return Flow::kError;
      key = g->to_output();
    }
    key += '\x1f';
    key += n.fingerprint;
    std::size_t* idx = nullptr;
    for (auto& [k, v] : scope_->cycles) {
      if (k == key) idx = &v;
    }
    if (!idx) {
      scope_->cycles.emplace_back(std::move(key), 0);
      idx = &scope_->cycles.back().second;
    }
    const Filtered& candidate = n.values[*idx];
    *idx = (*idx + 1) % n.values.size();
    Value tmp;
    const Value* v = eval_filtered(candidate, tmp);
    if (!v) return Flow::kError;
    v->append_output(*out_);
    return Flow::kNormal;
  }

  // The file name of include/render/layout, rendered or evaluated in the
  // caller's scope. False (with error_ set) on failure.
  bool partial_name(const PartialName& pn, std::string& name) {
    if (pn.markup) {
      std::string buffer;
      std::string* saved_out = out_;
      const Template* saved_tpl = tpl_;
      out_ = &buffer;
      if (pn.markup_tpl) tpl_ = pn.markup_tpl;
      Flow f = render_block(*pn.markup);
      out_ = saved_out;
      tpl_ = saved_tpl;
      if (f == Flow::kError) return false;
      name = std::move(buffer);
    } else if (pn.expr) {
      Value tmp;
      const Value* v = eval(*pn.expr, tmp);
      if (!v) return false;
      name = v->to_output();
    } else {
      name = pn.literal;
    }
    if (name.empty()) {
      fail(pn.offset, "the partial name is empty");
      return false;
    }
    return true;
  }

  // The parsed partial (or layout) `name`, or nullptr with error_ set.
  const Template* load_partial(const std::string& name, const Node& n, std::uint32_t name_offset) {
    if (depth_ >= opts_.max_partial_depth) {
      fail(n.offset, "partials nested more than " + std::to_string(opts_.max_partial_depth) +
                         " deep while rendering '" + name + "' (does a partial include itself?)");
      return nullptr;
    }
    auto loaded = engine_.partial(name);
    if (!loaded) {
      if (loaded.error().kind == ErrorKind::kTemplate && loaded.error().where.line > 0) {
        error_ = std::move(loaded).error();  // a parse error inside the partial
        return nullptr;
      }
      fail(name_offset, "cannot load partial '" + name + "': " + loaded.error().message);
      return nullptr;
    }
    // The engine's cache keeps the template alive for the engine's lifetime.
    return loaded->get();
  }

  // `key: value` arguments, evaluated in the caller's scope.
  bool eval_args(const NamedArgs& named, Object& args) {
    for (const auto& [k, e] : named) {
      if (!e) {
        args.set(std::string(k), Value(true));
        continue;
      }
      Value tmp;
      const Value* v = eval(*e, tmp);
      if (!v) return false;
      args.set(std::string(k), v == &tmp ? std::move(tmp) : *v);
    }
    return true;
  }

  Flow render_partial(const PartialNode& n) {
    std::string name;
    if (!partial_name(n.name, name)) return Flow::kError;
    const Template* loaded = load_partial(name, n, n.name.offset);
    if (!loaded) return Flow::kError;
    const Template& partial = *loaded;

    Object args;
    if (!eval_args(n.args, args)) return Flow::kError;
    const std::string_view binding = n.alias.empty() ? std::string_view(name) : n.alias;
    if (n.with) {
      Value tmp;
      const Value* v = eval(*n.with, tmp);
      if (!v) return Flow::kError;
      args.set(std::string(binding), v == &tmp ? std::move(tmp) : *v);
    }
    Items items;
    if (n.for_collection && !collect_items(*n.for_collection, items)) return Flow::kError;

    Scope child;
    Scope* saved_scope = scope_;
    const Template* saved_tpl = tpl_;
    std::size_t saved_frames = scope_->frames.size();
    if (n.isolated) {
      child.locals = std::move(args);
      scope_ = &child;
    } else {
      Frame frame;
      frame.kind = Frame::Kind::kObject;
      frame.object = &args;
      scope_->frames.push_back(frame);
    }
    tpl_ = &partial;
    ++depth_;
    Flow f;
    if (n.for_collection) {
      LoopState loop;
      loop.length = items.count;
      loop.var = binding;
      loop.collection_text = n.for_text;
      loop.parent = n.isolated ? nullptr : scope_->current_loop;
      f = run_loop(binding, "forloop", loop, items, 0, items.count, false, partial.root(),
                   n.offset);
    } else {
      f = render_block(partial.root());
    }
    --depth_;
    tpl_ = saved_tpl;
    scope_ = saved_scope;
    scope_->frames.resize(saved_frames);
    if (f == Flow::kError) return f;
    // `break`/`continue` escape an include (shared context) but not a render.
    return n.isolated ? Flow::kNormal : f;
  }

  // ---- layout and block -----------------------------------------------------
  // As LiquidJS 10: `layout` renders the rest of its template with blocks
  // stored instead of output (the rendered text becomes the anonymous
  // block unless the template defines one), then renders the layout file in
  // the same scope plus the layout's arguments; each block of the layout
  // outputs the stored block of that name if any (with `block.super` the
  // layout's own content), else its own content.

  // Rare tags stay out of line so that render_node's hot cases inline well.
  [[gnu::noinline]] Flow render_layout(const LayoutNode& n) {
    if (n.none) {
      scope_->store_blocks = false;
      return render_block(n.body);
    }
    std::string name;
    if (!partial_name(n.name, name)) return Flow::kError;
    const Template* layout = load_partial(name, n, n.name.offset);
    if (!layout) return Flow::kError;

    scope_->store_blocks = true;
    std::string html;
    std::string* saved_out = out_;
    out_ = &html;
    Flow body = render_block(n.body);
    out_ = saved_out;
    if (body == Flow::kError) return body;
    if (!find_block({})) {
      StoredBlock& anonymous = *scope_->block_store.emplace_back(std::make_unique<StoredBlock>());
      anonymous.html = std::move(html);
      scope_->blocks.emplace_back(std::string_view(), &anonymous);
    }
    scope_->store_blocks = false;

    Object args;
    if (!eval_args(n.args, args)) return Flow::kError;
    Frame frame;
    frame.kind = Frame::Kind::kObject;
    frame.object = &args;
    const std::size_t saved_frames = scope_->frames.size();
    scope_->frames.push_back(frame);
    const Template* saved_tpl = tpl_;
    tpl_ = layout;
    ++depth_;
    Flow f = render_block(layout->root());
    --depth_;
    tpl_ = saved_tpl;
    scope_->frames.resize(saved_frames);
    if (f == Flow::kNormal && output_too_big()) return fail_output(n.offset);
    return f;
  }

  const StoredBlock* find_block(std::string_view name) const {
    for (const auto& [k, b] : scope_->blocks) {
      if (k == name) return b;
    }
    return nullptr;
  }

  [[gnu::noinline]] Flow render_block_tag(const BlockNode& n) {
    const StoredBlock* child = find_block(n.name);
    if (scope_->store_blocks) {
      StoredBlock& stored = *scope_->block_store.emplace_back(std::make_unique<StoredBlock>());
      stored.tpl = tpl_;
      stored.node = &n;
      stored.child = child;
      for (auto& [k, b] : scope_->blocks) {
        if (k == n.name) {
          b = &stored;
          return Flow::kNormal;
        }
      }
      scope_->blocks.emplace_back(n.name, &stored);
      return Flow::kNormal;
    }
    const SuperBlock none;
    if (!child) return render_block_content(tpl_, n, none);
    const SuperBlock own{tpl_, &n, &none};
    return render_stored(*child, own);
  }

  // A stored block, whose `block.super` is `super`.
  Flow render_stored(const StoredBlock& b, const SuperBlock& super) {
    if (!b.node) {
      out_->append(b.html);
      return Flow::kNormal;
    }
    if (!b.child) return render_block_content(b.tpl, *b.node, super);
    const SuperBlock own{b.tpl, b.node, &super};
    return render_stored(*b.child, own);
  }

  Flow render_block_content(const Template* tpl, const BlockNode& n, const SuperBlock& super) {
    auto& stack = scope_->block_stack;
    if (std::find(stack.begin(), stack.end(), &n) != stack.end()) {
      const Template* saved = tpl_;
      tpl_ = tpl;
      fail(n.offset, "block '" + std::string(n.name) + "' cannot be nested in itself");
      tpl_ = saved;
      return Flow::kError;
    }
    stack.push_back(&n);
    Frame frame;
    frame.kind = Frame::Kind::kBlock;
    frame.super = &super;
    const std::size_t saved_frames = scope_->frames.size();
    scope_->frames.push_back(frame);
    const Template* saved_tpl = tpl_;
    tpl_ = tpl;
    Flow f = render_block(n.body);
    tpl_ = saved_tpl;
    scope_->frames.resize(saved_frames);
    stack.pop_back();
    return f;
  }

  // `{{ block.super }}`: the overridden content, rendered to a string.
  const Value* render_super(const SuperBlock& super, Value& tmp) {
    std::string buffer;
    if (super.node) {
      std::string* saved_out = out_;
      out_ = &buffer;
      Flow f = render_block_content(super.tpl, *super.node, *super.outer);
      out_ = saved_out;
      if (f == Flow::kError) return nullptr;
    }
    tmp = Value(std::move(buffer));
    return &tmp;
  }

  // ---- the *_exp filters ----------------------------------------------------

  // The parsed expression of a *_exp filter call and the template its
  // offsets refer to; a non-literal expression is parsed here (once per
  // distinct text and render).
  bool exp_expression(const FilterCall& call, const Filtered*& expr, const Template*& tpl) {
    const ExpCall& exp = *call.exp;
    if (exp.expr) {
      expr = exp.expr;
      tpl = exp.tpl ? exp.tpl : tpl_;
      return true;
    }
    Value tmp;
    const Value* v = eval(*call.args[1], tmp);
    if (!v) return false;
    std::string text = v->to_output();
    auto it = exp_cache_.find(text);
    if (it == exp_cache_.end()) {
      auto parsed = parse_expression_template(
          engine_, text, tpl_->name() + " (" + std::string(exp.name) + " expression)");
      if (!parsed) {
        fail(call.offset, "cannot parse the expression of '" + std::string(exp.name) + "' (" +
                              text + "): " + parsed.error().message);
        return false;
      }
      it = exp_cache_.emplace(std::move(text), std::move(*parsed)).first;
    }
    tpl = it->second.get();
    expr = &static_cast<const OutputNode*>(tpl->root().front())->value;
    return true;
  }

  // Runs a *_exp filter on `input`, leaving the result in `out`.
  [[gnu::noinline]] bool apply_exp_filter(const FilterCall& call, const Value& input, Value& out) {
    Value name_tmp;
    const Value* name_value = eval(*call.args[0], name_tmp);
    if (!name_value) return false;
    const std::string item_name = name_value->to_output();
    const Filtered* expr = nullptr;
    const Template* expr_tpl = nullptr;
    if (!exp_expression(call, expr, expr_tpl)) return false;
    const ExpFilter kind = call.exp->kind;

    // LiquidJS: toEnumerable() for group_by_exp, toArray() for the others.
    Array items;
    if (kind != ExpFilter::kGroupBy) {
      items = filters::to_array(input);
    } else if (input.is_array()) {
      items = input.as_array();
    } else if (input.is_string() && !input.as_string().empty()) {
      items.push_back(input);
    } else if (input.is_object()) {
      for (const auto& [k, v] : input.as_object()) items.push_back(Value(Array{Value(k), v}));
    }

    Frame frame;
    frame.kind = Frame::Kind::kVar;
    frame.var = item_name;
    const std::size_t frame_index = scope_->frames.size();
    scope_->frames.push_back(frame);
    const Template* saved_tpl = tpl_;
    tpl_ = expr_tpl;
    Array selected;
    std::vector<std::pair<Value, Array>> groups;
    std::int64_t found = -1;
    bool ok = true;
    for (std::size_t i = 0; i < items.size() && found < 0; ++i) {
      scope_->frames[frame_index].item = &items[i];
      Value tmp;
      const Value* v = eval_filtered(*expr, tmp);
      if (!v) {
        ok = false;
        break;
      }
      switch (kind) {
        case ExpFilter::kWhere:
        case ExpFilter::kReject:
          // LiquidJS keeps an item when the value is *exactly* true (where)
          // or false (reject): other values select nothing either way.
          if (v->is_bool() && v->as_bool() == (kind == ExpFilter::kWhere)) {
            selected.push_back(items[i]);
          }
          break;
        case ExpFilter::kGroupBy: {
          auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& group) {
            return filters::same_value_zero(group.first, *v);
          });
          if (g == groups.end()) {
            groups.emplace_back(*v, Array{});
            g = groups.end() - 1;
          }
          g->second.push_back(items[i]);
          break;
        }
        default:
          // has_exp, find_exp, find_index_exp: JavaScript's `if (value)`.
          if (v->js_truthy()) found = static_cast<std::int64_t>(i);
          break;
      }
    }
    tpl_ = saved_tpl;
    scope_->frames.resize(frame_index);
    if (!ok) return false;
    switch (kind) {
      case ExpFilter::kGroupBy: {
        Array result;
        result.reserve(groups.size());
        for (auto& [key, members] : groups) {
          Object group;
          group.set("name", std::move(key));
          group.set("items", Value(std::move(members)));
          result.emplace_back(std::move(group));
        }
        out = Value(std::move(result));
        break;
      }
      case ExpFilter::kHas:
        out = Value(found >= 0);
        break;
      case ExpFilter::kFind:
        out = found >= 0 ? items[static_cast<std::size_t>(found)] : Value();
        break;
      case ExpFilter::kFindIndex:
        out = found >= 0 ? Value(found) : Value();
        break;
      default:
        out = Value(std::move(selected));
        break;
    }
    return true;
  }

  // ---- expressions --------------------------------------------------------

  const Value* eval_filtered(const Filtered& f, Value& tmp) {
    const Value* v = eval(*f.expr, tmp);
    if (!v) return nullptr;
    for (const FilterCall& call : f.filters) {
      if (call.exp) {
        Value result;
        if (!apply_exp_filter(call, *v, result)) return nullptr;
        tmp = std::move(result);
        v = &tmp;
        continue;
      }
      FilterArgs args;
      std::vector<Value> positional;
      std::vector<std::pair<std::string, Value>> named;
      if (call.constant_args) {
        args.positional = call.const_args;
        args.named = call.const_named;
      } else {
        positional.reserve(call.args.size());
        for (const Expr* a : call.args) {
          Value at;
          const Value* av = eval(*a, at);
          if (!av) return nullptr;
          positional.push_back(av == &at ? std::move(at) : *av);
        }
        for (const auto& [k, a] : call.named) {
          Value at;
          const Value* av = eval(*a, at);
          if (!av) return nullptr;
          named.emplace_back(k, av == &at ? std::move(at) : *av);
        }
        args.positional = positional;
        args.named = named;
      }
      Result<Value> r = call.entry->fn(*v, args, opts_.filter_context);
      if (!r) return fail_value(call.offset, std::move(r.error().message));
      tmp = std::move(*r);
      v = &tmp;
    }
    return v;
  }

  const Value* eval(const Expr& e, Value& tmp) {
    switch (e.kind) {
      case ExprKind::kLiteral:
      case ExprKind::kEmpty:
      case ExprKind::kBlank:
        return &e.literal;
      case ExprKind::kPath:
        return eval_path(e, tmp);
      case ExprKind::kRange: {
        double lo = 0, hi = 0;
        if (!range_bounds(e, lo, hi)) return nullptr;
        Array a;
        for (double i = lo; i <= hi; ++i) a.emplace_back(static_cast<std::int64_t>(i));
        tmp = Value(std::move(a));
        return &tmp;
      }
      case ExprKind::kNot: {
        Value t;
        const Value* v = eval(*e.lhs, t);
        if (!v) return nullptr;
        tmp = Value(!v->truthy());
        return &tmp;
      }
      case ExprKind::kBinary: {
        Value lt, rt;
        const Value* l = eval(*e.lhs, lt);
        if (!l) return nullptr;
        const Value* r = eval(*e.rhs, rt);
        if (!r) return nullptr;
        tmp = Value(binary(e.op, *l, *e.lhs, *r, *e.rhs));
        return &tmp;
      }
    }
    return &nil_value();
  }

  bool range_bounds(const Expr& e, double& lo, double& hi) {
    Value lt, ht;
    const Value* l = eval(*e.lhs, lt);
    if (!l) return false;
    const Value* h = eval(*e.rhs, ht);
    if (!h) return false;
    lo = std::trunc(l->to_number());
    hi = std::trunc(h->to_number());
    if (std::isnan(lo) || std::isnan(hi)) {
      lo = 0;
      hi = -1;
    }
    if (hi - lo + 1 > kMaxRange) {
      fail(e.offset, "range is too large (" + format_number(hi - lo + 1) + " items)");
      return false;
    }
    return true;
  }

  static bool is_special(ExprKind k) { return k == ExprKind::kEmpty || k == ExprKind::kBlank; }

  // What an operand is for the comparison operators: the `empty`/`blank`
  // keywords, the `nil` keyword (LiquidJS's NullDrop: never ordered), an
  // undefined variable (JavaScript's undefined: never ordered), or a value.
  enum class Operand : std::uint8_t { kValue, kEmpty, kBlank, kNilKeyword, kUndefined };

  static Operand operand_kind(const Expr& e, const Value* v) {
    if (e.kind == ExprKind::kEmpty) return Operand::kEmpty;
    if (e.kind == ExprKind::kBlank) return Operand::kBlank;
    if (e.kind == ExprKind::kLiteral && e.literal.is_nil()) return Operand::kNilKeyword;
    if (v == &undefined_value()) return Operand::kUndefined;
    return Operand::kValue;
  }

  static bool special_equals(ExprKind special, const Value& v) {
    if (special == ExprKind::kBlank) return v.is_blank();
    return v.is_empty();
  }

  static bool equals(const Value& l, ExprKind lk, const Value& r, ExprKind rk) {
    if (is_special(lk)) return is_special(rk) ? false : special_equals(lk, r);
    if (is_special(rk)) return special_equals(rk, l);
    return l == r;
  }

  // `l` and `r` are the values of `le` and `re` as eval() returned them (by
  // address: the undefined sentinel is recognised by it).
  static bool binary(BinOp op, const Value& l, const Expr& le, const Value& r, const Expr& re) {
    const ExprKind lk = le.kind;
    const ExprKind rk = re.kind;
    switch (op) {
      case BinOp::kAnd:
        return l.truthy() && r.truthy();
      case BinOp::kOr:
        return l.truthy() || r.truthy();
      case BinOp::kEq:
        return equals(l, lk, r, rk);
      case BinOp::kNe:
        return !equals(l, lk, r, rk);
      case BinOp::kContains:
        if (l.is_array()) {
          for (const Value& item : l.as_array()) {
            if (equals(item, ExprKind::kLiteral, r, rk)) return true;
          }
          return false;
        }
        if (l.is_string() && !r.is_nil()) {
          if (r.is_string()) return l.as_string().find(r.as_string()) != std::string::npos;
          return l.as_string().find(r.to_output()) != std::string::npos;
        }
        return false;
      default:
        break;
    }
    // Ordering, as LiquidJS: the empty/blank/nil keywords are drops whose
    // lt/gt/… are always false, and so is undefined (NaN in JavaScript);
    // everything else goes through JavaScript's relational operators (null
    // is 0, booleans 0/1, arrays and objects their String() form, two
    // strings compare as strings, anything else as numbers).
    if (operand_kind(le, &l) != Operand::kValue || operand_kind(re, &r) != Operand::kValue) {
      return false;
    }
    // Fast paths for the common cases (same results as the general one;
    // integers compare exactly, as they print).
    if (l.is_int() && r.is_int()) return ordered(op, l.as_int(), r.as_int());
    if (l.is_number() && r.is_number()) return ordered(op, l.to_number(), r.to_number());
    if (l.is_string() && r.is_string()) {
      return ordered(op, std::string_view(l.as_string()), std::string_view(r.as_string()));
    }
    switch (op) {
      case BinOp::kLt:
        return filters::js_less(l, r);
      case BinOp::kGt:
        return filters::js_less(r, l);
      case BinOp::kLe:
        return js_ordered(l, r) && !filters::js_less(r, l);
      case BinOp::kGe:
        return js_ordered(l, r) && !filters::js_less(l, r);
      default:
        return false;
    }
  }

  // `<`, `>`, `<=`, `>=` on two values of one ordered type (NaN: all false).
  template <typename T>
  static bool ordered(BinOp op, const T& a, const T& b) {
    switch (op) {
      case BinOp::kLt:
        return a < b;
      case BinOp::kGt:
        return a > b;
      case BinOp::kLe:
        return a <= b;
      case BinOp::kGe:
        return a >= b;
      default:
        return false;
    }
  }

  // False when JavaScript's `<=`/`>=` is false whatever the order: a NaN
  // on either side once the operands are not both strings.
  static bool js_ordered(const Value& l, const Value& r) {
    auto stringish = [](const Value& v) { return v.is_string() || v.is_array() || v.is_object(); };
    if (stringish(l) && stringish(r)) return true;
    auto number = [](const Value& v) {
      if (v.is_array()) return parse_js_number(filters::js_string(v));
      if (v.is_object()) return std::nan("");
      return v.to_number();
    };
    return !std::isnan(number(l)) && !std::isnan(number(r));
  }

  // Finds a root variable: loop frames, include/layout arguments, *_exp
  // items and `block` (innermost first), then assigned locals, counters, the
  // data, and last the engine's globals (visible in `render` too, as
  // LiquidJS's globals option).
  // A loop object sets *loop and returns nullptr; so does `block` inside a
  // block, with *loop = &block_loop_ (and block_super_ set).
  const Value* lookup_root(std::string_view name, const LoopState** loop) {
    for (auto it = scope_->frames.rbegin(); it != scope_->frames.rend(); ++it) {
      if (it->kind == Frame::Kind::kLoop) {
        if (it->var == name) return it->item;
        if (it->loop_name == name) {
          *loop = it->loop;
          return nullptr;
        }
      } else if (it->kind == Frame::Kind::kObject) {
        if (const Value* v = it->object->find(name)) return v;
      } else if (it->kind == Frame::Kind::kVar) {
        if (it->var == name) return it->item;
      } else if (name == "block") {
        block_super_ = it->super;
        *loop = &block_loop_;
        return nullptr;
      }
    }
    if (const Value* v = scope_->locals.find(name)) return v;
    if (!scope_->counters.empty()) {
      if (const Value* v = scope_->counters.find(name)) return v;
    }
    const Value* v =
        scope_->data && scope_->data->is_object() ? scope_->data->as_object().find(name) : nullptr;
    if (v || !globals_) return v;
    return globals_->find(name);
  }

  // The key of path segment `seg` (constant or evaluated into `key_tmp`).
  const Value* segment_key(const PathSeg& seg, Value& key_tmp) {
    if (!seg.dynamic) return &seg.key;
    return eval(*seg.dynamic, key_tmp);
  }

  const Value* undefined(const Expr& e, std::size_t segs_done) {
    if (!opts_.strict_variables) return &undefined_value();
    std::string path(e.root);
    if (e.base)
      path = std::string_view(tpl_->source()).substr(e.base->offset, e.base->end - e.base->offset);
    for (std::size_t i = 0; i < segs_done && i < e.segs.size(); ++i) {
      const PathSeg& s = e.segs[i];
      if (s.dynamic) {
        path += '[';
        path += std::string_view(tpl_->source())
                    .substr(s.dynamic->offset, s.dynamic->end - s.dynamic->offset);
        path += ']';
      } else if (s.key.is_string() && i + 1 <= e.segs.size() &&
                 tpl_->source().compare(s.offset, 1, "[") != 0) {
        if (!path.empty()) path += '.';
        path += s.key.as_string();
      } else {
        path += '[';
        path += s.key.is_string() ? "\"" + s.key.as_string() + "\"" : s.key.to_output();
        path += ']';
      }
    }
    return fail_value(e.offset, "undefined variable '" + path + "'");
  }

  const Value* eval_path(const Expr& e, Value& tmp) {
    const Value* cur = nullptr;
    std::size_t i = 0;
    if (e.base) {
      cur = eval(*e.base, tmp);
      if (!cur) return nullptr;
    } else {
      const LoopState* loop = nullptr;
      if (!e.root.empty()) {
        cur = lookup_root(e.root, &loop);
      } else {
        // `["name"]`: the first segment names the variable.
        Value key_tmp;
        const Value* key = segment_key(e.segs[0], key_tmp);
        if (!key) return nullptr;
        std::string name = key->to_output();
        cur = lookup_root(name, &loop);
        i = 1;
        if (loop && loop != &block_loop_) {
          tmp = loop_object(*loop);
          cur = &tmp;
          loop = nullptr;
        }
      }
      if (loop && loop == &block_loop_) {
        // `block.super` renders the overridden content; `block` alone is an
        // object (LiquidJS prints its BlockDrop as "[object Object]").
        loop = nullptr;
        if (!eval_block_variable(e, i, tmp, cur)) return nullptr;
      }
      if (loop) {
        // forloop.parentloop…, forloop.index, …: computed, never stored.
        while (loop && i < e.segs.size()) {
          Value key_tmp;
          const Value* key = segment_key(e.segs[i], key_tmp);
          if (!key) return nullptr;
          if (!key->is_string()) break;
          const std::string& k = key->as_string();
          ++i;
          if (k == "parentloop") {
            loop = loop->parent;
            if (!loop) cur = &nil_value();
            continue;
          }
          bool found = false;
          Value v = loop_property(*loop, k, found);
          if (!found) return undefined(e, i);
          tmp = std::move(v);
          cur = &tmp;
          loop = nullptr;
        }
        if (loop) {
          tmp = loop_object(*loop);
          cur = &tmp;
        }
      }
      if (!cur) return undefined(e, i);
    }
    for (; i < e.segs.size(); ++i) {
      Value key_tmp;
      const Value* key = segment_key(e.segs[i], key_tmp);
      if (!key) return nullptr;
      bool computed = false;
      Value computed_value;
      const Value* next = read_property(*cur, *key, computed, computed_value);
      if (computed) {
        tmp = std::move(computed_value);
        cur = &tmp;
        continue;
      }
      if (!next) return undefined(e, i + 1);
      cur = next;
    }
    return cur;
  }

  // `block` (path segment i onwards) inside a block: sets `cur`; false on error.
  bool eval_block_variable(const Expr& e, std::size_t& i, Value& tmp, const Value*& cur) {
    const SuperBlock* super = block_super_;
    if (i >= e.segs.size()) {
      tmp = Value(Object{});
      cur = &tmp;
      return true;
    }
    Value key_tmp;
    const Value* key = segment_key(e.segs[i], key_tmp);
    if (!key) return false;
    ++i;
    if (!key->is_string() || key->as_string() != "super") {
      cur = undefined(e, i);
      return cur != nullptr;
    }
    cur = render_super(*super, tmp);
    return cur != nullptr;
  }

  // LiquidJS readProperty: returns a pointer into `obj`, or sets `computed`
  // and fills `out` (size, string characters), or nullptr for undefined.
  static const Value* read_property(const Value& obj, const Value& key, bool& computed,
                                    Value& out) {
    switch (obj.kind()) {
      case Value::Kind::kNil:
        return &obj;  // nil.anything is nil, not undefined
      case Value::Kind::kArray: {
        const Array& a = obj.as_array();
        std::int64_t index = 0;
        bool has_index = false;
        if (key.is_int()) {
          index = key.as_int();
          has_index = true;
        } else if (key.is_float() && std::trunc(key.as_float()) == key.as_float()) {
          index = static_cast<std::int64_t>(key.as_float());
          has_index = true;
        } else if (key.is_string()) {
          const std::string& k = key.as_string();
          if (k == "size" || k == "length") {
            computed = true;
            out = Value(static_cast<std::int64_t>(a.size()));
            return nullptr;
          }
          if (k == "first") return a.empty() ? nullptr : &a.front();
          if (k == "last") return a.empty() ? nullptr : &a.back();
          if (parse_index(k, index))
            return index < static_cast<std::int64_t>(a.size()) ? &a[static_cast<std::size_t>(index)]
                                                               : nullptr;
          return nullptr;
        }
        if (!has_index) return nullptr;
        if (index < 0) index += static_cast<std::int64_t>(a.size());
        if (index < 0 || index >= static_cast<std::int64_t>(a.size())) return nullptr;
        return &a[static_cast<std::size_t>(index)];
      }
      case Value::Kind::kString: {
        const std::string& s = obj.as_string();
        std::int64_t index = -1;
        if (key.is_string()) {
          const std::string& k = key.as_string();
          if (k == "size" || k == "length") {
            computed = true;
            out = Value(utf16_length(s));
            return nullptr;
          }
          if (!parse_index(k, index)) return nullptr;
        } else if (key.is_number()) {
          double d = key.to_number();
          if (std::trunc(d) != d || d < 0) return nullptr;
          index = static_cast<std::int64_t>(d);
        } else {
          return nullptr;
        }
        std::string ch;
        if (!utf16_char_at(s, index, ch)) return nullptr;
        computed = true;
        out = Value(std::move(ch));
        return nullptr;
      }
      case Value::Kind::kObject: {
        const Object& o = obj.as_object();
        if (key.is_string()) {
          if (const Value* v = o.find(key.as_string())) return v;
          if (key.as_string() == "size") {
            computed = true;
            out = Value(static_cast<std::int64_t>(o.size()));
          }
          return nullptr;
        }
        return o.find(key.to_output());
      }
      default:
        return nullptr;
    }
  }

  const Engine& engine_;
  const Options& opts_;
  std::string* out_;
  const Object* globals_;  // Options::globals when it is an object
  Scope* scope_ = nullptr;
  const Template* tpl_ = nullptr;
  int depth_ = 0;
  Error error_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  unsigned iterations_ = 0;
  // What lookup_root() returns for `block` inside a block, and its super.
  const LoopState block_loop_;
  const SuperBlock* block_super_ = nullptr;
  // *_exp expressions computed at render time, parsed once per render.
  std::unordered_map<std::string, std::shared_ptr<const Template>> exp_cache_;
};

}  // namespace

Status render_template(const Engine& engine, const Template& tpl, const Value& data,
                       std::string& out) {
  Renderer r(engine, out);
  return r.run(tpl, data);
}

std::string render_time_limit_message(std::uint64_t limit_ms) {
  return "rendering took longer than the limit of " + std::to_string(limit_ms) +
         " ms (a loop that runs too long?); raise limits.renderTimeMs in hypergen.yml if this "
         "template is meant to be slow";
}

std::string output_limit_message(std::uint64_t limit_bytes) {
  return "output exceeds the limit of " + std::to_string(limit_bytes) + " bytes";
}

}  // namespace hypergen::liquid
