// The benchmark's workload: `workload openat N` opens and closes /dev/null N times,
// `workload read N` reads one byte from /dev/zero N times, `workload execve N` calls execve()
// N times on a path that does not exist (the syscall tracepoint fires, the call fails at once,
// so no process is created and N can be large).
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s openat|read|execve COUNT\n", argv[0]);
    return 2;
  }
  long n = atol(argv[2]);
  if (strcmp(argv[1], "openat") == 0) {
    for (long i = 0; i < n; i++) {
      int fd = open("/dev/null", O_RDONLY);
      if (fd >= 0) close(fd);
    }
  } else if (strcmp(argv[1], "read") == 0) {
    int fd = open("/dev/zero", O_RDONLY);
    char c;
    for (long i = 0; i < n; i++) {
      if (read(fd, &c, 1) != 1) return 1;
    }
    close(fd);
  } else if (strcmp(argv[1], "execve") == 0) {
    char *args[] = { "tsbpf-bench", NULL };
    char *env[] = { NULL };
    for (long i = 0; i < n; i++) execve("/nonexistent/tsbpf-bench", args, env);
  } else {
    fprintf(stderr, "unknown workload '%s'\n", argv[1]);
    return 2;
  }
  return 0;
}
