# hypergen_settings: language level, definitions and sanitizer flags for
# first-party targets only (linked PRIVATE; never applied to third-party code).
add_library(hypergen_settings INTERFACE)
target_compile_features(hypergen_settings INTERFACE cxx_std_20)
target_compile_definitions(hypergen_settings INTERFACE
  HYPERGEN_VERSION="${PROJECT_VERSION}"
  $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)

if(HYPERGEN_SANITIZE)
  set(_san_flags "")
  foreach(_san IN LISTS HYPERGEN_SANITIZE)
    list(APPEND _san_flags "-fsanitize=${_san}")
  endforeach()
  list(APPEND _san_flags -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(hypergen_settings INTERFACE ${_san_flags})
  target_link_options(hypergen_settings INTERFACE ${_san_flags})
endif()

if(HYPERGEN_LTO AND CMAKE_BUILD_TYPE STREQUAL "Release")
  include(CheckIPOSupported)
  check_ipo_supported(RESULT _ipo_ok OUTPUT _ipo_msg LANGUAGES CXX)
  if(_ipo_ok)
    set(CMAKE_INTERPROCEDURAL_OPTIMIZATION ON)
  endif()
endif()
