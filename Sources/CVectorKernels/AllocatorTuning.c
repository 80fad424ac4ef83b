// glibc's allocator settings for numerical programs (see specbook_tune_allocator in CVectorKernels.h).
#include "CVectorKernels.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int specbook_tune_allocator(void) {
#if defined(__GLIBC__)
    // mmap only above 32 MiB (glibc's largest threshold), keep up to 1 GiB of freed memory, grow the heap 64 MiB at a time
    return mallopt(M_MMAP_THRESHOLD, 32 << 20) && mallopt(M_TRIM_THRESHOLD, 1 << 30) && mallopt(M_TOP_PAD, 64 << 20);
#else
    return 0;
#endif
}
