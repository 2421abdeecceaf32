/**
 * Link: an attachment. Every attach kind returns one; closing it detaches. Attachments are made
 * through BPF links where the kernel has them, so a process that dies (even by SIGKILL) leaves
 * nothing attached: the kernel drops the link with its last fd.
 */
import { closeFd } from "../sys/bpf.ts";
import { withScratch } from "../sys/attr.ts";
import { LinkInfo } from "../sys/layouts.generated.ts";
import { objGetInfoByFd } from "../sys/prog_cmds.ts";

export interface Link {
  /** What is attached where, e.g. "tracepoint syscalls:sys_enter_openat". */
  readonly description: string;
  close(): void;
  [Symbol.dispose](): void;
}

/** A link made of fds closed together (link fd first, then the perf event it holds). */
export class FdLink implements Link {
  readonly fds: readonly number[];
  #closed = false;

  constructor(readonly description: string, ...fds: number[]) {
    this.fds = fds;
  }

  /** The bpf link fd (or the first fd held). */
  get fd(): number {
    return this.fds[0]!;
  }

  /** The kernel's view of the link (ids as `bpftool link` shows them). */
  info(): { id: number; type: number; progId: number } {
    return linkInfo(this.fd);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const fd of this.fds) closeFd(fd);
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/** BPF_OBJ_GET_INFO_BY_FD on a link fd. */
export function linkInfo(fd: number): { id: number; type: number; progId: number } {
  return withScratch(LinkInfo.SIZE, (info) => {
    objGetInfoByFd(fd, info.address, LinkInfo.SIZE);
    const view = new DataView(info.bytes.buffer, info.bytes.byteOffset, LinkInfo.SIZE);
    return {
      type: view.getUint32(LinkInfo.type, true),
      id: view.getUint32(LinkInfo.id, true),
      progId: view.getUint32(LinkInfo.prog_id, true),
    };
  });
}
