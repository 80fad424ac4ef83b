// Specbook's hot vector loops (FFT butterflies, tanh, Adam, dense layers), compiled once per instruction set and chosen at run time.
//
// The same C source is built for baseline x86-64 (SSE2), AVX2 + FMA and AVX-512, so one library runs the widest
// vectors the CPU has and stays correct on any x86-64. Floating-point contraction is off in every variant, so all
// variants return bit-identical results. Every function takes the instruction set to use and falls back to the
// fastest one the CPU has when asked for more.
#ifndef CVECTORKERNELS_H
#define CVECTORKERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/// The instruction sets a kernel is compiled for, narrowest first.
enum {
    SPECBOOK_BASELINE = 0,  // x86-64 baseline (SSE2), or the target's default elsewhere
    SPECBOOK_AVX2 = 1,      // AVX2 + FMA
    SPECBOOK_AVX512 = 2,    // AVX-512 F, DQ, VL
};

/// One Stockham pass of radix p: X'(j + a L*, k) = sum_b w_p^{ab} w_L^{jb} X(j, k + b r), read from (sr, si), written
/// to (dr, di); ls = L*, r = columns; twiddles w_L^{jb} at (b - 1) ls + j of (tr, ti).
typedef void (*specbook_fft_butterfly)(const double *sr, const double *si, double *dr, double *di, long ls, long r,
                                       const double *tr, const double *ti);

/// The widest instruction set this CPU supports (and that this build compiled).
int specbook_fastest_instruction_set(void);

/// The pass for `radix` (2, 3, 4, 5 or 8) in `instruction_set`, or NULL for another radix or an unsupported set.
specbook_fft_butterfly specbook_fft_butterfly_for(int instruction_set, int radix);

/// Real-input FFT, packing: re[j] = x[2j], im[j] = x[2j + 1] for j < h.
void specbook_rfft_pack(int instruction_set, const double *x, double *re, double *im, long h);

/// Real-input FFT, splitting the half-length transform Z (in re, im; h values) into X_0 ... X_h in place, with
/// twiddles e^{-2 pi i k / 2h} at (wr, wi).
void specbook_rfft_split(int instruction_set, double *re, double *im, long h, const double *wr, const double *wi);

/// a[i] = tanh(a[i]) by a rational approximation (max error 3e-7), and d[i] = 1 - a[i]^2 unless d is NULL.
void specbook_tanh_f32(int instruction_set, float *a, float *d, long count);

/// a[i] = tanh(a[i]) within 2 ulp (Cephes's rational for |x| < 0.625, exp above), and d[i] = 1 - a[i]^2 unless d is
/// NULL.
void specbook_tanh_f64(int instruction_set, double *a, double *d, long count);

/// The LFP solver's feature columns e^{2 pi i k.x_j} for a run of `count` frequencies that differ only in the last of
/// the d axes: k = (k[0], ..., k[d-2], k[d-1] + c), c < count. Per axis a, e^{2 pi i m x} = coarse * fine with the
/// coarse row m / fine_count at coarse[a] + 2 n (m / fine_count) and the fine row m % fine_count at
/// fine[a] + 2 n (m % fine_count), each n real parts then n imaginary parts, conjugated for negative k. Column c is
/// written times scale[c] (1 for a NULL scale) as n cosines at oc + c n and n sines at os + c n; `work` holds
/// 2 n (d - 1) doubles.
void specbook_phase_row(int instruction_set, long n, long d, const long *k, long count, const double *const *coarse,
                        const double *const *fine, long fine_count, const double *scale, double *oc, double *os,
                        double *work);

/// One Adam step on count floats: m <- b1 m + c1 g; v <- b2 v + c2 g^2; p <- p - step m / (sqrt(v) / correction2 + eps).
void specbook_adam_f32(int instruction_set, float *p, float *m, float *v, const float *g, long count, float step,
                       float b1, float b2, float c1, float c2, float correction2, float eps);

/// Keeps arrays up to 32 MiB in glibc's heap (no fresh mmap'ed pages, each a page fault and a zeroing on first touch,
/// for every large array allocated again) and freed memory with the process; returns 1 when glibc took the settings,
/// 0 elsewhere.
int specbook_tune_allocator(void);

/// Sets the calling thread's SSE/AVX control register to flush subnormal floats to zero (results and inputs, FTZ and
/// DAZ), as TensorFlow does for its CPU kernels: on Intel CPUs every operation that meets one otherwise takes a
/// microcode assist of a hundred cycles or more. Threads started afterwards by this thread inherit the setting.
/// Returns 1 on x86-64, 0 elsewhere (nothing changed).
int specbook_flush_subnormals(void);

/// The dense-layer loops of MLP training and evaluation (DenseKernelBodies.h), each as [float, double]; pointers are
/// to elements of that type. Every instruction set returns the same bits.
struct specbook_dense_ops {
    /// z_i = b + sum_k a_ik w_k for i < m (a: m x nIn, w: nIn x nOut, z: m x nOut, all row-major).
    void (*forward_skinny[2])(const void *a, const void *w, const void *b, void *z, long m, long nIn, long nOut);
    /// z_i = b[0] + a_i . w for i < m (one output).
    void (*forward_single[2])(const void *a, const void *w, const void *b, void *z, long m, long nIn);
    /// gw_k = sum_i delta_i a_ik (added to gw when accumulate).
    void (*gradient_single[2])(const void *a, const void *delta, void *gw, long m, long nIn, int accumulate);
    /// gw_kj = sum_i a_ik delta_ij (added to gw when accumulate).
    void (*gradient_skinny[2])(const void *a, const void *delta, void *gw, long m, long nIn, long nOut, int accumulate);
    /// out_ik = delta_i w_k.
    void (*outer[2])(const void *delta, const void *w, void *out, long m, long nIn);
    /// a = max(a, 0) and, unless d is NULL, d = [a > 0], on count values.
    void (*relu[2])(void *a, void *d, long count);
    /// delta_ij *= f'(z_ij) and gb_j = sum_i delta_ij (added when accumulate); f' is 1 (kind 0), 1 - a^2 (1),
    /// [a > 0] (2) or d (3).
    void (*backpropagate[2])(int kind, void *delta, const void *a, const void *d, long rows, long n, void *gb,
                             int accumulate);
    /// A two-layer ReLU network with few inputs (d <= 4), fused: out_i = c + relu(x_i w + b) . v for i < m (x: m x d,
    /// w: d x width, b, v: width, c: 1), the same bits as the layer-by-layer loops.
    void (*two_layer_forward[2])(const void *x, const void *w, const void *b, const void *v, const void *c, void *out,
                                 long m, long d, long width);
    /// The same network's loss sum_i (out_i - y_i)^2 into *loss and the gradient of the loss whose output delta is
    /// scale (out_i - y_i) into gw, gb, gv, gc (added when accumulate), the same bits as forward and backward by
    /// the layer-by-layer loops.
    void (*two_layer_gradient[2])(const void *x, const void *y, const void *w, const void *b, const void *v,
                                  const void *c, void *gw, void *gb, void *gv, void *gc, long m, long d, long width,
                                  double scale, int accumulate, void *loss);
};

/// The dense-layer loops in `instruction_set` (or the fastest the CPU has, when it lacks that one).
const struct specbook_dense_ops *specbook_dense_ops_for(int instruction_set);

#ifdef __cplusplus
}
#endif
#endif
