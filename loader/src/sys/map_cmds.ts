/** bpf() map commands, one function each. Keys and values are passed as native addresses. */
import { attr, bpfCall, bpfRaw } from "./bpf.ts";
import { BpfCmd } from "./bpf_cmd.ts";
import { MapBatchAttr, MapCreateAttr, MapElemAttr } from "./layouts.generated.ts";

export interface MapCreateOptions {
  mapType: number;
  keySize: number;
  valueSize: number;
  maxEntries: number;
  flags?: number;
  name?: string;
  innerMapFd?: number;
  btfFd?: number;
  btfKeyTypeId?: number;
  btfValueTypeId?: number;
  mapExtra?: bigint;
}

/** BPF_MAP_CREATE; returns the map fd. */
export function mapCreate(o: MapCreateOptions): number {
  const a = attr()
    .u32(MapCreateAttr.map_type, o.mapType)
    .u32(MapCreateAttr.key_size, o.keySize)
    .u32(MapCreateAttr.value_size, o.valueSize)
    .u32(MapCreateAttr.max_entries, o.maxEntries)
    .u32(MapCreateAttr.map_flags, o.flags ?? 0)
    .u32(MapCreateAttr.inner_map_fd, o.innerMapFd ?? 0)
    .name(MapCreateAttr.map_name, o.name ?? "", 16)
    .u32(MapCreateAttr.btf_fd, o.btfFd ?? 0)
    .u32(MapCreateAttr.btf_key_type_id, o.btfKeyTypeId ?? 0)
    .u32(MapCreateAttr.btf_value_type_id, o.btfValueTypeId ?? 0)
    .u64(MapCreateAttr.map_extra, o.mapExtra ?? 0n);
  return bpfCall(BpfCmd.MAP_CREATE, a, o.name ? `map '${o.name}'` : undefined);
}

function elem(cmd: number, fd: number, key: number, value: number, flags: number): number {
  const a = attr()
    .u32(MapElemAttr.map_fd, fd)
    .u64(MapElemAttr.key, key)
    .u64(MapElemAttr.value, value)
    .u64(MapElemAttr.flags, flags);
  return bpfRaw(cmd, a);
}

/** BPF_MAP_LOOKUP_ELEM; returns 0 or -errno (-ENOENT when the key is absent). */
export function mapLookupElem(fd: number, key: number, value: number, flags = 0): number {
  return elem(BpfCmd.MAP_LOOKUP_ELEM, fd, key, value, flags);
}

/** BPF_MAP_UPDATE_ELEM; returns 0 or -errno. */
export function mapUpdateElem(fd: number, key: number, value: number, flags = 0): number {
  return elem(BpfCmd.MAP_UPDATE_ELEM, fd, key, value, flags);
}

/** BPF_MAP_DELETE_ELEM; returns 0 or -errno. */
export function mapDeleteElem(fd: number, key: number): number {
  return elem(BpfCmd.MAP_DELETE_ELEM, fd, key, 0, 0);
}

/** BPF_MAP_LOOKUP_AND_DELETE_ELEM; returns 0 or -errno. */
export function mapLookupAndDeleteElem(fd: number, key: number, value: number): number {
  return elem(BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM, fd, key, value, 0);
}

/** BPF_MAP_GET_NEXT_KEY (key 0 = first key); returns 0 or -errno (-ENOENT at the end). */
export function mapGetNextKey(fd: number, key: number, nextKey: number): number {
  return elem(BpfCmd.MAP_GET_NEXT_KEY, fd, key, nextKey, 0);
}

export interface BatchRequest {
  fd: number;
  inBatch: number;
  outBatch: number;
  keys: number;
  values: number;
  count: number;
  elemFlags?: number;
}

/** A batch command; returns { result (0 or -errno), count actually processed }. */
export function mapBatch(cmd: number, r: BatchRequest): { result: number; count: number } {
  const a = attr()
    .u64(MapBatchAttr.in_batch, r.inBatch)
    .u64(MapBatchAttr.out_batch, r.outBatch)
    .u64(MapBatchAttr.keys, r.keys)
    .u64(MapBatchAttr.values, r.values)
    .u32(MapBatchAttr.count, r.count)
    .u32(MapBatchAttr.map_fd, r.fd)
    .u64(MapBatchAttr.elem_flags, r.elemFlags ?? 0);
  const result = bpfRaw(cmd, a);
  return { result, count: a.readU32(MapBatchAttr.count) };
}

/** BPF_MAP_FREEZE: userspace can no longer write the map. */
export function mapFreeze(fd: number): void {
  bpfCall(BpfCmd.MAP_FREEZE, attr().u32(MapElemAttr.map_fd, fd));
}
