//go:build amd64 && !purego

#include "textflag.h"

// Byte constants, sixteen copies each: for the ASCII classes, loaded into
// X4-X12 once a call, and for the bytes from 0x80 on, loaded when a step
// meets one.
DATA lo20<>+0(SB)/8, $0x2020202020202020
DATA lo20<>+8(SB)/8, $0x2020202020202020
GLOBL lo20<>(SB), RODATA|NOPTR, $16
DATA loA<>+0(SB)/8, $0x6161616161616161
DATA loA<>+8(SB)/8, $0x6161616161616161
GLOBL loA<>(SB), RODATA|NOPTR, $16
DATA lo19<>+0(SB)/8, $0x1919191919191919
DATA lo19<>+8(SB)/8, $0x1919191919191919
GLOBL lo19<>(SB), RODATA|NOPTR, $16
DATA lo30<>+0(SB)/8, $0x3030303030303030
DATA lo30<>+8(SB)/8, $0x3030303030303030
GLOBL lo30<>(SB), RODATA|NOPTR, $16
DATA lo09<>+0(SB)/8, $0x0909090909090909
DATA lo09<>+8(SB)/8, $0x0909090909090909
GLOBL lo09<>(SB), RODATA|NOPTR, $16
DATA lo5F<>+0(SB)/8, $0x5f5f5f5f5f5f5f5f
DATA lo5F<>+8(SB)/8, $0x5f5f5f5f5f5f5f5f
GLOBL lo5F<>(SB), RODATA|NOPTR, $16
DATA lo7C<>+0(SB)/8, $0x7c7c7c7c7c7c7c7c
DATA lo7C<>+8(SB)/8, $0x7c7c7c7c7c7c7c7c
GLOBL lo7C<>(SB), RODATA|NOPTR, $16
DATA lo2F<>+0(SB)/8, $0x2f2f2f2f2f2f2f2f
DATA lo2F<>+8(SB)/8, $0x2f2f2f2f2f2f2f2f
GLOBL lo2F<>(SB), RODATA|NOPTR, $16
DATA lo28<>+0(SB)/8, $0x2828282828282828
DATA lo28<>+8(SB)/8, $0x2828282828282828
GLOBL lo28<>(SB), RODATA|NOPTR, $16
DATA hiC0<>+0(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA hiC0<>+8(SB)/8, $0xc0c0c0c0c0c0c0c0
GLOBL hiC0<>(SB), RODATA|NOPTR, $16
DATA hi80<>+0(SB)/8, $0x8080808080808080
DATA hi80<>+8(SB)/8, $0x8080808080808080
GLOBL hi80<>(SB), RODATA|NOPTR, $16
DATA hiC3<>+0(SB)/8, $0xc3c3c3c3c3c3c3c3
DATA hiC3<>+8(SB)/8, $0xc3c3c3c3c3c3c3c3
GLOBL hiC3<>(SB), RODATA|NOPTR, $16
DATA hi1E<>+0(SB)/8, $0x1e1e1e1e1e1e1e1e
DATA hi1E<>+8(SB)/8, $0x1e1e1e1e1e1e1e1e
GLOBL hi1E<>(SB), RODATA|NOPTR, $16
DATA hiEA<>+0(SB)/8, $0xeaeaeaeaeaeaeaea
DATA hiEA<>+8(SB)/8, $0xeaeaeaeaeaeaeaea
GLOBL hiEA<>(SB), RODATA|NOPTR, $16
DATA hi03<>+0(SB)/8, $0x0303030303030303
DATA hi03<>+8(SB)/8, $0x0303030303030303
GLOBL hi03<>(SB), RODATA|NOPTR, $16
DATA hiE2<>+0(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA hiE2<>+8(SB)/8, $0xe2e2e2e2e2e2e2e2
GLOBL hiE2<>(SB), RODATA|NOPTR, $16
DATA hiC2<>+0(SB)/8, $0xc2c2c2c2c2c2c2c2
DATA hiC2<>+8(SB)/8, $0xc2c2c2c2c2c2c2c2
GLOBL hiC2<>(SB), RODATA|NOPTR, $16
DATA hiE3<>+0(SB)/8, $0xe3e3e3e3e3e3e3e3
DATA hiE3<>+8(SB)/8, $0xe3e3e3e3e3e3e3e3
GLOBL hiE3<>(SB), RODATA|NOPTR, $16
DATA hi06<>+0(SB)/8, $0x0606060606060606
DATA hi06<>+8(SB)/8, $0x0606060606060606
GLOBL hi06<>(SB), RODATA|NOPTR, $16
DATA hiEF<>+0(SB)/8, $0xefefefefefefefef
DATA hiEF<>+8(SB)/8, $0xefefefefefefefef
GLOBL hiEF<>(SB), RODATA|NOPTR, $16

// INRANGE sets x to 0xFF in each byte of X0 from lo to lo+span and 0
// elsewhere: (b-lo) is at most span, unsigned, exactly when the smaller
// of the two is b-lo. y is scratch; lo and span are registers.
#define INRANGE(lo, span, x, y) MOVOU X0, x; PSUBB lo, x; MOVOU x, y; PMINUB span, y; PCMPEQB y, x

// EMIT writes the lowest set bit of R12 as a boundary, counts it if
// there was one, and clears it: NEGQ sets the carry for a non-zero R12.
#define EMIT BSFQ R12, CX; ADDQ AX, CX; MOVL CX, (DI)(R14*4); MOVQ R12, DX; NEGQ DX; ADCQ $0, R14; LEAQ -1(R12), DX; ANDQ DX, R12

// func scanBytesSSE2(t string, bnd []int32) (nb int, acc, accHigh, wl uint64)
//
// Each step reads k bytes (sixteen, or the last k of t from a load of its
// last sixteen, shifted down), classes them into the masks R9 (word
// bytes) and R12 (continuation bytes), carries the class of a word byte
// along the continuation bytes after it, and writes the offsets where
// the word mask changes. Registers: SI t, BX len(t), DI bnd, AX the step's
// offset, R13 k, R14 nb, R8 whether the byte before the step is a word
// byte, R10 and R11 the masks ORed (see scanBytes), CX and DX scratch.
// X4-X12 hold the ASCII constants.
TEXT ·scanBytesSSE2(SB), NOSPLIT, $0-72
	MOVQ t_base+0(FP), SI
	MOVQ t_len+8(FP), BX
	MOVQ bnd_base+16(FP), DI
	XORQ AX, AX
	XORQ R14, R14
	XORQ R8, R8
	XORQ R10, R10
	XORQ R11, R11
	MOVOU lo20<>(SB), X4
	MOVOU loA<>(SB), X5
	MOVOU lo19<>(SB), X6
	MOVOU lo30<>(SB), X7
	MOVOU lo09<>(SB), X8
	MOVOU lo5F<>(SB), X9
	MOVOU lo7C<>(SB), X10
	MOVOU lo2F<>(SB), X11
	MOVOU lo28<>(SB), X12

step:
	MOVQ BX, R13
	SUBQ AX, R13 // bytes left
	JLE  done
	CMPQ R13, $16
	JLE  load
	MOVQ $16, R13

load:
	// The step's bytes are the last k of the sixteen at AX+k-16.
	LEAQ  -16(SI)(AX*1), DX
	MOVOU (DX)(R13*1), X0

	// ASCII word bytes: letters (b|0x20 from 'a' to 'z'), digits, '_'.
	MOVOU   X0, X1
	POR     X4, X1
	PSUBB   X5, X1
	MOVOU   X1, X2
	PMINUB  X6, X2
	PCMPEQB X2, X1
	INRANGE(X7, X8, X2, X3)
	POR     X2, X1
	MOVOU   X0, X2
	PCMPEQB X9, X2
	POR     X2, X1

	// '|', '/', '(' into R10's bits 16-31.
	MOVOU    X0, X2
	PCMPEQB  X10, X2
	MOVOU    X0, X3
	PCMPEQB  X11, X3
	POR      X3, X2
	MOVOU    X0, X3
	PCMPEQB  X12, X3
	POR      X3, X2
	PMOVMSKB X2, DX
	SHLQ     $16, DX
	ORQ      DX, R10

	XORQ     R12, R12
	PMOVMSKB X0, DX
	TESTQ    DX, DX
	JZ       ascii

	// Bytes from 0x80 on: continuation bytes (0x80-0xBF), the lead bytes
	// of letters (0xC3-0xE1, 0xEA-0xED), and the flags for 0xE2, 0xC2 and
	// the CJK lead bytes (0xE3-0xE9, 0xEF).
	MOVOU    hiC0<>(SB), X13
	MOVOU    X0, X2
	PAND     X13, X2
	MOVOU    hi80<>(SB), X13
	PCMPEQB  X13, X2
	PMOVMSKB X2, R12
	MOVOU    hiC3<>(SB), X13
	MOVOU    hi1E<>(SB), X14
	INRANGE(X13, X14, X2, X3)
	POR      X2, X1
	MOVOU    hiEA<>(SB), X13
	MOVOU    hi03<>(SB), X14
	INRANGE(X13, X14, X2, X3)
	POR      X2, X1
	MOVOU    hiE2<>(SB), X13
	MOVOU    X0, X2
	PCMPEQB  X13, X2
	PMOVMSKB X2, DX
	SHLQ     $48, DX
	ORQ      DX, R10
	MOVOU    hiC2<>(SB), X13
	MOVOU    X0, X2
	PCMPEQB  X13, X2
	PMOVMSKB X2, DX
	ORQ      DX, R11
	MOVOU    hiE3<>(SB), X13
	MOVOU    hi06<>(SB), X14
	INRANGE(X13, X14, X2, X3)
	MOVOU    hiEF<>(SB), X13
	MOVOU    X0, X3
	PCMPEQB  X13, X3
	POR      X3, X2
	PMOVMSKB X2, DX
	SHLQ     $16, DX
	ORQ      DX, R11
	MOVQ     R12, DX
	SHLQ     $32, DX
	ORQ      DX, R10

ascii:
	PMOVMSKB X1, R9
	ORQ      R9, R10

	// Drop the bytes of the load before the step's k.
	MOVQ $16, CX
	SUBQ R13, CX
	SHRQ CX, R9
	SHRQ CX, R12

	// A run of continuation bytes takes the class of the byte before it:
	// its first byte, with a word byte (or R8) before it, is a seed, and
	// adding the seeds to the continuation mask carries through their
	// runs and clears them.
	MOVQ R12, DX
	SHLQ $1, DX
	NOTQ DX
	ANDQ R12, DX // first bytes of the runs
	MOVQ R9, CX
	SHLQ $1, CX
	ORQ  R8, CX
	ANDQ CX, DX  // seeds
	ADDQ R12, DX
	NOTQ DX
	ANDQ R12, DX
	ORQ  DX, R9  // word bytes, continuations included

	// Boundaries: where a byte's class differs from the byte before.
	MOVQ R9, R12
	SHLQ $1, R12
	ORQ  R8, R12
	XORQ R9, R12
	MOVQ $1, DX
	MOVQ R13, CX
	SHLQ CX, DX
	DECQ DX
	ANDQ DX, R12
	MOVQ R9, R8
	DECQ CX
	SHRQ CX, R8
	ANDQ $1, R8

	// Eight boundaries at a time without a branch on each: a step
	// usually has four to six, and a loop that stops where they do
	// mispredicts its exit on most steps. With none left, a slot is
	// written and not counted (BSF leaves CX as it was).
emit:
	EMIT
	EMIT
	EMIT
	EMIT
	EMIT
	EMIT
	EMIT
	EMIT
	TESTQ R12, R12
	JNZ   emit

next:
	ADDQ R13, AX
	JMP  step

done:
	MOVQ R14, nb+40(FP)
	MOVQ R10, acc+48(FP)
	MOVQ R11, accHigh+56(FP)
	MOVQ R8, wl+64(FP)
	RET
