var __line = 1
  , __lines = "a\r\nb <%= c -%>\r\nd\r\n"
  , __filename = undefined;
try {
  var __output = "";
  function __append(s) { if (s !== undefined && s !== null) __output += s }
  with (locals || {}) {
    ; __append("a\r\nb ")
    ; __line = 2
    ; __append(escapeFn( c ))
    ; __append("d\r\n")
    ; __line = 4
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line, escapeFn);
}
