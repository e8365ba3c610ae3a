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
