# libFuzzer targets (tests/fuzz, label "fuzz"): -DNATTER_FUZZ=ON, clang only.
#
# Everything in the build is compiled with -fsanitize=fuzzer-no-link, so the libraries the targets
# link (natter_pusher, natter_chat) report coverage to libFuzzer; only the fuzz targets link the
# fuzzer runtime (-fsanitize=fuzzer, which brings main()). Without NATTER_SANITIZE the build also
# gets address,undefined here, so a fuzz build alone still catches memory errors and UB; with it,
# cmake/Sanitizers.cmake picks the sanitizers.
option(NATTER_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(NATTER_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR
      "NATTER_FUZZ needs clang's libFuzzer, but the C++ compiler is ${CMAKE_CXX_COMPILER_ID}. "
      "Configure a separate build dir with -DCMAKE_CXX_COMPILER=clang++ "
      "(Debian: clang and libclang-rt-14-dev).")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link -fno-omit-frame-pointer)
  if(NOT NATTER_SANITIZE)
    # UB is fatal, so the fuzzer records it as a crash with its input instead of scrolling past.
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
  endif()
endif()
