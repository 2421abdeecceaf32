/**
 * Reads what a corpus program expects of itself. Comment lines right above a `test("name", …)`
 * declaration say what running that test probe must give:
 *
 *   // expect: 4                      run with no arguments; the probe returns 4
 *   // expect(250, 10): 4             run with ctx.arg(0) = 250, ctx.arg(1) = 10
 *   // expect-map: counts[3] = 7      afterwards, map `counts` holds 7 at key 3
 *   // expect-map: total = 60         a keyless aggregation's single value
 *   // expect-map: seen[9] = none     …or has no entry for key 9
 *   // expect-records: events = [{ pid: $pid, value: 5 }]   records emitted to a RingBuf
 *
 * Values use the language of expected_values.ts. A test probe's return value reaches userspace
 * as 32 bits (BPF_PROG_TEST_RUN's retval), so `expect:` takes values that fit 32 bits (negative
 * ones mean their two's complement); 64-bit results are checked through a map. Every other
 * comment line is prose. Each test probe must have at least one `expect` line.
 */
import { type Expected, parseExpected, parseExpectedList } from "./expected_values.ts";

export interface Run {
  args: Expected[];
  expect: Expected;
  line: number;
}

export interface MapCheck {
  map: string;
  /** Undefined for a keyless aggregation (its value at index 0). */
  key?: Expected;
  value: Expected;
  line: number;
}

export interface RecordsCheck {
  map: string;
  records: Expected[];
  line: number;
}

export interface TestExpectations {
  /** The test probe's name, as passed to test(). */
  name: string;
  line: number;
  runs: Run[];
  maps: MapCheck[];
  records: RecordsCheck[];
}

const DIRECTIVE = /^\s*\/\/\s*(expect(?:-map|-records)?)\b\s*(.*)$/;
const TEST_CALL = /^\s*test\(\s*"([^"]+)"/;

/** The expectations of every test probe in `source`, in file order. Throws on malformed ones. */
export function readExpectations(file: string, source: string): TestExpectations[] {
  const out: TestExpectations[] = [];
  let pending: Omit<TestExpectations, "name" | "line"> = { runs: [], maps: [], records: [] };
  let pendingLine = 0;
  const lines = source.split("\n");
  lines.forEach((text, index) => {
    const line = index + 1;
    const where = `${file}:${line}`;
    const directive = DIRECTIVE.exec(text);
    if (directive) {
      try {
        readDirective(directive[1]!, directive[2]!, line, pending);
      } catch (e) {
        throw new Error(`${where}: ${(e as Error).message}`);
      }
      pendingLine ||= line;
      return;
    }
    const call = TEST_CALL.exec(text);
    if (!call) return;
    const name = call[1]!;
    if (pending.runs.length === 0) {
      throw new Error(`${where}: test "${name}" has no '// expect: …' line above it`);
    }
    if (out.some((t) => t.name === name)) throw new Error(`${where}: a second test named "${name}"`);
    out.push({ name, line, ...pending });
    pending = { runs: [], maps: [], records: [] };
    pendingLine = 0;
  });
  if (pendingLine) throw new Error(`${file}:${pendingLine}: expectations with no test() below them`);
  return out;
}

function readDirective(kind: string, rest: string, line: number,
  into: Omit<TestExpectations, "name" | "line">): void {
  if (kind === "expect") {
    const m = /^(?:\((.*)\))?\s*:\s*(.+)$/.exec(rest);
    if (!m) throw new Error("write '// expect: VALUE' or '// expect(ARG, …): VALUE'");
    const expect = parseExpected(m[2]!);
    if (expect.kind === "int" && (expect.value < -(1n << 31n) || expect.value >= 1n << 32n)) {
      throw new Error(`${expect.value} does not fit the 32-bit return value of a test run; ` +
        "store 64-bit results in a map and use '// expect-map:'");
    }
    into.runs.push({ args: parseExpectedList(m[1] ?? ""), expect, line });
    return;
  }
  if (kind === "expect-map") {
    // Hidden maps go by their kernel name, which may be a section's (".data.events_drops").
    const m = /^:\s*([A-Za-z_.][A-Za-z0-9_.]*)\s*(?:\[(.*)\])?\s*=\s*(.+)$/.exec(rest);
    if (!m) throw new Error("write '// expect-map: NAME[KEY] = VALUE' or 'NAME = VALUE'");
    into.maps.push({ map: m[1]!, key: m[2] === undefined ? undefined : parseExpected(m[2]),
      value: parseExpected(m[3]!), line });
    return;
  }
  const m = /^:\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\[.*\])$/.exec(rest);
  if (!m) throw new Error("write '// expect-records: NAME = [RECORD, …]'");
  const list = parseExpected(m[2]!);
  into.records.push({ map: m[1]!, records: list.kind === "array" ? list.items : [], line });
}
