var __line = 1
  , __lines = "<%%= literal open %%> and %> end\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append("<%")
    ; __append("= literal open ")
    ; __append("%>")
    ; __append(" and ")
    ; __append("%>")
    ; __append(" end\n")
    ; __line = 2
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
