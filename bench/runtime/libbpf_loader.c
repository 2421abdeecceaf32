/*
 * libbpf_loader: the C reference a person would write with libbpf — open a clang-built BPF
 * object, load it, attach every program by its section name, and run until SIGINT or SIGTERM.
 *
 *   libbpf_loader OBJECT.o [--ringbuf MAP] [--sum MAP]...
 *
 * --ringbuf MAP consumes that ring buffer with libbpf's ring_buffer__poll(), counting records
 * in the callback; --sum MAP adds up every u64 value of an array or hash map at exit (a
 * histogram's total, a drop counter). At exit it prints "received N" and "MAP N" lines.
 */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stopping;
static unsigned long long received;

static void on_signal(int sig) {
  (void)sig;
  stopping = 1;
}

static int on_record(void *ctx, void *data, size_t size) {
  (void)ctx, (void)data, (void)size;
  received++;
  return 0;
}

/* The sum of every 8-byte value in a map (keys of any size; values read as u64). */
static unsigned long long map_sum(struct bpf_map *map) {
  int fd = bpf_map__fd(map);
  unsigned key_size = bpf_map__key_size(map);
  char key[64], next[64];
  unsigned long long value = 0, sum = 0;
  void *prev = NULL;
  while (bpf_map_get_next_key(fd, prev, next) == 0) {
    if (bpf_map_lookup_elem(fd, next, &value) == 0) sum += value;
    memcpy(key, next, key_size);
    prev = key;
  }
  return sum;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: libbpf_loader OBJECT.o [--ringbuf MAP] [--sum MAP]...\n");
    return 2;
  }
  const char *ring_name = NULL, *sums[8];
  int nsums = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--ringbuf")) ring_name = argv[i + 1];
    else if (!strcmp(argv[i], "--sum") && nsums < 8) sums[nsums++] = argv[i + 1];
  }
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);

  struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
  if (!obj || libbpf_get_error(obj)) {
    fprintf(stderr, "cannot open %s\n", argv[1]);
    return 1;
  }
  if (bpf_object__load(obj)) {
    fprintf(stderr, "cannot load %s: %s\n", argv[1], strerror(errno));
    return 1;
  }
  struct ring_buffer *rb = NULL;
  if (ring_name) {
    struct bpf_map *map = bpf_object__find_map_by_name(obj, ring_name);
    rb = map ? ring_buffer__new(bpf_map__fd(map), on_record, NULL, NULL) : NULL;
    if (!rb) {
      fprintf(stderr, "no ring buffer %s\n", ring_name);
      return 1;
    }
  }
  struct bpf_program *prog;
  int attached = 0;
  bpf_object__for_each_program(prog, obj) {
    struct bpf_link *link = bpf_program__attach(prog);
    if (!link || libbpf_get_error(link)) {
      fprintf(stderr, "cannot attach %s\n", bpf_program__name(prog));
      return 1;
    }
    attached++;
  }
  fprintf(stderr, "%d probes attached\n", attached);

  while (!stopping) {
    if (rb) {
      int err = ring_buffer__poll(rb, 100);
      if (err < 0 && err != -EINTR) break;
    } else {
      pause();
    }
  }
  if (rb) ring_buffer__consume(rb);
  printf("received %llu\n", received);
  for (int i = 0; i < nsums; i++) {
    struct bpf_map *map = bpf_object__find_map_by_name(obj, sums[i]);
    printf("%s %llu\n", sums[i], map ? map_sum(map) : 0ULL);
  }
  fflush(stdout);
  ring_buffer__free(rb);
  bpf_object__close(obj);
  return 0;
}
