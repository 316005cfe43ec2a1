var __line = 1
  , __lines = "x <%% inside <%= y %> then %> z\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append("x ")
    ; __append("<%")
    ; __append(" inside ")
    ; __append(escapeFn( y ))
    ; __append(" then ")
    ; __append(" z\n")
    ; __line = 2
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
