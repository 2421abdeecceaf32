/**
 * kernelOffset() values travel in the artifact, and an artifact whose offsets are not the
 * running kernel's is refused before anything is loaded, naming each wrong member.
 */
import { describe, expect } from "bun:test";
import { getpid, getppid, kernelStructOffsets } from "@ts-bpf/loader";
import { compile } from "@ts-bpf/compiler";
import { decodeValue, encodeValue, load, ProbeError } from "@ts-bpf/runtime";
import { kernelTest } from "../../test/support/gates.ts";

const SOURCE = `
import { currentTask, HashMap, kernelOffset, pid, readKernel, tracepoint, type u32, type u64 } from "@ts-bpf/probes";
const parents = new HashMap<u32, u32>({ entries: 64 });
tracepoint("syscalls:sys_enter_getppid", () => {
  const parent = readKernel<u64>(currentTask() + kernelOffset("task_struct", "real_parent"));
  parents.set(pid(), readKernel<u32>(parent + kernelOffset("task_struct", "tgid")));
});
`;

function compiled() {
  const result = compile({ file: "parents.ts", source: SOURCE, kernelTypes: kernelStructOffsets(),
    tracepointFormat: () => `name: sys_enter_getppid\nID: 1\nformat:\n\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n` });
  if (!result.artifact) throw new Error(result.rendered());
  return result.artifact;
}

describe("kernel struct offsets in artifacts", () => {
  kernelTest("are listed, and a probe built for this kernel reads the parent's pid through them", async () => {
    const artifact = compiled();
    const kernel = kernelStructOffsets();
    expect(artifact.kernelOffsets).toEqual([
      { struct: "task_struct", member: "real_parent", offset: kernel.memberOffset("task_struct", "real_parent") },
      { struct: "task_struct", member: "tgid", offset: kernel.memberOffset("task_struct", "tgid") },
    ]);
    const probe = await load(artifact, { userspace: false });
    try {
      getppid();
      const { artifact: map, live } = probe.map("parents");
      const parent = live.lookup(encodeValue(map.key, getpid()));
      expect(parent && decodeValue(map.value, parent)).toBe(process.ppid);
    } finally {
      await probe.close();
    }
  });

  kernelTest("built for another kernel, the artifact is refused, each wrong member named", async () => {
    const artifact = compiled();
    const tgid = artifact.kernelOffsets!.find((k) => k.member === "tgid")!;
    const here = tgid.offset;
    tgid.offset += 8;
    let error: unknown;
    try {
      await load(artifact, { userspace: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as Error).message).toBe("parents.ts was compiled for another kernel's structs:\n" +
      `  task_struct.tgid is at ${here} in this kernel, at ${here + 8} in the artifact\n` +
      "Rebuild it on this machine (tsbpf build), or build it elsewhere with --btf and a copy of this " +
      "kernel's /sys/kernel/btf/vmlinux.");
  });
});
