// glibc's mallopt for a one-shot process (see include/CHeapTuning.h).

#include "CHeapTuning.h"

#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int bpc_tune_heap_for_one_shot_process(void) {
    const int pad = 256 << 20;
    const int trim = 1 << 30;
    int ok = mallopt(M_TOP_PAD, pad);
    ok &= mallopt(M_MMAP_THRESHOLD, pad);
    ok &= mallopt(M_TRIM_THRESHOLD, trim);
    return ok ? 1 : 0;
}
#else
int bpc_tune_heap_for_one_shot_process(void) {
    return -1;
}
#endif
