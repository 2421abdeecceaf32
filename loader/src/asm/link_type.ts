/**
 * Link types (`enum bpf_link_type` of include/uapi/linux/bpf.h), the `type` that
 * BPF_OBJ_GET_INFO_BY_FD reports for a link. Keys drop the `BPF_LINK_TYPE_` prefix.
 */
import { enumNames } from "./enum_names.ts";

/** Link types: `LinkType.TCX === 11`. */
export const LinkType = {
  UNSPEC: 0,
  RAW_TRACEPOINT: 1, // 5.8
  TRACING: 2, // 5.8
  CGROUP: 3, // 5.8
  ITER: 4, // 5.8
  NETNS: 5, // 5.8
  XDP: 6, // 5.9
  PERF_EVENT: 7, // 5.15
  KPROBE_MULTI: 8, // 5.18
  STRUCT_OPS: 9, // 6.4
  NETFILTER: 10, // 6.4
  TCX: 11, // 6.6
  UPROBE_MULTI: 12, // 6.6
  NETKIT: 13, // 6.7
  SOCKMAP: 14, // 6.10
} as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

/** The `LinkType` key of a number (`"TCX"` for 11), or undefined for an unknown type. */
export const linkTypeName: (value: number) => string | undefined = enumNames(LinkType);
