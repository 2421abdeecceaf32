# A BPF relocatable object as LLVM writes it, for relocations_test.ts and symbols_test.ts.
# Rebuild: llvm-mc -triple bpfel -filetype=obj -o llvm_bpf_object.o llvm_bpf_object.s  (LLVM 14)
	.text
	.section	"tracepoint/syscalls/sys_enter_openat","ax",@progbits
	.globl	on_openat
	.p2align	3
	.type	on_openat,@function
on_openat:
	r1 = counts ll
	r2 = 0 ll
	r2 = message ll
	call helper_fn
	r0 = 0
	exit
.Lfunc_end0:
	.size	on_openat, .Lfunc_end0-on_openat

	.text
	.globl	helper_fn
	.p2align	3
	.type	helper_fn,@function
helper_fn:
	r0 = 1
	exit
.Lfunc_end1:
	.size	helper_fn, .Lfunc_end1-helper_fn

	.section	.maps,"aw",@progbits
	.globl	counts
	.p2align	3
	.type	counts,@object
counts:
	.zero	32
	.size	counts, 32

	.section	.rodata.str1.1,"aMS",@progbits,1
	.type	message,@object
message:
	.asciz	"hi"
	.size	message, 3

	.section	license,"aw",@progbits
	.globl	LICENSE
	.type	LICENSE,@object
LICENSE:
	.asciz	"GPL"
	.size	LICENSE, 4

	.section	.data.ptrs,"aw",@progbits
	.p2align	3
	.type	ptr64,@object
ptr64:
	.quad	counts
	.long	LICENSE
	.size	ptr64, 12
