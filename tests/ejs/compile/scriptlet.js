var __line = 1
  , __lines = "<% if (a) { %>\nyes\n<% } else { %>\nno\n<% } %>\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ;  if (a) { 
    ; __append("\nyes\n")
    ; __line = 3
    ;  } else { 
    ; __append("\nno\n")
    ; __line = 5
    ;  } 
    ; __append("\n")
    ; __line = 6
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
