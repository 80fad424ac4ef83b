// One variant's entry points, included after FFTKernelBodies.h with the same KERNEL(name).

specbook_fft_butterfly KERNEL(butterfly_for)(int radix) {
    switch (radix) {
    case 2: return KERNEL(radix2);
    case 3: return KERNEL(radix3);
    case 4: return KERNEL(radix4);
    case 5: return KERNEL(radix5);
    case 8: return KERNEL(radix8);
    default: return 0;
    }
}

void KERNEL(rfft_pack_entry)(const double *x, double *re, double *im, long h) { KERNEL(rfft_pack)(x, re, im, h); }

void KERNEL(rfft_split_entry)(double *re, double *im, long h, const double *wr, const double *wi) {
    KERNEL(rfft_split)(re, im, h, wr, wi);
}

void KERNEL(tanh_f32_entry)(float *a, float *d, long count) { KERNEL(tanh_f32)(a, d, count); }

void KERNEL(tanh_f64_entry)(double *a, double *d, long count) { KERNEL(tanh_f64)(a, d, count); }

void KERNEL(adam_f32_entry)(float *p, float *m, float *v, const float *g, long count, float step, float b1, float b2,
                            float c1, float c2, float correction2, float eps) {
    KERNEL(adam_f32)(p, m, v, g, count, step, b1, b2, c1, c2, correction2, eps);
}

void KERNEL(phase_row_entry)(long n, long d, const long *k, long count, const double *const *coarse,
                             const double *const *fine, long fine_count, const double *scale, double *oc, double *os,
                             double *work) {
    KERNEL(phase_row)(n, d, k, count, coarse, fine, fine_count, scale, oc, os, work);
}
