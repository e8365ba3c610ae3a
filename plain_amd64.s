//go:build amd64 && !purego

#include "textflag.h"

// func plainSpanSSE2(s []byte) int
//
// Sixteen bytes b at a time, with the sixteen bytes n one further on (each
// byte's right-hand neighbour), signed byte comparisons find
//   - b < 0x20 or b >= 0x80: 0x20 > b, as bytes from 0x80 are negative;
//   - b == 0x7F: b > 0x7E;
//   - two spaces: b == ' ' and n == ' ', which ends plain text one byte on.
// The lowest bit of the masks is the first byte that ends plain text.
TEXT ·plainSpanSSE2(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	XORQ AX, AX
	MOVQ $0x2020202020202020, DX
	MOVQ DX, X4
	PUNPCKLQDQ X4, X4
	MOVQ $0x7e7e7e7e7e7e7e7e, DX
	MOVQ DX, X5
	PUNPCKLQDQ X5, X5
	LEAQ -16(BX), CX // while i < len-16, bytes i to i+16 can be read

loop:
	CMPQ AX, CX
	JGE  done
	MOVOU (SI)(AX*1), X0
	MOVOU 1(SI)(AX*1), X1
	MOVO X4, X2
	PCMPGTB X0, X2 // 0x20 > b
	MOVO X0, X3
	PCMPGTB X5, X3 // b > 0x7E
	POR X3, X2
	PCMPEQB X4, X0 // b == ' '
	PCMPEQB X4, X1 // n == ' '
	PAND X1, X0
	PMOVMSKB X2, DX
	PMOVMSKB X0, R8
	SHLQ $1, R8
	ORQ R8, DX
	JNZ found
	ADDQ $16, AX
	JMP loop

found:
	BSFQ DX, DX
	ADDQ DX, AX

done:
	MOVQ AX, ret+24(FP)
	RET

// func plainSpanAVX2(s []byte) int
//
// The same as plainSpanSSE2, thirty-two bytes at a time: it returns the
// first byte that ends plain text or an index at which fewer than 33 bytes
// are left.
TEXT ·plainSpanAVX2(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	XORQ AX, AX
	MOVQ $0x2020202020202020, DX
	MOVQ DX, X4
	VPBROADCASTQ X4, Y4
	MOVQ $0x7e7e7e7e7e7e7e7e, DX
	MOVQ DX, X5
	VPBROADCASTQ X5, Y5
	LEAQ -32(BX), CX // while i < len-32, bytes i to i+32 can be read

loop32:
	CMPQ AX, CX
	JGE  tail
	VMOVDQU (SI)(AX*1), Y0
	VMOVDQU 1(SI)(AX*1), Y1
	VPCMPGTB Y0, Y4, Y2 // 0x20 > b
	VPCMPGTB Y5, Y0, Y3 // b > 0x7E
	VPOR Y3, Y2, Y2
	VPCMPEQB Y4, Y0, Y0 // b == ' '
	VPCMPEQB Y4, Y1, Y1 // n == ' '
	VPAND Y1, Y0, Y0
	VPMOVMSKB Y2, DX
	VPMOVMSKB Y0, R8
	SHLQ $1, R8
	ORQ R8, DX
	JNZ found32
	ADDQ $32, AX
	JMP loop32

found32:
	VZEROUPPER
	BSFQ DX, DX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

tail:
	VZEROUPPER
	MOVQ AX, ret+24(FP)
	RET

// func hasAVX2() bool
//
// AVX2 needs the instructions (CPUID leaf 7) and the operating system's
// support for the AVX registers (OSXSAVE, and XCR0 saving SSE and AVX
// state).
TEXT ·hasAVX2(SB), NOSPLIT, $0-1
	XORL AX, AX
	XORL CX, CX
	CPUID
	CMPL AX, $7
	JB   no
	MOVL $1, AX
	XORL CX, CX
	CPUID
	ANDL $0x18000000, CX // OSXSAVE and AVX
	CMPL CX, $0x18000000
	JNE  no
	XORL CX, CX
	XGETBV
	ANDL $6, AX
	CMPL AX, $6
	JNE  no
	MOVL $7, AX
	XORL CX, CX
	CPUID
	ANDL $0x20, BX // AVX2
	JZ   no
	MOVB $1, ret+0(FP)
	RET

no:
	MOVB $0, ret+0(FP)
	RET
