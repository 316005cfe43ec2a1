var __line = 1
  , __lines = "a <%# a comment %>\nb <%# drop -%>\nc\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append("a ")
    ; __append("\nb ")
    ; __line = 2
    ; __append("c\n")
    ; __line = 4
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
