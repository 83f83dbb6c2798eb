# -DNATTER_SANITIZE=address,undefined (any of address, undefined, leak, thread; "," or ";" separated)
# instruments every target (gcc or clang). Undefined behaviour aborts the process instead of being
# reported and ignored, so UB fails the test that hits it. tests/CMakeLists.txt gives the tests
# the matching *SAN_OPTIONS (see natter_sanitizer_test_environment below).
set(NATTER_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined (empty: none)")

set(NATTER_SANITIZER_TEST_ENV "")
if(NATTER_SANITIZE)
  string(REPLACE "," ";" _natter_sanitizers "${NATTER_SANITIZE}")
  foreach(_san IN LISTS _natter_sanitizers)
    if(NOT _san MATCHES "^(address|undefined|leak|thread)$")
      message(FATAL_ERROR "NATTER_SANITIZE: unknown sanitizer '${_san}' (address, undefined, leak, thread)")
    endif()
  endforeach()
  if("thread" IN_LIST _natter_sanitizers AND ("address" IN_LIST _natter_sanitizers OR "leak" IN_LIST _natter_sanitizers))
    message(FATAL_ERROR "NATTER_SANITIZE: thread cannot be combined with address or leak")
  endif()
  list(JOIN _natter_sanitizers "," _natter_sanitize_flag)
  set(_natter_sanitize_options -fsanitize=${_natter_sanitize_flag} -fno-omit-frame-pointer)
  if("undefined" IN_LIST _natter_sanitizers)
    list(APPEND _natter_sanitize_options -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${_natter_sanitize_options})
  add_link_options(-fsanitize=${_natter_sanitize_flag})
  message(STATUS "Sanitizers: ${_natter_sanitize_flag}")

  set(_supp ${CMAKE_SOURCE_DIR}/tests/sanitizers)
  # abort_on_error=0 + exitcode: a finding ends the test with a non-zero exit code and the report
  # on stderr, which ctest shows. Child processes the tests start (natter-cli, natter-server)
  # inherit these; node does not load any sanitizer runtime, so the variables do nothing to it
  # (nothing here uses LD_PRELOAD).
  list(APPEND NATTER_SANITIZER_TEST_ENV
    "ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_init_order=1:check_initialization_order=1:detect_stack_use_after_return=0:allocator_may_return_null=0"
    "LSAN_OPTIONS=suppressions=${_supp}/lsan.supp:print_suppressions=0:report_objects=0"
    "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${_supp}/ubsan.supp")
endif()

# Appends the sanitizer environment to every test defined so far in the calling directory.
function(natter_sanitizer_test_environment)
  if(NOT NATTER_SANITIZER_TEST_ENV)
    return()
  endif()
  get_property(_tests DIRECTORY PROPERTY TESTS)
  foreach(_test IN LISTS _tests)
    set_property(TEST ${_test} APPEND PROPERTY ENVIRONMENT ${NATTER_SANITIZER_TEST_ENV})
  endforeach()
endfunction()
