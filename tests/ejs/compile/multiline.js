var __line = 1
  , __lines = "<%= a %> <% if (x) {\n  y()\n} %>\nline 4 <%= z\n %>\nline 6\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append(escapeFn( a ))
    ; __append(" ")
    ;  if (x) {
  y()
} 
    ; __line = 3
    ; __append("\nline 4 ")
    ; __line = 4
    ; __append(escapeFn( z
 ))
    ; __line = 5
    ; __append("\nline 6\n")
    ; __line = 7
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
