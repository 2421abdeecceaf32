/* Benchmark target for bench/latency: calls `probed` N times and prints the loop's own time
 * per call, so probe overhead is measured inside the traced program. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

__attribute__((noinline)) long probed(long x) { asm volatile("" ::: "memory"); return x + 1; }

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  long s = 0;
  for (long i = 0; i < n; i++) s += probed(i);
  clock_gettime(CLOCK_MONOTONIC, &b);
  double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
  printf("ns_per_call %.1f\nsum %ld\n", ns / n, s);
  return 0;
}
