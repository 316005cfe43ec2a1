#pragma once
// The parsed form of a Liquid template: an immutable AST whose nodes live in
// an arena owned by the Template and point into the Template's own copy of
// the source (text nodes and names are string_views, never copies).
//
// Every node and expression keeps the byte offset it came from; line and
// column are computed only when an error is reported (liquid/error.h).
// Nothing here changes during a render, so one Template can be rendered by
// many threads at once; per-render state lives in the renderer's context.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "liquid/filter.h"
#include "liquid/value.h"

namespace hypergen::liquid {

// Bump allocator for AST nodes: objects are placed in 8 KiB blocks and
// destroyed together with the arena (in reverse order of creation).
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  template <typename T, typename... Args>
  T* make(Args&&... args) {
    void* mem = allocate(sizeof(T), alignof(T));
    T* obj = new (mem) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      dtors_.push_back({obj, [](void* p) { static_cast<T*>(p)->~T(); }});
    }
    return obj;
  }

 private:
  void* allocate(std::size_t size, std::size_t align);
  struct Dtor {
    void* obj;
    void (*fn)(void*);
  };
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* cur_ = nullptr;
  std::size_t left_ = 0;
  std::vector<Dtor> dtors_;
};

// ---- expressions ----------------------------------------------------------

enum class ExprKind : std::uint8_t {
  kLiteral,  // literal: a constant (string, number, bool, nil)
  kEmpty,    // the `empty` keyword
  kBlank,    // the `blank` keyword
  kPath,     // variable or property access: root[.seg|[expr]]*
  kRange,    // (lhs..rhs)
  kBinary,   // lhs op rhs
  kNot,      // not lhs
};

enum class BinOp : std::uint8_t { kEq, kNe, kLt, kGt, kLe, kGe, kContains, kAnd, kOr };

struct Expr;
struct Filtered;
class Template;

// One step of a property path: a constant key (`.name`, `["k"]`, `[0]`)
// or a key computed at render time (`[var]`).
struct PathSeg {
  Value key;                      // string or integer when constant
  const Expr* dynamic = nullptr;  // set for `[expr]` with a non-literal expr
  std::uint32_t offset = 0;
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  BinOp op = BinOp::kEq;
  std::uint32_t offset = 0;
  std::uint32_t end = 0;  // one past the last source byte
  Value literal;          // kLiteral
  // kPath: either a named root variable, or a base expression (`"s".size`,
  // `(1..3).first`), followed by segments.
  std::string_view root;
  const Expr* base = nullptr;
  std::vector<PathSeg> segs;
  const Expr* lhs = nullptr;  // kRange, kBinary, kNot
  const Expr* rhs = nullptr;  // kRange, kBinary
};

// The *_exp filters (`items | where_exp: "item", "item.price > 10"`): they
// evaluate a Liquid expression once per item, so the renderer runs them
// itself rather than through a FilterFn.
enum class ExpFilter : std::uint8_t { kNone, kWhere, kReject, kGroupBy, kHas, kFind, kFindIndex };

struct ExpCall {
  ExpFilter kind = ExpFilter::kNone;
  std::string_view name;  // as written (for messages)
  // A literal expression is parsed at parse time; its offsets refer to `tpl`
  // (a sub-template holding the unescaped string) when set, else to the
  // template holding the call. A computed expression (nullptr here) is
  // parsed when rendering.
  const Filtered* expr = nullptr;
  const Template* tpl = nullptr;
};

struct FilterCall {
  const FilterEntry* entry = nullptr;  // nullptr for the *_exp filters
  const ExpCall* exp = nullptr;        // set for the *_exp filters
  std::uint32_t offset = 0;
  std::vector<const Expr*> args;
  std::vector<std::pair<std::string, const Expr*>> named;
  // When every argument is a literal they are evaluated once, at parse time.
  bool constant_args = false;
  std::vector<Value> const_args;
  std::vector<std::pair<std::string, Value>> const_named;
};

// An expression followed by a filter chain: `x | f: a, k: b | g`.
struct Filtered {
  const Expr* expr = nullptr;
  std::vector<FilterCall> filters;
};

// ---- nodes ----------------------------------------------------------------

enum class NodeKind : std::uint8_t {
  kText,
  kOutput,  // {{ }} and echo
  kIf,      // if and unless
  kCase,
  kFor,
  kTablerow,
  kAssign,
  kCapture,
  kCounter,  // increment / decrement
  kCycle,
  kPartial,  // include / render
  kLayout,   // layout (its body is the rest of the template)
  kBlock,    // block … endblock
  kBreak,
  kContinue,
};

struct Node {
  NodeKind kind;
  std::uint32_t offset;
};

using Block = std::vector<const Node*>;

struct TextNode : Node {
  std::string_view text;
};

struct OutputNode : Node {
  Filtered value;
};

struct IfNode : Node {
  struct Branch {
    Filtered cond;
    bool negate = false;  // the first branch of `unless`
    Block body;
  };
  std::vector<Branch> branches;
  Block else_body;
};

struct CaseNode : Node {
  struct When {
    std::vector<const Expr*> values;
    Block body;
  };
  Filtered subject;
  std::vector<When> whens;
  Block else_body;
};

struct ForNode : Node {
  std::string_view var;
  std::string_view collection_text;  // for forloop.name and offset:continue
  const Expr* collection = nullptr;
  const Expr* limit = nullptr;
  const Expr* offset_expr = nullptr;
  const Expr* cols = nullptr;  // tablerow only
  bool offset_continue = false;
  bool reversed = false;
  std::string continue_key;  // "continue-<var>-<collection>": offset:continue register
  Block body;
  Block else_body;
};

struct AssignNode : Node {
  std::string_view name;
  Filtered value;
};

struct CaptureNode : Node {
  std::string name;
  Block body;
};

struct CounterNode : Node {
  std::string_view name;
  int delta = 1;  // +1 increment, -1 decrement
};

struct CycleNode : Node {
  const Expr* group = nullptr;
  std::vector<Filtered> values;
  std::string fingerprint;  // candidates' source text: cycles with equal text share state
};

// The file name of include/render/layout: a quoted name, a quoted name with
// `{{ }}`/`{% %}` markup (rendered as a template at render time, as LiquidJS
// does), or an unquoted expression evaluated at render time.
struct PartialName {
  std::string literal;                   // quoted, without markup
  const Block* markup = nullptr;         // quoted, with markup
  const Template* markup_tpl = nullptr;  // the template `markup` belongs to (nullptr: this one)
  const Expr* expr = nullptr;            // unquoted
  std::uint32_t offset = 0;
};

using NamedArgs = std::vector<std::pair<std::string_view, const Expr*>>;  // nullptr value = true

struct PartialNode : Node {
  bool isolated = false;  // `render` (true) or `include` (false)
  PartialName name;
  const Expr* with = nullptr;
  const Expr* for_collection = nullptr;
  std::string_view for_text;
  std::string_view alias;  // `as alias` (else the partial name)
  NamedArgs args;
};

// `{% layout 'name' k: v %}rest…`: renders `body` with its blocks stored, then
// the layout file, whose blocks take the stored content. `layout none`
// renders `body` as it is.
struct LayoutNode : Node {
  bool none = false;
  PartialName name;
  NamedArgs args;
  Block body;
};

struct BlockNode : Node {
  std::string_view name;  // empty for the anonymous block
  Block body;
};

class Engine;

class Template {
 public:
  Template(std::string source, std::string name)
      : source_(std::move(source)), name_(std::move(name)) {}
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

  const std::string& source() const { return source_; }
  const std::string& name() const { return name_; }
  const Block& root() const { return root_; }

 private:
  friend class Parser;
  Arena arena_;
  const std::string source_;  // declared before anything that views into it
  const std::string name_;
  Block root_;
  // Templates parsed from string literals with escapes (partial names with
  // markup, *_exp expressions) that nodes of this one point into.
  std::vector<std::shared_ptr<const Template>> children_;
};

}  // namespace hypergen::liquid
