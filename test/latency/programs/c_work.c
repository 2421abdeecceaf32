/* The shared library of the C test program: an addition, and a busy-wait of a given length. */
#include <time.h>
#include "c_work.h"

static long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

long work_add(long a, long b) { return a + b; }

long work_spin_ns(long ns) {
  if (ns <= 0) return 0;
  long end = now_ns() + ns;
  long spins = 0;
  while (now_ns() < end) spins++;
  return spins > 0;
}
