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

// A two-layer network x -> relu(x W + b) . v + c with few inputs (d <= SPECBOOK_FEW_INPUTS), taken SPECBOOK_TILE rows
// at a time and the hidden units in chunks that stay in L1, so the parameters are read once per tile instead of once
// per pass and row, and no hidden activation is stored: backward computes it again (the same operations, so the same
// bits). Every value is formed exactly as forward_skinny, relu, forward_single, outer, backpropagate (kind 2),
// gradient_single and gradient_skinny form it, and every sum runs over the rows in ascending order, so the result
// equals the unfused passes bit for bit.
#ifndef SPECBOOK_TILE
#define SPECBOOK_TILE 8
#define SPECBOOK_CHUNK 256
#define SPECBOOK_FEW_INPUTS 4
#endif

// relu(z_J) with z_J = b_J + sum_k x_k w_kJ (k ascending): forward_skinny's and relu's operations (NaN stays NaN).
static inline __attribute__((always_inline)) T DENSE(relu_unit)(const T *x, const T *w, const T *b, long J, long d,
                                                                long width) {
    T z = b[J];
    for (long k = 0; k < d; k++) z += x[k] * w[k * width + J];
    return 0 > z ? 0 : z;
}

// sr[l] += sum over j in [j0, j0 + n) with j = l mod 16 of relu(z_j) v_j, z_j from x (one row); with d a constant
// (1 or 2) after inlining, one vectorised loop.
static inline __attribute__((always_inline)) void DENSE(row_dot)(const T *x, const T *w, const T *b, const T *v,
                                                                 long j0, long n, long d, long width, T *sr) {
    long j = 0;
    for (; j + 16 <= n; j += 16)
        for (int l = 0; l < 16; l++) sr[l] += DENSE(relu_unit)(x, w, b, j0 + j + l, d, width) * v[j0 + j + l];
    for (int l = 0; j < n; j++, l++) sr[l] += DENSE(relu_unit)(x, w, b, j0 + j, d, width) * v[j0 + j];
}

// out_r = c + sum_j relu(z_rj) v_j for a tile of rows (the dot in 16 fixed lanes, lane j mod 16, as DENSE(dot)).
static void DENSE(two_layer_tile_forward)(const T *x, const T *w, const T *b, const T *v, T c, T *out, long rows,
                                          long d, long width) {
    T s[SPECBOOK_TILE][16] = {{0}};
    for (long jc = 0; jc < width; jc += SPECBOOK_CHUNK) {
        const long n = width - jc < SPECBOOK_CHUNK ? width - jc : SPECBOOK_CHUNK;
        for (long r = 0; r < rows; r++) {
            if (d == 1) DENSE(row_dot)(x + r, w, b, v, jc, n, 1, width, s[r]);
            else if (d == 2) DENSE(row_dot)(x + 2 * r, w, b, v, jc, n, 2, width, s[r]);
            else DENSE(row_dot)(x + r * d, w, b, v, jc, n, d, width, s[r]);
        }
    }
    for (long r = 0; r < rows; r++) {
        T *sr = s[r];
        for (int half = 8; half > 0; half /= 2)
            for (int l = 0; l < half; l++) sr[l] += sr[l + half];
        out[r] = c + sr[0];
    }
}

// out_i = c + relu(x_i W + b) . v for m rows.
static void DENSE(two_layer_forward)(const void *xv, const void *wv, const void *bv, const void *vv, const void *cv,
                                     void *outv, long m, long d, long width) {
    const T *x = xv;
    T *out = outv;
    for (long i0 = 0; i0 < m; i0 += SPECBOOK_TILE) {
        const long rows = m - i0 < SPECBOOK_TILE ? m - i0 : SPECBOOK_TILE;
        DENSE(two_layer_tile_forward)(x + i0 * d, wv, bv, vv, *(const T *)cv, out + i0, rows, d, width);
    }
}

// One row's share of the gradient over hidden units [j0, j0 + n), dr its output delta: a = relu(z),
// gv += dr a, e = [a > 0] (dr v), gb += e, gw_k += x_k e. Every load comes before the first store: the arrays lie a
// multiple of 4 KiB apart at widths like 4096, where a load after a store to the same low address bits waits for it.
// With d a constant (1 or 2) after inlining, one vectorised loop.
static inline __attribute__((always_inline)) void DENSE(row_gradient)(const T *x, const T *w, const T *b, const T *v,
                                                                      T dr, T *__restrict__ gw, T *__restrict__ gb,
                                                                      T *__restrict__ gv, long j0, long n, long d,
                                                                      long width) {
    for (long J = j0; J < j0 + n; J++) {
        T g[SPECBOOK_FEW_INPUTS];
        for (long k = 0; k < d; k++) g[k] = gw[k * width + J];
        const T gvJ = gv[J], gbJ = gb[J];
        const T a = DENSE(relu_unit)(x, w, b, J, d, width);
        const T t = dr * v[J];
        const T e = a > 0 ? t : 0;
        gv[J] = gvJ + dr * a;
        gb[J] = gbJ + e;
        for (long k = 0; k < d; k++) gw[k * width + J] = g[k] + x[k] * e;
    }
}

// For m rows with targets y: *loss = sum_i r_i^2 (i ascending) with r_i = out_i - y_i, and writes (adds, when
// accumulate) the gradient of the loss whose delta_i = scale r_i (scale a T widened to double): gc = sum_i delta_i,
// gv_j = sum_i delta_i a_ij, gb_j = sum_i e_ij and gw_kj = sum_i x_ik e_ij with e_ij = [a_ij > 0] delta_i v_j.
static void DENSE(two_layer_gradient)(const void *xv, const void *yv, const void *wv, const void *bv, const void *vv,
                                      const void *cv, void *gwv, void *gbv, void *gvv, void *gcv, long m, long d,
                                      long width, double scalev, int accumulate, void *lossv) {
    const T *x = xv, *y = yv, *w = wv, *b = bv, *v = vv;
    T *gw = gwv, *gb = gbv, *gv = gvv, *gc = gcv;
    const T scale = (T)scalev;
    if (!accumulate) {
        for (long idx = 0; idx < d * width; idx++) gw[idx] = 0;
        for (long j = 0; j < width; j++) gb[j] = 0;
        for (long j = 0; j < width; j++) gv[j] = 0;
        *gc = 0;
    }
    T loss = 0;
    for (long i0 = 0; i0 < m; i0 += SPECBOOK_TILE) {
        const long rows = m - i0 < SPECBOOK_TILE ? m - i0 : SPECBOOK_TILE;
        const T *xt = x + i0 * d;
        T out[SPECBOOK_TILE], delta[SPECBOOK_TILE];
        DENSE(two_layer_tile_forward)(xt, w, b, v, *(const T *)cv, out, rows, d, width);
        for (long r = 0; r < rows; r++) {
            const T res = out[r] - y[i0 + r];
            loss += res * res;
            delta[r] = scale * res;
            *gc += delta[r];
        }
        for (long jc = 0; jc < width; jc += SPECBOOK_CHUNK) {
            const long n = width - jc < SPECBOOK_CHUNK ? width - jc : SPECBOOK_CHUNK;
            for (long r = 0; r < rows; r++) {
                const T *xr = xt + r * d;
                if (d == 1) DENSE(row_gradient)(xr, w, b, v, delta[r], gw, gb, gv, jc, n, 1, width);
                else if (d == 2) DENSE(row_gradient)(xr, w, b, v, delta[r], gw, gb, gv, jc, n, 2, width);
                else DENSE(row_gradient)(xr, w, b, v, delta[r], gw, gb, gv, jc, n, d, width);
            }
        }
    }
    *(T *)lossv = loss;
}
