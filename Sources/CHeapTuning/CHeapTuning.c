// glibc's mallopt for HeapTuning (see include/CHeapTuning.h).

#include "CHeapTuning.h"

#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int bpc_tune_heap(int pad, int trim) {
    int ok = mallopt(M_TOP_PAD, pad);
    ok &= mallopt(M_MMAP_THRESHOLD, pad);
    ok &= mallopt(M_TRIM_THRESHOLD, trim);
    return ok ? 1 : 0;
}
#else
int bpc_tune_heap(int pad, int trim) {
    (void)pad;
    (void)trim;
    return -1;
}
#endif
