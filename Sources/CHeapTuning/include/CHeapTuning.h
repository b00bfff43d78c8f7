// glibc's mallopt for HeapTuning: Swift's Glibc module does not import
// <malloc.h>, and a statically linked bpc has no dynamic symbols to look up.

#ifndef BPC_CHEAPTUNING_H
#define BPC_CHEAPTUNING_H

/// Sets glibc's M_TOP_PAD and M_MMAP_THRESHOLD to `pad` and M_TRIM_THRESHOLD to
/// `trim` (bytes); returns 0 when glibc refused one, 1 when all took, -1 where
/// there is no glibc.
int bpc_tune_heap(int pad, int trim);

#endif
