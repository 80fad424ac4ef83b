// The FFT butterflies and training loops with AVX-512 (F, DQ, VL), in 512-bit vectors; called only when the CPU reports them.
#include "CVectorKernels.h"
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx,avx2,fma,avx512f,avx512dq,avx512vl"))), apply_to = function)
#define KERNEL(name) specbook_##name##_avx512
#include "FFTKernelBodies.h"
#include "LearningKernelBodies.h"
#include "DenseKernelTypes.h"
#include "VectorKernelTable.h"
#pragma clang attribute pop
#endif
