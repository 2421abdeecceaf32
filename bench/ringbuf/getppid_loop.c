/*
 * The traced workload of bench/ringbuf: N getppid() system calls in a tight loop.
 *
 * It waits for one line on stdin before starting, so the benchmark can attach a probe that
 * filters on this process's pid first, then prints the loop's own elapsed time in nanoseconds
 * (CLOCK_MONOTONIC) and exits. Usage: getppid_loop N
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
  long long n = argc > 1 ? atoll(argv[1]) : 1000000;
  char line[16];
  if (!fgets(line, sizeof line, stdin)) return 1;
  long long start = now_ns();
  for (long long i = 0; i < n; i++) syscall(SYS_getppid);
  long long elapsed = now_ns() - start;
  printf("%lld\n", elapsed);
  return 0;
}
