//go:build amd64 && !purego

#include "textflag.h"

// func cpuid1ECX() uint32
TEXT ·cpuid1ECX(SB), NOSPLIT, $0-4
	MOVL $1, AX
	XORL CX, CX
	CPUID
	MOVL CX, ret+0(FP)
	RET

// func sumRowsAsm(present *uint64, rank *uint32, rows []int16, fs []uint64, sum *[NLabels]int32)
//
// For each feature: its row r (the top 20 bits), the bitmap's word and
// bit for r, and if the bit is set the row's index k, the rank of the
// word plus the bits set below r in it; the row's first eight weights
// are sign-extended into X0 (labels 0-3) and X1 (4-7), the ninth added
// to R12. Registers: SI present, DI rank, R8 rows, R9 the next feature,
// R10 features left, R11 sum.
TEXT ·sumRowsAsm(SB), NOSPLIT, $0-72
	MOVQ present+0(FP), SI
	MOVQ rank+8(FP), DI
	MOVQ rows_base+16(FP), R8
	MOVQ fs_base+40(FP), R9
	MOVQ fs_len+48(FP), R10
	MOVQ sum+64(FP), R11
	PXOR X0, X0
	PXOR X1, X1
	XORL R12, R12

loop:
	MOVQ (R9), AX
	SHRQ $44, AX         // r
	MOVQ AX, BX
	SHRQ $6, BX          // the bitmap's word
	MOVQ (SI)(BX*8), DX
	BTQ  AX, DX          // the carry is bit r%64
	JCC  next
	MOVQ AX, CX
	MOVQ $1, R13
	SHLQ CX, R13
	DECQ R13
	ANDQ R13, DX
	POPCNTQ DX, DX       // rows kept below r in its word
	MOVL (DI)(BX*4), R14
	ADDQ DX, R14         // k
	LEAQ (R14)(R14*8), R14
	MOVOU (R8)(R14*2), X2
	MOVWQSX 16(R8)(R14*2), R13
	ADDL R13, R12
	MOVOU X2, X3
	PUNPCKLWL X2, X2
	PSRAL $16, X2
	PUNPCKHWL X3, X3
	PSRAL $16, X3
	PADDL X2, X0
	PADDL X3, X1

next:
	ADDQ $8, R9
	DECQ R10
	JNZ  loop

	MOVOU X0, (R11)
	MOVOU X1, 16(R11)
	MOVL R12, 32(R11)
	RET
