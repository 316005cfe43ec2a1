var __line = 1
  , __lines = "<%= a %>\n\n\n<%= b %>"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append(escapeFn( a ))
    ; __append("\n\n\n")
    ; __line = 4
    ; __append(escapeFn( b ))
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
