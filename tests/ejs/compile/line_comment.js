var __line = 1
  , __lines = "<%= x // comment %>\n<%- y // c2 %>\n<% z // c3 %>\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append(escapeFn( x // comment 
))
    ; __append("\n")
    ; __line = 2
    ; __append( y // c2 
)
    ; __append("\n")
    ; __line = 3
    ;  z // c3 

    ; __append("\n")
    ; __line = 4
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
