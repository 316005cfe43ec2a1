#pragma once
// The node path of hooks: a hook that needs real Node modules (js/modules.h
// decides, before anything runs) runs in a child `node` process found on
// PATH, with the same inputs and the same hook semantics as the embedded
// engine — the child evaluates hypergen's own prelude and hook code
// (js/prelude.h, kHooksJs) and loads the hook with Node's `require`.
//
// The child keeps the terminal (stdin, stdout, stderr are inherited), so a
// hook that drives enquirer itself works as under Hygen. The `prompter` it
// is given asks through hypergen instead: the child sends the question list
// to the parent, which asks with its native prompter and sends the answers
// back. The protocol is one JSON object per line, child → parent on fd 4,
// parent → child on fd 3:
//   parent: {"t":"init","prelude":…,"hooks":…,"file":…,"args":{…}}
//   child:  {"t":"native","a":[…]}    parent: {"t":"ok","v":…} | {"t":"fail","m":…}
//   parent: {"t":"validate","i":N,"v":answer}   child: {"t":"valid","v":true|"message"}
//           (only while a `prompt` native call is being answered)
//   child:  {"t":"done","v":{"done":…,"failed":…,"value"|"error":…}}, then exits.
// `h` and console output in the child are hypergen's (the natives run in
// the parent), so both paths give the same results.

#include <optional>
#include <string>

#include "js/runtime.h"
#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::app {

struct NodeHookInput {
  std::string node;  // the node executable
  std::string file;  // absolute hook path
  std::string cwd;   // where the child runs
  liquid::Value args;
};

// The first executable `node` on `path_env` (a PATH value), or nullopt.
std::optional<std::string> find_node(std::string_view path_env);

// Runs the hook in node; `runtime` serves the child's native calls (its
// engine is not started for this). Errors like js::Runtime::run_hook.
Result<liquid::Value> run_node_hook(const NodeHookInput& in, js::Runtime& runtime);

}  // namespace hypergen::app
