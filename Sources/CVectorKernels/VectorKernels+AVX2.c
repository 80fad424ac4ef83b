// The FFT butterflies and training loops with AVX2 and FMA; called only when the CPU reports both.
#include "CVectorKernels.h"
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx,avx2,fma"))), apply_to = function)
#define KERNEL(name) specbook_##name##_avx2
#include "FFTKernelBodies.h"
#include "LearningKernelBodies.h"
#include "DenseKernelTypes.h"
#include "VectorKernelTable.h"
#pragma clang attribute pop
#endif
