// The loops of a dense layer's forward and backward passes that BLAS does not cover well (layers with few inputs or
// one output) and the activations' element-wise passes. Included once per scalar type, with T the type and
// DENSE(name) its names, inside a VectorKernels+*.c that defines KERNEL(name). Contraction is off and every sum
// runs in a fixed order (the dot product in 16 fixed lanes), so every instruction set returns the same bits.
#pragma STDC FP_CONTRACT OFF

// z_i = b + sum_k a_ik w_k (k ascending), w: nIn x nOut row-major: a layer with few inputs.
static void DENSE(forward_skinny)(const void *av, const void *wv, const void *bv, void *zv, long m, long nIn,
                                  long nOut) {
    const T *a = av, *w = wv, *b = bv;
    T *z = zv;
    for (long i = 0; i < m; i++) {
        T *__restrict__ zi = z + i * nOut;
        const T *ai = a + i * nIn;
        if (nIn == 1) {
            const T a0 = ai[0];
            for (long j = 0; j < nOut; j++) zi[j] = b[j] + a0 * w[j];
        } else if (nIn == 2) {
            const T a0 = ai[0], a1 = ai[1];
            const T *w1 = w + nOut;
            for (long j = 0; j < nOut; j++) zi[j] = (b[j] + a0 * w[j]) + a1 * w1[j];
        } else {
            for (long j = 0; j < nOut; j++) zi[j] = b[j];
            for (long k = 0; k < nIn; k++) {
                const T aik = ai[k];
                const T *__restrict__ wk = w + k * nOut;
                for (long j = 0; j < nOut; j++) zi[j] += aik * wk[j];
            }
        }
    }
}

// sum_k x_k y_k in 16 lanes (lane l takes k = l mod 16), added pairwise at the end.
static inline T DENSE(dot)(const T *__restrict__ x, const T *__restrict__ y, long n) {
    T s[16] = {0};
    long k = 0;
    for (; k + 16 <= n; k += 16)
        for (int l = 0; l < 16; l++) s[l] += x[k + l] * y[k + l];
    for (int l = 0; k < n; k++, l++) s[l] += x[k] * y[k];
    for (int width = 8; width > 0; width /= 2)
        for (int l = 0; l < width; l++) s[l] += s[l + width];
    return s[0];
}

// z_i = b + a_i . w: a layer with one output.
static void DENSE(forward_single)(const void *av, const void *wv, const void *bv, void *zv, long m, long nIn) {
    const T *a = av, *w = wv;
    const T b = *(const T *)bv;
    T *z = zv;
    for (long i = 0; i < m; i++) z[i] = b + DENSE(dot)(a + i * nIn, w, nIn);
}

// gw_k (+)= sum_i delta_i a_ik (i ascending): the weight gradient of a layer with one output.
static void DENSE(gradient_single)(const void *av, const void *dv, void *gv, long m, long nIn, int accumulate) {
    const T *a = av, *delta = dv;
    T *__restrict__ gw = gv;
    if (!accumulate)
        for (long k = 0; k < nIn; k++) gw[k] = 0;
    for (long i = 0; i < m; i++) {
        const T di = delta[i];
        const T *__restrict__ ai = a + i * nIn;
        for (long k = 0; k < nIn; k++) gw[k] += di * ai[k];
    }
}

// gw_kj (+)= sum_i a_ik delta_ij (i ascending): the weight gradient of a layer with few inputs.
static void DENSE(gradient_skinny)(const void *av, const void *dv, void *gv, long m, long nIn, long nOut,
                                   int accumulate) {
    const T *a = av, *delta = dv;
    T *gw = gv;
    if (!accumulate)
        for (long idx = 0; idx < nIn * nOut; idx++) gw[idx] = 0;
    for (long i = 0; i < m; i++) {
        const T *__restrict__ di = delta + i * nOut;
        for (long k = 0; k < nIn; k++) {
            const T aik = a[i * nIn + k];
            T *__restrict__ gwk = gw + k * nOut;
            for (long j = 0; j < nOut; j++) gwk[j] += aik * di[j];
        }
    }
}

// out_ik = delta_i w_k: delta W^T for a layer with one output.
static void DENSE(outer)(const void *dv, const void *wv, void *ov, long m, long nIn) {
    const T *delta = dv, *w = wv;
    T *out = ov;
    for (long i = 0; i < m; i++) {
        const T di = delta[i];
        T *__restrict__ oi = out + i * nIn;
        for (long k = 0; k < nIn; k++) oi[k] = di * w[k];
    }
}

// a = max(z, 0) in place, and d = [z > 0] when d is given (NaN stays NaN in a, as Swift.max(z, 0)).
static void DENSE(relu)(void *av, void *dv, long count) {
    T *__restrict__ a = av;
    T *__restrict__ d = dv;
    if (d)
        for (long i = 0; i < count; i++) d[i] = a[i] > 0 ? 1 : 0;
    for (long i = 0; i < count; i++) {
        const T z = a[i];
        a[i] = 0 > z ? 0 : z;
    }
}

// delta_ij *= f'(z_ij), gb_j (+)= sum_i delta_ij (i ascending); f' from the output a (kind 1: 1 - a^2 for tanh,
// 2: [a > 0] for ReLU), from d (kind 3), or 1 (kind 0).
static void DENSE(backpropagate)(int kind, void *deltav, const void *av, const void *dv, long rows, long n, void *gbv,
                                 int accumulate) {
    T *delta = deltav;
    const T *a = av, *d = dv;
    T *__restrict__ gb = gbv;
    if (!accumulate)
        for (long j = 0; j < n; j++) gb[j] = 0;
    for (long i = 0; i < rows; i++) {
        T *__restrict__ di = delta + i * n;
        const T *__restrict__ ai = a + i * n;
        switch (kind) {
        case 0:
            for (long j = 0; j < n; j++) gb[j] += di[j];
            break;
        case 1:
            for (long j = 0; j < n; j++) {
                const T v = di[j] * (1 - ai[j] * ai[j]);
                di[j] = v;
                gb[j] += v;
            }
            break;
        case 2:
            for (long j = 0; j < n; j++) {
                const T v = ai[j] > 0 ? di[j] : 0;
                di[j] = v;
                gb[j] += v;
            }
            break;
        default: {
            const T *__restrict__ ddi = d + i * n;
            for (long j = 0; j < n; j++) {
                const T v = di[j] * ddi[j];
                di[j] = v;
                gb[j] += v;
            }
        }
        }
    }
}
