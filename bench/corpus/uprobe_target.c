/*
 * The traced program of the uprobe corpus: calls work() N times (a few hundred nanoseconds of
 * arithmetic each), then prints the loop's own elapsed time in nanoseconds. Usage:
 * uprobe_target N. work() is kept out of line so a uprobe and a uretprobe can sit on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

__attribute__((noinline)) unsigned long work(unsigned long seed) {
  unsigned long x = seed;
  for (int i = 0; i < 200; i++) x = x * 6364136223846793005UL + 1442695040888963407UL;
  __asm__ volatile("" : "+r"(x));
  return x;
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000;
  unsigned long acc = 0;
  long long start = now_ns();
  for (long i = 0; i < n; i++) acc += work(i);
  long long elapsed = now_ns() - start;
  printf("%lld\n", elapsed);
  return acc == 42 ? 1 : 0;
}
