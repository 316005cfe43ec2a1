var __line = 1
  , __lines = "<%= a; %> <%- b ;  %> <%= c;d %>\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append(escapeFn( a ))
    ; __append(" ")
    ; __append( b   )
    ; __append(" ")
    ; __append(escapeFn( c;d ))
    ; __append("\n")
    ; __line = 2
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
