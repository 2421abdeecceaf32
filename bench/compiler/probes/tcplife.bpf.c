// examples/tcplife.ts in C, step for step: on sock:inet_sock_set_state for TCP, a socket is
// born at its first state below FIN_WAIT1 (a session with the time, pid and comm, keyed by
// socket address); at SYN_SENT and LAST_ACK the owner is recorded again; at CLOSE a record
// with endpoints and duration goes through the ring buffer (refused records counted as tsbpf
// does) and the session is forgotten.
#include "bench_helpers.h"

#define TCP_SYN_SENT 2
#define TCP_FIN_WAIT1 4
#define TCP_CLOSE 7
#define TCP_LAST_ACK 9
#define IPPROTO_TCP 6

struct session {
  __u64 bornNs;
  __u32 pid;
  char comm[16];
};

struct session_event {
  __u32 pid;
  __u64 durationMs;
  __u16 family;
  __u16 localPort;
  __u16 remotePort;
  __u8 localV4[4];
  __u8 remoteV4[4];
  __u8 localV6[16];
  __u8 remoteV6[16];
  char comm[16];
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, __u64);
  __type(value, struct session);
} sessions SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 256 * 1024);
} closed SEC(".maps");

__u64 closed_drops SEC(".data.closed_drops") = 0;

struct inet_sock_set_state_args {
  __u64 common;
  const void *skaddr;
  __s32 oldstate;
  __s32 newstate;
  __u16 sport;
  __u16 dport;
  __u16 family;
  __u16 protocol;
  __u8 saddr[4];
  __u8 daddr[4];
  __u8 saddr_v6[16];
  __u8 daddr_v6[16];
};

SEC("tracepoint/sock/inet_sock_set_state")
int inet_sock_set_state(struct inet_sock_set_state_args *ctx) {
  if (ctx->protocol != IPPROTO_TCP) return 0;
  __u64 socket = (__u64)ctx->skaddr;
  int state = ctx->newstate;
  if (state < TCP_FIN_WAIT1 && !bpf_map_lookup_elem(&sessions, &socket)) {
    struct session s;
    __builtin_memset(&s, 0, sizeof(s));
    s.bornNs = bpf_ktime_get_ns();
    s.pid = bpf_get_current_pid_tgid() >> 32;
    bpf_get_current_comm(s.comm, sizeof(s.comm));
    bpf_map_update_elem(&sessions, &socket, &s, BPF_ANY);
  }
  if (state == TCP_SYN_SENT || state == TCP_LAST_ACK) {
    struct session *s = bpf_map_lookup_elem(&sessions, &socket);
    if (s) {
      s->pid = bpf_get_current_pid_tgid() >> 32;
      bpf_get_current_comm(s->comm, sizeof(s->comm));
    }
  }
  if (state != TCP_CLOSE) return 0;
  struct session *s = bpf_map_lookup_elem(&sessions, &socket);
  if (!s) return 0; /* it started before the probe */
  struct session_event *e = bpf_ringbuf_reserve(&closed, sizeof(*e), 0);
  if (e) {
    e->pid = s->pid;
    e->durationMs = (bpf_ktime_get_ns() - s->bornNs) / 1000000;
    e->family = ctx->family;
    e->localPort = ctx->sport;
    e->remotePort = ctx->dport;
    __builtin_memcpy(e->localV4, ctx->saddr, 4);
    __builtin_memcpy(e->remoteV4, ctx->daddr, 4);
    __builtin_memcpy(e->localV6, ctx->saddr_v6, 16);
    __builtin_memcpy(e->remoteV6, ctx->daddr_v6, 16);
    __builtin_memcpy(e->comm, s->comm, 16);
    bpf_ringbuf_submit(e, 0);
  } else {
    __sync_fetch_and_add(&closed_drops, 1);
  }
  bpf_map_delete_elem(&sessions, &socket);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
