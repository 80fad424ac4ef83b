// The FFT butterflies and training loops for the target's baseline instruction set (SSE2 on x86-64).
#include "CVectorKernels.h"
#define KERNEL(name) specbook_##name##_baseline
#include "FFTKernelBodies.h"
#include "LearningKernelBodies.h"
#include "DenseKernelTypes.h"
#include "VectorKernelTable.h"
