/* Test program for `tsbpf latency`: `tiny_helper` is inlined at every call site (in
 * `caller_one` and `caller_two`), so it has no symbol; the others are ordinary functions. */
#include <stdio.h>
#include <stdlib.h>

static inline __attribute__((always_inline)) int tiny_helper(int x) { return x * 3 + 1; }

__attribute__((noinline)) int caller_one(int x) { return tiny_helper(x) + 1; }
__attribute__((noinline)) int caller_two(int x) { return tiny_helper(x + 2) * 2; }

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10;
  int s = 0;
  for (int i = 0; i < n; i++) s += caller_one(i) + caller_two(i);
  printf("caller_one %d\ncaller_two %d\n", n, n);
  return s == 42;
}
