// C and C++: gcc/clang diagnostics, the linker, make, CMake (configure and CTest).
import { rule } from "./rule";

export const nativeRules = [
  rule({
    id: "cc.error",
    keywords: [": error: ", ": fatal error: "],
    pattern: /^\S+\.(c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|m|mm|cu):\d+(:\d+)?: (fatal )?error: /,
    type: "BUILD_COMPILE",
    weight: 6,
    examples: ["src/cart.c:42:9: error: 'tax_rate' undeclared (first use in this function)", "include/shop/cart.hpp:12:10: fatal error: 'fmt/format.h' file not found"],
  }),
  rule({
    id: "cc.link",
    keywords: ["undefined reference to", "ld returned", "linker command failed", "undefined symbols for architecture"],
    pattern: /undefined reference to `[^']+'|collect2: error: ld returned \d+ exit status|linker command failed with exit code|Undefined symbols for architecture/,
    type: "BUILD_COMPILE",
    weight: 6,
    examples: ["/usr/bin/ld: cart.o: in function `cart_total': undefined reference to `tax_for'", "collect2: error: ld returned 1 exit status"],
  }),
  rule({
    id: "cmake.missing-package",
    keywords: ["could not find a package configuration file", "could not find "],
    pattern: /Could not find a package configuration file provided by "[^"]+"|^\s*Could NOT find \w+ \(missing: /,
    type: "DEPENDENCY_RESOLUTION",
    weight: 8,
    examples: ['  Could not find a package configuration file provided by "fmt" with any of', "  Could NOT find Boost (missing: Boost_INCLUDE_DIR filesystem) (Required is at least version \"1.74\")"],
  }),
  rule({
    id: "cmake.error",
    keywords: ["cmake error"],
    pattern: /^CMake Error( at \S+:\d+ \([\w_]+\))?:/,
    type: "CONFIGURATION",
    weight: 4,
    examples: ["CMake Error at CMakeLists.txt:14 (find_package):", "CMake Error: The source directory \"/home/runner/work/shop/shop/build\" does not appear to contain CMakeLists.txt."],
  }),
  rule({
    id: "ctest.failed",
    keywords: ["tests failed out of", "the following tests failed"],
    pattern: /\d+% tests passed, [1-9]\d* tests? failed out of \d+|^The following tests FAILED:/,
    type: "TEST_FAILURE",
    weight: 8,
    summary: true,
    examples: ["83% tests passed, 1 tests failed out of 6", "The following tests FAILED:"],
  }),
  rule({
    id: "ctest.case",
    keywords: ["***failed"],
    pattern: /^\s*\d+\/\d+ Test\s+#\d+: \S+ \.+\*+Failed/,
    type: "TEST_FAILURE",
    weight: 6,
    examples: ["4/6 Test #4: cart_total .......................***Failed    0.01 sec"],
  }),
  rule({
    id: "make.error",
    keywords: ["make: ***", "make[", "ninja: build stopped"],
    pattern: /^(g?make(\[\d+\])?: \*\*\* \[[^\]]*\] Error \d+|ninja: build stopped: subcommand failed)/,
    weight: 1,
    boilerplate: true,
    examples: ["make: *** [Makefile:12: all] Error 2", "make[2]: *** [CMakeFiles/shop.dir/build.make:76: CMakeFiles/shop.dir/src/cart.c.o] Error 1", "ninja: build stopped: subcommand failed."],
  }),
];
