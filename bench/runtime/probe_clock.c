/*
 * probe_clock: starts a tracing tool and measures it from the outside, the same way for every
 * tool (tsbpf, bpftrace, a libbpf loader), so their figures compare.
 *
 *   probe_clock [options] -- TOOL [ARG...]
 *
 * It notes the time, forks and execs TOOL, then polls until one of TOOL's own BPF programs of
 * the given type has run (its run_cnt in /proc/PID/fdinfo, so kernel.bpf_stats_enabled must be
 * 1): that moment is "attached", whatever the tool prints. Between polls it makes the traced
 * event happen itself (--trigger openat|getppid, or runs --trigger-cmd), so a quiet machine
 * still fires the probe. It also notes the CPU time the tool had used by then (all its threads,
 * from schedstat), which a busy machine inflates less than the wall time. Then it optionally runs a workload (--workload "PATH ARG...", fed one
 * line on stdin, its stdout kept), holds for --hold-ms, reads the tool's peak RSS (VmHWM) and
 * its programs' sizes and run statistics, sends SIGINT and waits for the tool to exit.
 *
 * Prints one JSON object on stdout. The tool's stdout and stderr go to --stdout/--stderr files
 * (default /dev/null). Exit status 0 even when the tool failed: the JSON says what happened.
 */
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_PROGS 64

struct prog {
  unsigned id, type;
  unsigned long long run_cnt, run_time_ns;
  struct bpf_prog_info info;
};

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void sleep_ns(long long ns) {
  struct timespec t = {ns / 1000000000LL, ns % 1000000000LL};
  nanosleep(&t, NULL);
}

/* The BPF programs PID holds open, with their fdinfo statistics. */
static int list_progs(pid_t pid, struct prog *out) {
  char dir[64], path[512], target[64];
  snprintf(dir, sizeof dir, "/proc/%d/fd", pid);
  DIR *d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < MAX_PROGS) {
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    ssize_t len = readlink(path, target, sizeof target - 1);
    if (len <= 0) continue;
    target[len] = 0;
    if (strcmp(target, "anon_inode:bpf-prog") != 0) continue;
    snprintf(path, sizeof path, "/proc/%d/fdinfo/%s", pid, e->d_name);
    FILE *f = fopen(path, "r");
    if (!f) continue;
    struct prog p = {0};
    char line[128];
    while (fgets(line, sizeof line, f)) {
      sscanf(line, "prog_type: %u", &p.type);
      sscanf(line, "prog_id: %u", &p.id);
      sscanf(line, "run_cnt: %llu", &p.run_cnt);
      sscanf(line, "run_time_ns: %llu", &p.run_time_ns);
    }
    fclose(f);
    int seen = 0;
    for (int i = 0; i < n; i++) seen |= out[i].id == p.id;
    if (p.id && !seen) out[n++] = p;
  }
  closedir(d);
  return n;
}

/* CPU time of every live thread of PID in ns (schedstat), so a loaded machine's waits do not count. */
static long long cpu_ns(pid_t pid) {
  char dir[64], path[300];
  snprintf(dir, sizeof dir, "/proc/%d/task", pid);
  DIR *d = opendir(dir);
  if (!d) return -1;
  long long total = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "%s/%.200s/schedstat", dir, e->d_name);
    FILE *f = fopen(path, "r");
    if (!f) continue;
    long long ns = 0;
    if (fscanf(f, "%lld", &ns) == 1) total += ns;
    fclose(f);
  }
  closedir(d);
  return total;
}

static long status_kb(pid_t pid, const char *field) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%d/status", pid);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  long kb = -1;
  size_t len = strlen(field);
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, field, len) == 0 && line[len] == ':') kb = atol(line + len + 1);
  }
  fclose(f);
  return kb;
}

/* Runs `command` (split on spaces) with one line on stdin; its stdout goes to `out`. */
static int run_command(const char *command, char *out, size_t out_len) {
  char *copy = strdup(command), *argv[32];
  int argc = 0;
  for (char *tok = strtok(copy, " "); tok && argc < 31; tok = strtok(NULL, " ")) argv[argc++] = tok;
  argv[argc] = NULL;
  int in[2], o[2];
  if (pipe(in) || pipe(o)) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGPIPE, SIG_DFL);
    dup2(in[0], 0);
    dup2(o[1], 1);
    close(in[1]);
    close(o[0]);
    execv(argv[0], argv);
    _exit(127);
  }
  close(in[0]);
  close(o[1]);
  if (write(in[1], "go\n", 3) != 3) { /* the workload may not read stdin */ }
  close(in[1]);
  size_t used = 0;
  ssize_t got;
  while ((got = read(o[0], out + used, out_len - 1 - used)) > 0) used += got;
  out[used] = 0;
  close(o[0]);
  int status;
  waitpid(pid, &status, 0);
  free(copy);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void json_string(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') printf("\\%c", *s);
    else if (*s == '\n') printf("\\n");
    else if ((unsigned char)*s >= 0x20) putchar(*s);
  }
  putchar('"');
}

int main(int argc, char **argv) {
  unsigned want_type = 0;
  const char *trigger = "none", *trigger_cmd = NULL, *workload = NULL;
  const char *out_path = "/dev/null", *err_path = "/dev/null";
  long hold_ms = 0, timeout_ms = 30000;
  int i = 1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
    if (i + 1 >= argc) break;
    const char *k = argv[i], *v = argv[i + 1];
    if (!strcmp(k, "--prog-type")) want_type = atoi(v);
    else if (!strcmp(k, "--trigger")) trigger = v;
    else if (!strcmp(k, "--trigger-cmd")) trigger_cmd = v;
    else if (!strcmp(k, "--workload")) workload = v;
    else if (!strcmp(k, "--hold-ms")) hold_ms = atol(v);
    else if (!strcmp(k, "--timeout-ms")) timeout_ms = atol(v);
    else if (!strcmp(k, "--stdout")) out_path = v;
    else if (!strcmp(k, "--stderr")) err_path = v;
    else { fprintf(stderr, "probe_clock: unknown option %s\n", k); return 2; }
  }
  if (i >= argc - 1) {
    fprintf(stderr, "usage: probe_clock [options] -- TOOL [ARG...]\n");
    return 2;
  }
  char **tool = argv + i + 1;
  /* A workload that exits without reading its line of stdin must not kill us. */
  signal(SIGPIPE, SIG_IGN);

  long long start = now_ns();
  pid_t pid = fork();
  if (pid == 0) {
    /* A shell's background job ignores SIGINT, and exec keeps that: give the tool defaults. */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int n = open("/dev/null", O_RDONLY);
    dup2(n, 0);
    dup2(o, 1);
    dup2(e, 2);
    execvp(tool[0], tool);
    _exit(127);
  }

  struct prog progs[MAX_PROGS];
  long long attached = -1, attached_cpu = -1;
  int exited = 0, status = 0;
  char scratch[4096];
  long long poll_ns = trigger_cmd ? 5000000 : 200000;
  while (now_ns() - start < timeout_ms * 1000000LL) {
    if (!strcmp(trigger, "openat")) close(open("/dev/null", O_RDONLY));
    else if (!strcmp(trigger, "getppid")) syscall(SYS_getppid);
    if (trigger_cmd) run_command(trigger_cmd, scratch, sizeof scratch);
    /* Attached once every program of the wanted type has run (a uprobe and its uretprobe). */
    int n = list_progs(pid, progs), wanted = 0, ran = 0;
    for (int p = 0; p < n; p++) {
      if (progs[p].type != want_type) continue;
      wanted++;
      ran += progs[p].run_cnt > 0;
    }
    if (wanted > 0 && ran == wanted) {
      attached = now_ns() - start;
      attached_cpu = cpu_ns(pid);
    }
    if (attached >= 0) break;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = 1;
      break;
    }
    sleep_ns(poll_ns);
  }

  long long workload_ns = -1;
  static char workload_out[65536];
  workload_out[0] = 0;
  if (attached >= 0 && workload) {
    long long w0 = now_ns();
    run_command(workload, workload_out, sizeof workload_out);
    workload_ns = now_ns() - w0;
  }
  if (attached >= 0 && hold_ms > 0) sleep_ns(hold_ms * 1000000LL);

  long hwm = exited ? -1 : status_kb(pid, "VmHWM");
  long rss = exited ? -1 : status_kb(pid, "VmRSS");
  int n = exited ? 0 : list_progs(pid, progs);
  /* Sizes and names now, while the programs are still loaded. */
  for (int p = 0; p < n; p++) {
    memset(&progs[p].info, 0, sizeof progs[p].info);
    __u32 len = sizeof progs[p].info;
    int fd = bpf_prog_get_fd_by_id(progs[p].id);
    if (fd >= 0) {
      bpf_obj_get_info_by_fd(fd, &progs[p].info, &len);
      close(fd);
    }
  }
  long long stop_ns = -1;
  if (!exited) {
    long long s0 = now_ns();
    kill(pid, SIGINT);
    for (;;) {
      if (waitpid(pid, &status, WNOHANG) == pid) break;
      if (now_ns() - s0 > 15000000000LL) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        break;
      }
      sleep_ns(1000000);
    }
    stop_ns = now_ns() - s0;
  }

  printf("{\"attachedNs\":%lld,\"attachedCpuNs\":%lld,\"workloadNs\":%lld,\"workloadOut\":",
         attached, attached_cpu, workload_ns);
  json_string(workload_out);
  printf(",\"hwmKb\":%ld,\"rssKb\":%ld,\"stopNs\":%lld,\"exitedEarly\":%s,\"exitCode\":%d,"
         "\"programs\":[",
         hwm, rss, stop_ns, exited ? "true" : "false",
         WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  for (int p = 0; p < n; p++) {
    struct bpf_prog_info info = progs[p].info;
    printf("%s{\"id\":%u,\"type\":%u,\"name\":", p ? "," : "", progs[p].id, progs[p].type);
    json_string(info.name);
    printf(",\"xlatedInsns\":%u,\"jitedBytes\":%u,\"runCnt\":%llu,\"runTimeNs\":%llu}",
           info.xlated_prog_len / 8, info.jited_prog_len, progs[p].run_cnt,
           progs[p].run_time_ns);
  }
  printf("]}\n");
  return 0;
}
