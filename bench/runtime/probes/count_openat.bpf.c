/* Per-pid openat() counter, the C reference for bench/runtime (clang -O2 -target bpf, libbpf). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} opens SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(void *ctx) {
  __u32 pid = bpf_get_current_pid_tgid() >> 32;
  __u64 one = 1, *count = bpf_map_lookup_elem(&opens, &pid);
  if (count) __sync_fetch_and_add(count, 1);
  else bpf_map_update_elem(&opens, &pid, &one, BPF_NOEXIST);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
