/**
 * The loader on its own: count this process's getppid() calls with a program assembled in
 * TypeScript. Run as root: `bun examples/loader/count_syscalls.ts`
 * (or `deno run --allow-ffi examples/loader/count_syscalls.ts`). Prints:
 *
 *   attached count to syscalls:sys_enter_getppid
 *   the kernel counted 1000 getppid() calls from pid <pid>
 */
import {
  alu64, assemble, atomic, AtomicOp, attachTracepoint, BpfMap, call, exit, getpid, getppid,
  Helper, jmp, label, ldMapRef, loadProgram, MapType, mov64, programSpec, ProgType, R0, R1, R10,
  R2, Size, st,
} from "@ts-bpf/loader";

const pid = getpid();
using counts = BpfMap.create({ name: "counts", type: MapType.ARRAY, keySize: 4, valueSize: 8,
  maxEntries: 1 });
using program = loadProgram(programSpec("count", ProgType.TRACEPOINT, assemble([
  call(Helper.get_current_pid_tgid), alu64.rsh.imm(R0, 32), // tgid = pid_tgid >> 32
  jmp.jne.imm(R0, pid, "out"), //                              only this process
  st(Size.W, R10, -4, 0), //                                   u32 key = 0
  mov64.reg(R2, R10), alu64.add.imm(R2, -4),
  ldMapRef(R1, "counts"),
  call(Helper.map_lookup_elem), //                             u64 *n = lookup(&counts, &key)
  jmp.jeq.imm(R0, 0, "out"),
  mov64.imm(R1, 1), atomic(Size.DW, AtomicOp.ADD, R0, R1, 0), // (*n)++, atomically
  label("out"), mov64.imm(R0, 0), exit(),
])), { maps: { counts } });

{
  using _link = attachTracepoint(program, "syscalls:sys_enter_getppid");
  console.log("attached count to syscalls:sys_enter_getppid");
  for (let i = 0; i < 1000; i++) getppid();
}
const value = counts.lookup(new Uint8Array(4))!;
const n = new DataView(value.buffer).getBigUint64(0, true);
console.log(`the kernel counted ${n} getppid() calls from pid ${pid}`);
