var __line = 1
  , __lines = "literal <%% not a tag %> and %%> too\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append("literal ")
    ; __append("<%")
    ; __append(" not a tag ")
    ; __append("%>")
    ; __append(" and ")
    ; __append("%>")
    ; __append(" too\n")
    ; __line = 2
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
