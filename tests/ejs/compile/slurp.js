var __line = 1
  , __lines = "<%_ if (a) { _%>\n  yes\n<%_ } _%>\nafter\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ;  if (a) { 
    ; __append("  yes\n")
    ; __line = 3
    ;  } 
    ; __append("after\n")
    ; __line = 5
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
