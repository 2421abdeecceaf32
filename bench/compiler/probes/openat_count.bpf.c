// Per-pid count of openat() calls, written the way libbpf-tools writes counters: look the
// entry up, create it zeroed when missing (BPF_NOEXIST, so a concurrent creator wins cleanly),
// look it up again, and add atomically.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} calls SEC(".maps");

static __always_inline void *lookup_or_try_init(void *map, const void *key, const void *init) {
  void *val = bpf_map_lookup_elem(map, key);
  if (val) return val;
  bpf_map_update_elem(map, key, init, BPF_NOEXIST);
  return bpf_map_lookup_elem(map, key);
}

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(void *ctx) {
  __u32 pid = bpf_get_current_pid_tgid() >> 32;
  __u64 zero = 0;
  __u64 *count = lookup_or_try_init(&calls, &pid, &zero);
  if (count) __sync_fetch_and_add(count, 1);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
