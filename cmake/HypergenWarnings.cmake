# hypergen_warnings: the warning set for first-party code; -Werror when
# HYPERGEN_WARNINGS_AS_ERRORS (on in a git checkout and in CI, off for users).
add_library(hypergen_warnings INTERFACE)
target_compile_options(hypergen_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wcast-align
  $<$<BOOL:${HYPERGEN_WARNINGS_AS_ERRORS}>:-Werror>)
# GCC 12 reports false -Wmaybe-uninitialized positives inside std::variant
# when sanitizers change inlining (seen with -fsanitize=thread at -O2).
if(HYPERGEN_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(hypergen_warnings INTERFACE -Wno-maybe-uninitialized)
endif()
