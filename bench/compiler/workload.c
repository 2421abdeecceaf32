// The benchmark's workload: `workload KIND N` makes the kernel events one kind of probe
// traces, a bounded, known number of times (N), and exits. Kinds:
//   openat   opens and closes /dev/null N times
//   read     reads one byte from /dev/zero N times
//   execve   calls execve() N times on a path that does not exist (the syscall tracepoint
//            fires, the call fails at once, so no process is created and N can be large)
//   getppid  calls getppid() N times (one syscall each: glibc does not cache it)
//   kill     sends signal 0 to itself N times (kill(getpid(), 0): checked, not delivered)
//   rw       writes one byte to /dev/null and reads one byte from /dev/zero, N times each
//   exec     runs /bin/true N times (posix_spawn + wait): N successful execs
//   pingpong two threads pass a byte back and forth over two pipes N times (two wakeups and
//            two context switches per round trip; run pinned to one CPU)
//   tcp      N loopback TCP sessions in one thread: connect, accept, the server closes first,
//            the client reads end-of-file and closes (LAST_ACK then CLOSE)
//   bio      N direct (O_DIRECT, uncached) 4 KiB reads of FILE, at spread offsets: real block
//            I/O on the disk that holds FILE; `workload bio N FILE` (FILE made by bio-setup)
//   bio-setup FILE  writes the 16 MiB file the bio kind reads, synced to disk
//   spin     a busy loop for N milliseconds (CPU samples)
//   bash     feeds N lines (":") to an interactive bash on a pseudo-terminal (util-linux
//            script), so bash's readline() returns N + 1 times (the last at end of input)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define BIO_FILE_BYTES (16L << 20)
#define BIO_BLOCK 4096

static int fail(const char *what) {
  perror(what);
  return 1;
}

static int run_exec(long n) {
  char *args[] = { "true", NULL };
  for (long i = 0; i < n; i++) {
    pid_t child;
    if (posix_spawn(&child, "/bin/true", NULL, NULL, args, environ) != 0) return fail("posix_spawn");
    int status;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status)) return fail("waitpid");
  }
  return 0;
}

struct pingpong {
  int to_peer[2];
  int to_main[2];
  long n;
};

static void *pong(void *arg) {
  struct pingpong *p = arg;
  char c;
  for (long i = 0; i < p->n; i++) {
    if (read(p->to_peer[0], &c, 1) != 1 || write(p->to_main[1], &c, 1) != 1) break;
  }
  return NULL;
}

static int run_pingpong(long n) {
  struct pingpong p = { .n = n };
  if (pipe(p.to_peer) || pipe(p.to_main)) return fail("pipe");
  pthread_t peer;
  if (pthread_create(&peer, NULL, pong, &p)) return fail("pthread_create");
  char c = 'x';
  for (long i = 0; i < n; i++) {
    if (write(p.to_peer[1], &c, 1) != 1 || read(p.to_main[0], &c, 1) != 1) return fail("pingpong");
  }
  pthread_join(peer, NULL);
  return 0;
}

static int run_tcp(long n) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
  socklen_t len = sizeof(addr);
  if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof(addr)) ||
      listen(listener, 16) || getsockname(listener, (struct sockaddr *)&addr, &len)) {
    return fail("listen");
  }
  for (long i = 0; i < n; i++) {
    int client = socket(AF_INET, SOCK_STREAM, 0);
    // The handshake completes in the kernel against the listener's backlog, so one thread can
    // connect and then accept.
    if (client < 0 || connect(client, (struct sockaddr *)&addr, sizeof(addr))) return fail("connect");
    int server = accept(listener, NULL, NULL);
    if (server < 0) return fail("accept");
    close(server);
    char c;
    if (read(client, &c, 1) != 0) return fail("read end of file");
    close(client);
  }
  close(listener);
  return 0;
}

static int run_bio_setup(const char *file) {
  int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return fail(file);
  static char block[1 << 20];
  memset(block, 0xa5, sizeof(block));
  for (long done = 0; done < BIO_FILE_BYTES; done += sizeof(block)) {
    if (write(fd, block, sizeof(block)) != (ssize_t)sizeof(block)) return fail("write");
  }
  if (fsync(fd)) return fail("fsync");
  close(fd);
  return 0;
}

static int run_bio(long n, const char *file) {
  int fd = open(file, O_RDONLY | O_DIRECT);
  if (fd < 0) return fail(file);
  void *buf;
  if (posix_memalign(&buf, BIO_BLOCK, BIO_BLOCK)) return fail("posix_memalign");
  long blocks = BIO_FILE_BYTES / BIO_BLOCK;
  for (long i = 0; i < n; i++) {
    // A stride coprime with the block count visits every block before repeating one.
    off_t at = (off_t)((i * 2477) % blocks) * BIO_BLOCK;
    if (pread(fd, buf, BIO_BLOCK, at) != BIO_BLOCK) return fail("pread O_DIRECT");
  }
  free(buf);
  close(fd);
  return 0;
}

static int run_spin(long ms) {
  struct timespec start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  volatile uint64_t x = 0;
  do {
    for (int i = 0; i < 100000; i++) x += i;
    clock_gettime(CLOCK_MONOTONIC, &now);
  } while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < ms);
  return 0;
}

static int run_bash(long n) {
  FILE *shell = popen("script -qec 'bash --norc --noprofile -i' /dev/null > /dev/null 2>&1", "w");
  if (!shell) return fail("popen script");
  for (long i = 0; i < n; i++) fputs(":\n", shell);
  fputs("exit\n", shell);
  int status = pclose(shell);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "script/bash exited with status %d\n", status);
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "bio-setup") == 0) return run_bio_setup(argv[2]);
  if (argc < 3) {
    fprintf(stderr, "usage: %s openat|read|execve|getppid|kill|rw|exec|pingpong|tcp|spin|bash COUNT\n"
      "       %s bio COUNT FILE | bio-setup FILE\n", argv[0], argv[0]);
    return 2;
  }
  const char *kind = argv[1];
  long n = atol(argv[2]);
  if (strcmp(kind, "openat") == 0) {
    for (long i = 0; i < n; i++) {
      int fd = open("/dev/null", O_RDONLY);
      if (fd >= 0) close(fd);
    }
  } else if (strcmp(kind, "read") == 0) {
    int fd = open("/dev/zero", O_RDONLY);
    char c;
    for (long i = 0; i < n; i++) {
      if (read(fd, &c, 1) != 1) return 1;
    }
    close(fd);
  } else if (strcmp(kind, "execve") == 0) {
    char *args[] = { "tsbpf-bench", NULL };
    char *env[] = { NULL };
    for (long i = 0; i < n; i++) execve("/nonexistent/tsbpf-bench", args, env);
  } else if (strcmp(kind, "getppid") == 0) {
    for (long i = 0; i < n; i++) syscall(SYS_getppid);
  } else if (strcmp(kind, "kill") == 0) {
    pid_t self = getpid();
    for (long i = 0; i < n; i++) {
      if (kill(self, 0)) return fail("kill");
    }
  } else if (strcmp(kind, "rw") == 0) {
    int in = open("/dev/zero", O_RDONLY), out = open("/dev/null", O_WRONLY);
    char c = 0;
    for (long i = 0; i < n; i++) {
      if (write(out, &c, 1) != 1 || read(in, &c, 1) != 1) return fail("read/write");
    }
    close(in);
    close(out);
  } else if (strcmp(kind, "exec") == 0) {
    return run_exec(n);
  } else if (strcmp(kind, "pingpong") == 0) {
    return run_pingpong(n);
  } else if (strcmp(kind, "tcp") == 0) {
    return run_tcp(n);
  } else if (strcmp(kind, "bio") == 0 && argc == 4) {
    return run_bio(n, argv[3]);
  } else if (strcmp(kind, "spin") == 0) {
    return run_spin(n);
  } else if (strcmp(kind, "bash") == 0) {
    return run_bash(n);
  } else {
    fprintf(stderr, "unknown workload '%s'\n", kind);
    return 2;
  }
  return 0;
}
