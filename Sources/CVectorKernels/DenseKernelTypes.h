// Instantiates DenseKernelBodies.h for float and double and the table of one instruction set, KERNEL(dense_ops).
#define T float
#define DENSE(name) KERNEL(name##_f32)
#include "DenseKernelBodies.h"
#undef T
#undef DENSE

#define T double
#define DENSE(name) KERNEL(name##_f64)
#include "DenseKernelBodies.h"
#undef T
#undef DENSE

#define SPECBOOK_DENSE_ENTRY(name) {KERNEL(name##_f32), KERNEL(name##_f64)}
const struct specbook_dense_ops KERNEL(dense_ops) = {
    SPECBOOK_DENSE_ENTRY(forward_skinny), SPECBOOK_DENSE_ENTRY(forward_single),
    SPECBOOK_DENSE_ENTRY(gradient_single), SPECBOOK_DENSE_ENTRY(gradient_skinny),
    SPECBOOK_DENSE_ENTRY(outer), SPECBOOK_DENSE_ENTRY(relu), SPECBOOK_DENSE_ENTRY(backpropagate),
    SPECBOOK_DENSE_ENTRY(two_layer_forward), SPECBOOK_DENSE_ENTRY(two_layer_gradient),
};
#undef SPECBOOK_DENSE_ENTRY
