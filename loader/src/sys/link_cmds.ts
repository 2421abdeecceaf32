/** bpf() attach commands: link create/detach, raw tracepoint open, legacy prog attach. */
import { attr, bpfCall } from "./bpf.ts";
import { BpfCmd } from "./bpf_cmd.ts";
import {
  GetIdAttr, LinkCreateAttr, LinkDetachAttr, ProgAttachAttr, RawTracepointAttr,
} from "./layouts.generated.ts";

export interface LinkCreateRequest {
  progFd: number;
  /** target fd (perf event, cgroup) or ifindex (XDP, tcx). */
  target: number;
  attachType: number;
  flags?: number;
  bpfCookie?: bigint;
}

/** BPF_LINK_CREATE; returns the link fd. */
export function linkCreate(r: LinkCreateRequest, what?: string): number {
  const a = attr()
    .u32(LinkCreateAttr.prog_fd, r.progFd)
    .u32(LinkCreateAttr.target_fd, r.target)
    .u32(LinkCreateAttr.attach_type, r.attachType)
    .u32(LinkCreateAttr.flags, r.flags ?? 0)
    .u64(LinkCreateAttr.perf_event_bpf_cookie, r.bpfCookie ?? 0n);
  return bpfCall(BpfCmd.LINK_CREATE, a, what);
}

/** BPF_LINK_DETACH: detaches while the fd stays open. */
export function linkDetach(linkFd: number): void {
  bpfCall(BpfCmd.LINK_DETACH, attr().u32(LinkDetachAttr.link_fd, linkFd));
}

/** BPF_RAW_TRACEPOINT_OPEN; `name` is a native C string address (0 for tp_btf). */
export function rawTracepointOpen(progFd: number, name: number, what?: string): number {
  const a = attr().u64(RawTracepointAttr.name, name).u32(RawTracepointAttr.prog_fd, progFd);
  return bpfCall(BpfCmd.RAW_TRACEPOINT_OPEN, a, what);
}

/** BPF_PROG_ATTACH (legacy, fd-based attachments without links). */
export function progAttach(targetFd: number, progFd: number, attachType: number, flags = 0): void {
  const a = attr()
    .u32(ProgAttachAttr.target_fd, targetFd)
    .u32(ProgAttachAttr.attach_bpf_fd, progFd)
    .u32(ProgAttachAttr.attach_type, attachType)
    .u32(ProgAttachAttr.attach_flags, flags);
  bpfCall(BpfCmd.PROG_ATTACH, a);
}

/** BPF_{PROG,MAP,LINK}_GET_NEXT_ID; returns the next id, or 0 at the end. */
export function getNextId(cmd: number, startId: number): number {
  const a = attr().u32(GetIdAttr.start_id, startId);
  try {
    bpfCall(cmd, a);
  } catch {
    return 0;
  }
  return a.readU32(GetIdAttr.next_id);
}

/** BPF_{PROG,MAP,LINK}_GET_FD_BY_ID. */
export function getFdById(cmd: number, id: number): number {
  return bpfCall(cmd, attr().u32(GetIdAttr.start_id, id));
}
