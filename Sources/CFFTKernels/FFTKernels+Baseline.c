// The butterfly passes for the target's baseline instruction set (SSE2 on x86-64).
#include "CFFTKernels.h"
#define KERNEL(name) specbook_##name##_baseline
#include "FFTKernelBodies.h"
#include "FFTKernelTable.h"
