// glibc's mallopt for the heap settings of a one-shot bpc process: Swift's Glibc
// module does not import <malloc.h>, and a statically linked bpc has no dynamic
// symbols to look up.

#ifndef BPC_CHEAPTUNING_H
#define BPC_CHEAPTUNING_H

/// The heap of a one-shot compiler process: glibc's heap grows in large steps
/// (M_TOP_PAD 256 MB) and is never trimmed (M_TRIM_THRESHOLD 1 GB), and large
/// buffers (token arrays, the YAML output) stay in the heap instead of being
/// mapped and unmapped (M_MMAP_THRESHOLD 256 MB), so compiling a large file
/// takes fewer page faults (about 8% of `bpc compile` on a 10 MB input).
/// `bpc` sets it at start, and `bpc-bench` too, so that its figures are those
/// of the heap `bpc` runs with. Returns 0 when glibc refused a setting, 1 when
/// all took, -1 where there is no glibc (nothing changes).
int bpc_tune_heap_for_one_shot_process(void);

#endif
