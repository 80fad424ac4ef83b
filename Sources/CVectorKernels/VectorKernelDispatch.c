// Chooses among the variants by what the CPU reports (cpuid through the compiler's builtins).
#include "CVectorKernels.h"

#define SPECBOOK_DECLARE(suffix)                                                                          \
    specbook_fft_butterfly specbook_butterfly_for_##suffix(int radix);                                    \
    void specbook_rfft_pack_entry_##suffix(const double *x, double *re, double *im, long h);              \
    void specbook_rfft_split_entry_##suffix(double *re, double *im, long h, const double *wr, const double *wi); \
    void specbook_tanh_f32_entry_##suffix(float *a, float *d, long count);                                     \
    void specbook_tanh_f64_entry_##suffix(double *a, double *d, long count);                                   \
    void specbook_phase_row_entry_##suffix(long n, long d, const long *k, long count, const double *const *coarse, \
                                           const double *const *fine, long fine_count, const double *scale,       \
                                           double *oc, double *os, double *work);                                 \
    void specbook_adam_f32_entry_##suffix(float *p, float *m, float *v, const float *g, long count, float step, \
                                          float b1, float b2, float c1, float c2, float correction2, float eps); \
    extern const struct specbook_dense_ops specbook_dense_ops_##suffix;
SPECBOOK_DECLARE(baseline)
#if defined(__x86_64__)
SPECBOOK_DECLARE(avx2)
SPECBOOK_DECLARE(avx512)
#endif

static int specbook_detect(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
        return SPECBOOK_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return SPECBOOK_AVX2;
#endif
    return SPECBOOK_BASELINE;
}

int specbook_fastest_instruction_set(void) {
    // cpuid once; a race between threads only repeats the same answer.
    static int fastest = -1;
    if (fastest < 0) fastest = specbook_detect();
    return fastest;
}

/// The set actually used: the one asked for, or the fastest supported when the CPU lacks it.
static int specbook_supported(int instruction_set) {
    const int fastest = specbook_fastest_instruction_set();
    return instruction_set < 0 || instruction_set > fastest ? fastest : instruction_set;
}

specbook_fft_butterfly specbook_fft_butterfly_for(int instruction_set, int radix) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: return specbook_butterfly_for_avx512(radix);
    case SPECBOOK_AVX2: return specbook_butterfly_for_avx2(radix);
#endif
    default: return specbook_butterfly_for_baseline(radix);
    }
}

void specbook_rfft_pack(int instruction_set, const double *x, double *re, double *im, long h) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: specbook_rfft_pack_entry_avx512(x, re, im, h); return;
    case SPECBOOK_AVX2: specbook_rfft_pack_entry_avx2(x, re, im, h); return;
#endif
    default: specbook_rfft_pack_entry_baseline(x, re, im, h); return;
    }
}

void specbook_rfft_split(int instruction_set, double *re, double *im, long h, const double *wr, const double *wi) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: specbook_rfft_split_entry_avx512(re, im, h, wr, wi); return;
    case SPECBOOK_AVX2: specbook_rfft_split_entry_avx2(re, im, h, wr, wi); return;
#endif
    default: specbook_rfft_split_entry_baseline(re, im, h, wr, wi); return;
    }
}

void specbook_tanh_f32(int instruction_set, float *a, float *d, long count) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: specbook_tanh_f32_entry_avx512(a, d, count); return;
    case SPECBOOK_AVX2: specbook_tanh_f32_entry_avx2(a, d, count); return;
#endif
    default: specbook_tanh_f32_entry_baseline(a, d, count); return;
    }
}

void specbook_tanh_f64(int instruction_set, double *a, double *d, long count) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: specbook_tanh_f64_entry_avx512(a, d, count); return;
    case SPECBOOK_AVX2: specbook_tanh_f64_entry_avx2(a, d, count); return;
#endif
    default: specbook_tanh_f64_entry_baseline(a, d, count); return;
    }
}

void specbook_adam_f32(int instruction_set, float *p, float *m, float *v, const float *g, long count, float step,
                       float b1, float b2, float c1, float c2, float correction2, float eps) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: specbook_adam_f32_entry_avx512(p, m, v, g, count, step, b1, b2, c1, c2, correction2, eps); return;
    case SPECBOOK_AVX2: specbook_adam_f32_entry_avx2(p, m, v, g, count, step, b1, b2, c1, c2, correction2, eps); return;
#endif
    default: specbook_adam_f32_entry_baseline(p, m, v, g, count, step, b1, b2, c1, c2, correction2, eps); return;
    }
}

const struct specbook_dense_ops *specbook_dense_ops_for(int instruction_set) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: return &specbook_dense_ops_avx512;
    case SPECBOOK_AVX2: return &specbook_dense_ops_avx2;
#endif
    default: return &specbook_dense_ops_baseline;
    }
}

void specbook_phase_row(int instruction_set, long n, long d, const long *k, long count, const double *const *coarse,
                       const double *const *fine, long fine_count, const double *scale, double *oc, double *os,
                       double *work) {
    switch (specbook_supported(instruction_set)) {
#if defined(__x86_64__)
    case SPECBOOK_AVX512: specbook_phase_row_entry_avx512(n, d, k, count, coarse, fine, fine_count, scale, oc, os, work); return;
    case SPECBOOK_AVX2: specbook_phase_row_entry_avx2(n, d, k, count, coarse, fine, fine_count, scale, oc, os, work); return;
#endif
    default: specbook_phase_row_entry_baseline(n, d, k, count, coarse, fine, fine_count, scale, oc, os, work); return;
    }
}
