/* Test program for `tsbpf latency`: calls functions of its shared library (libwork.so) and its
 * own, then prints how many times it called each, as "name count" lines. Waits for a line on
 * stdin before working when given "wait", so a test can attach by pid first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "c_work.h"

__attribute__((noinline)) long handle_small(long x) { return work_add(x, 1); }
__attribute__((noinline)) long handle_sleep(void) {
  struct timespec t = { 0, 2 * 1000 * 1000 };  /* 2 ms */
  nanosleep(&t, 0);
  return 1;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 1000;
  if (argc > 2 && strcmp(argv[2], "wait") == 0) {
    char line[16];
    printf("ready\n");
    fflush(stdout);
    if (!fgets(line, sizeof line, stdin)) return 1;
  }
  long sum = 0;
  for (int i = 0; i < rounds; i++) sum += handle_small(i);
  for (int i = 0; i < rounds / 10; i++) sum += work_spin_ns(100000); /* 100 µs */
  for (int i = 0; i < 20; i++) sum += handle_sleep();
  printf("handle_small %d\n", rounds);
  printf("work_add %d\n", rounds);
  printf("work_spin_ns %d\n", rounds / 10);
  printf("handle_sleep %d\n", 20);
  printf("sum %ld\n", sum);
  return 0;
}
