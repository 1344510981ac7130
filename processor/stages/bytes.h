/* Byte-level helpers shared by the stages that read text eight bytes at a
 * time (text.c, record.c) and by those that classify bytes through a table
 * (text.c, record.c, places.c). */
#ifndef NE_BYTES_H
#define NE_BYTES_H

/* One in each byte, and each byte's high bit: for SWAR tests on a uint64_t. */
#define NE_ONES8 0x0101010101010101ull
#define NE_HIGH8 0x8080808080808080ull

/* A 256-entry table initialiser from a byte macro F(c): the table of a
 * predicate ("is c a letter or a digit") or a map (c folded), built at
 * compile time, so that a hot loop makes one load a byte where it made
 * several tests. F must be a macro of one argument that takes any
 * parenthesised integer expression. */
#define NE_BT8_(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3), F((c) + 4), F((c) + 5), F((c) + 6), F((c) + 7)
#define NE_BT32_(F, c) NE_BT8_(F, c), NE_BT8_(F, (c) + 8), NE_BT8_(F, (c) + 16), NE_BT8_(F, (c) + 24)
#define NE_BYTE_TABLE(F)                                                                                     \
    {NE_BT32_(F, 0), NE_BT32_(F, 32), NE_BT32_(F, 64), NE_BT32_(F, 96), NE_BT32_(F, 128), NE_BT32_(F, 160), \
     NE_BT32_(F, 192), NE_BT32_(F, 224)}

#endif
