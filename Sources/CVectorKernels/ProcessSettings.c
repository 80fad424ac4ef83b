// Process-wide settings notebook programs start with (see CVectorKernels.h): glibc's allocator and the SSE/AVX
// control register.
#include "CVectorKernels.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__x86_64__)
#include <xmmintrin.h>
#endif

int specbook_tune_allocator(void) {
#if defined(__GLIBC__)
    // mmap only above 32 MiB (glibc's largest threshold), keep up to 1 GiB of freed memory, grow the heap 64 MiB at a time
    return mallopt(M_MMAP_THRESHOLD, 32 << 20) && mallopt(M_TRIM_THRESHOLD, 1 << 30) && mallopt(M_TOP_PAD, 64 << 20);
#else
    return 0;
#endif
}

int specbook_flush_subnormals(void) {
#if defined(__x86_64__)
    // MXCSR bit 15 (FTZ): subnormal results become 0; bit 6 (DAZ): subnormal inputs read as 0
    _mm_setcsr(_mm_getcsr() | 0x8040u);
    return 1;
#else
    return 0;
#endif
}
