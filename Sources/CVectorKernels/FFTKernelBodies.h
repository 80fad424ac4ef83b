// The butterfly passes, included once per instruction set by VectorKernels+*.c with KERNEL(name) naming the variant.
// Plain loops over split complex arrays with restrict pointers: clang vectorises them for the variant's target.
// Expressions mirror the formulas in FFT+MixedRadix.swift term by term; with contraction off every variant rounds
// alike.
#pragma STDC FP_CONTRACT OFF

#define SPECBOOK_RESTRICT __restrict__

// Runs BODY for every (k, j) with i = k ls + j (input) and o = k p ls + j (output). j runs innermost, over contiguous
// memory, when columns are at least 4 long (4 is a constant trip count, unrolled into one vector); k otherwise.
#define SPECBOOK_SWEEP(p, ...)                                                                   \
    if (ls == 4) {                                                                                \
        for (long k = 0; k < r; k++)                                                              \
            for (long j = 0; j < 4; j++) { const long i = k * 4 + j, o = k * (p) * 4 + j; __VA_ARGS__ }  \
    } else if (ls > 4) {                                                                          \
        for (long k = 0; k < r; k++)                                                              \
            for (long j = 0; j < ls; j++) { const long i = k * ls + j, o = k * (p) * ls + j; __VA_ARGS__ } \
    } else {                                                                                      \
        for (long j = 0; j < ls; j++)                                                             \
            for (long k = 0; k < r; k++) { const long i = k * ls + j, o = k * (p) * ls + j; __VA_ARGS__ } \
    }

static void KERNEL(radix2)(const double *SPECBOOK_RESTRICT sr, const double *SPECBOOK_RESTRICT si,
                           double *SPECBOOK_RESTRICT dr, double *SPECBOOK_RESTRICT di, long ls, long r,
                           const double *SPECBOOK_RESTRICT tr, const double *SPECBOOK_RESTRICT ti) {
    const long s1 = r * ls;
    SPECBOOK_SWEEP(2, {
        // y0, y1 = a0 + w a1, a0 - w a1
        const double xr = sr[i + s1] * tr[j] - si[i + s1] * ti[j];
        const double xi = sr[i + s1] * ti[j] + si[i + s1] * tr[j];
        dr[o] = sr[i] + xr; di[o] = si[i] + xi;
        dr[o + ls] = sr[i] - xr; di[o + ls] = si[i] - xi;
    })
}

static void KERNEL(radix4)(const double *SPECBOOK_RESTRICT sr, const double *SPECBOOK_RESTRICT si,
                           double *SPECBOOK_RESTRICT dr, double *SPECBOOK_RESTRICT di, long ls, long r,
                           const double *SPECBOOK_RESTRICT tr, const double *SPECBOOK_RESTRICT ti) {
    const long s = r * ls;
    if (ls == 1) {
        // First pass: every twiddle is 1.
        for (long k = 0; k < r; k++) {
            const double t0r = sr[k] + sr[k + 2 * s], t0i = si[k] + si[k + 2 * s];
            const double t1r = sr[k] - sr[k + 2 * s], t1i = si[k] - si[k + 2 * s];
            const double t2r = sr[k + s] + sr[k + 3 * s], t2i = si[k + s] + si[k + 3 * s];
            const double t3r = si[k + s] - si[k + 3 * s], t3i = sr[k + 3 * s] - sr[k + s];
            dr[4 * k] = t0r + t2r; di[4 * k] = t0i + t2i;
            dr[4 * k + 1] = t1r + t3r; di[4 * k + 1] = t1i + t3i;
            dr[4 * k + 2] = t0r - t2r; di[4 * k + 2] = t0i - t2i;
            dr[4 * k + 3] = t1r - t3r; di[4 * k + 3] = t1i - t3i;
        }
        return;
    }
    const double *w1r = tr, *w1i = ti, *w2r = tr + ls, *w2i = ti + ls, *w3r = tr + 2 * ls, *w3i = ti + 2 * ls;
    SPECBOOK_SWEEP(4, {
        const double a0r = sr[i], a0i = si[i];
        const double a1r = sr[i + s] * w1r[j] - si[i + s] * w1i[j], a1i = sr[i + s] * w1i[j] + si[i + s] * w1r[j];
        const double a2r = sr[i + 2 * s] * w2r[j] - si[i + 2 * s] * w2i[j];
        const double a2i = sr[i + 2 * s] * w2i[j] + si[i + 2 * s] * w2r[j];
        const double a3r = sr[i + 3 * s] * w3r[j] - si[i + 3 * s] * w3i[j];
        const double a3i = sr[i + 3 * s] * w3i[j] + si[i + 3 * s] * w3r[j];
        // y0 = t0 + t2, y1 = t1 - i(a1 - a3), y2 = t0 - t2, y3 = t1 + i(a1 - a3)
        const double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
        const double t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r;
        dr[o] = t0r + t2r; di[o] = t0i + t2i;
        dr[o + ls] = t1r + t3r; di[o + ls] = t1i + t3i;
        dr[o + 2 * ls] = t0r - t2r; di[o + 2 * ls] = t0i - t2i;
        dr[o + 3 * ls] = t1r - t3r; di[o + 3 * ls] = t1i - t3i;
    })
}

static void KERNEL(radix3)(const double *SPECBOOK_RESTRICT sr, const double *SPECBOOK_RESTRICT si,
                           double *SPECBOOK_RESTRICT dr, double *SPECBOOK_RESTRICT di, long ls, long r,
                           const double *SPECBOOK_RESTRICT tr, const double *SPECBOOK_RESTRICT ti) {
    const double h = 0.5 * 1.7320508075688772;  // sqrt(3)/2, as 0.5 * 3.0.squareRoot() in Swift
    const long s = r * ls;
    const double *w1r = tr, *w1i = ti, *w2r = tr + ls, *w2i = ti + ls;
    SPECBOOK_SWEEP(3, {
        const double a1r = sr[i + s] * w1r[j] - si[i + s] * w1i[j], a1i = sr[i + s] * w1i[j] + si[i + s] * w1r[j];
        const double a2r = sr[i + 2 * s] * w2r[j] - si[i + 2 * s] * w2i[j];
        const double a2i = sr[i + 2 * s] * w2i[j] + si[i + 2 * s] * w2r[j];
        // y1, y2 = a0 - s/2 -+ i (sqrt 3/2) d with s = a1 + a2, d = a1 - a2
        const double sR = a1r + a2r, sI = a1i + a2i, dR = a1r - a2r, dI = a1i - a2i;
        const double mr = sr[i] - 0.5 * sR, mi = si[i] - 0.5 * sI;
        dr[o] = sr[i] + sR; di[o] = si[i] + sI;
        dr[o + ls] = mr + h * dI; di[o + ls] = mi - h * dR;
        dr[o + 2 * ls] = mr - h * dI; di[o + 2 * ls] = mi + h * dR;
    })
}

// a_b = w_L^{jb} X(j, k + b r) for radices 5 and 8, inside SPECBOOK_SWEEP
#define SPECBOOK_LOAD(b, xr_, xi_)                                                                     \
    const double xr_ = sr[i + b * s] * tr[(b - 1) * ls + j] - si[i + b * s] * ti[(b - 1) * ls + j]; \
    const double xi_ = sr[i + b * s] * ti[(b - 1) * ls + j] + si[i + b * s] * tr[(b - 1) * ls + j];

static void KERNEL(radix5)(const double *SPECBOOK_RESTRICT sr, const double *SPECBOOK_RESTRICT si,
                           double *SPECBOOK_RESTRICT dr, double *SPECBOOK_RESTRICT di, long ls, long r,
                           const double *SPECBOOK_RESTRICT tr, const double *SPECBOOK_RESTRICT ti) {
    const double c1 = 0.30901699437494745, c2 = -0.8090169943749473;  // cos(2 pi/5), cos(4 pi/5)
    const double s1 = 0.9510565162951535, s2 = 0.5877852522924732;    // sin(2 pi/5), sin(4 pi/5)
    const long s = r * ls;
    SPECBOOK_SWEEP(5, {
        SPECBOOK_LOAD(1, a1r, a1i) SPECBOOK_LOAD(2, a2r, a2i) SPECBOOK_LOAD(3, a3r, a3i) SPECBOOK_LOAD(4, a4r, a4i)
        // b1 = a1 + a4, b2 = a2 + a3, d1 = a1 - a4, d2 = a2 - a3; y1,4 = m1 -+ i n1, y2,3 = m2 -+ i n2
        const double b1r = a1r + a4r, b1i = a1i + a4i, b2r = a2r + a3r, b2i = a2i + a3i;
        const double d1r = a1r - a4r, d1i = a1i - a4i, d2r = a2r - a3r, d2i = a2i - a3i;
        const double m1r = sr[i] + c1 * b1r + c2 * b2r, m1i = si[i] + c1 * b1i + c2 * b2i;
        const double m2r = sr[i] + c2 * b1r + c1 * b2r, m2i = si[i] + c2 * b1i + c1 * b2i;
        const double n1r = s1 * d1r + s2 * d2r, n1i = s1 * d1i + s2 * d2i;
        const double n2r = s2 * d1r - s1 * d2r, n2i = s2 * d1i - s1 * d2i;
        dr[o] = sr[i] + b1r + b2r; di[o] = si[i] + b1i + b2i;
        dr[o + ls] = m1r + n1i; di[o + ls] = m1i - n1r;
        dr[o + 2 * ls] = m2r + n2i; di[o + 2 * ls] = m2i - n2r;
        dr[o + 3 * ls] = m2r - n2i; di[o + 3 * ls] = m2i + n2r;
        dr[o + 4 * ls] = m1r - n1i; di[o + 4 * ls] = m1i + n1r;
    })
}

// Radix 8 as two radix-4 DFTs of the even and the odd inputs: y_a = E_a + w8^a O_a, y_{a+4} = E_a - w8^a O_a (a < 4),
// w8 = (1 - i)/sqrt 2. Half the passes of radix 4 over 4^k points take a third fewer loads and stores.
static void KERNEL(radix8)(const double *SPECBOOK_RESTRICT sr, const double *SPECBOOK_RESTRICT si,
                           double *SPECBOOK_RESTRICT dr, double *SPECBOOK_RESTRICT di, long ls, long r,
                           const double *SPECBOOK_RESTRICT tr, const double *SPECBOOK_RESTRICT ti) {
    const double h = 0.7071067811865476;  // sqrt(1/2)
    const long s = r * ls;
    SPECBOOK_SWEEP(8, {
        SPECBOOK_LOAD(1, a1r, a1i) SPECBOOK_LOAD(2, a2r, a2i) SPECBOOK_LOAD(3, a3r, a3i) SPECBOOK_LOAD(4, a4r, a4i)
        SPECBOOK_LOAD(5, a5r, a5i) SPECBOOK_LOAD(6, a6r, a6i) SPECBOOK_LOAD(7, a7r, a7i)
        const double a0r = sr[i], a0i = si[i];
        // E = DFT4(a0, a2, a4, a6), O = DFT4(a1, a3, a5, a7), each as in radix4
        const double e0r = a0r + a4r, e0i = a0i + a4i, e1r = a0r - a4r, e1i = a0i - a4i;
        const double e2r = a2r + a6r, e2i = a2i + a6i, e3r = a2i - a6i, e3i = a6r - a2r;
        const double E0r = e0r + e2r, E0i = e0i + e2i, E1r = e1r + e3r, E1i = e1i + e3i;
        const double E2r = e0r - e2r, E2i = e0i - e2i, E3r = e1r - e3r, E3i = e1i - e3i;
        const double o0r = a1r + a5r, o0i = a1i + a5i, o1r = a1r - a5r, o1i = a1i - a5i;
        const double o2r = a3r + a7r, o2i = a3i + a7i, o3r = a3i - a7i, o3i = a7r - a3r;
        const double O0r = o0r + o2r, O0i = o0i + o2i, O1r = o1r + o3r, O1i = o1i + o3i;
        const double O2r = o0r - o2r, O2i = o0i - o2i, O3r = o1r - o3r, O3i = o1i - o3i;
        // w8 O1 = h (O1r + O1i) + i h (O1i - O1r), w8^2 O2 = -i O2, w8^3 O3 = h (O3i - O3r) - i h (O3r + O3i)
        const double P1r = h * (O1r + O1i), P1i = h * (O1i - O1r);
        const double P2r = O2i, P2i = -O2r;
        const double P3r = h * (O3i - O3r), P3i = -(h * (O3r + O3i));
        dr[o] = E0r + O0r; di[o] = E0i + O0i;
        dr[o + ls] = E1r + P1r; di[o + ls] = E1i + P1i;
        dr[o + 2 * ls] = E2r + P2r; di[o + 2 * ls] = E2i + P2i;
        dr[o + 3 * ls] = E3r + P3r; di[o + 3 * ls] = E3i + P3i;
        dr[o + 4 * ls] = E0r - O0r; di[o + 4 * ls] = E0i - O0i;
        dr[o + 5 * ls] = E1r - P1r; di[o + 5 * ls] = E1i - P1i;
        dr[o + 6 * ls] = E2r - P2r; di[o + 6 * ls] = E2i - P2i;
        dr[o + 7 * ls] = E3r - P3r; di[o + 7 * ls] = E3i - P3i;
    })
}

static void KERNEL(rfft_pack)(const double *SPECBOOK_RESTRICT x, double *SPECBOOK_RESTRICT re,
                              double *SPECBOOK_RESTRICT im, long h) {
    // z_j = x_{2j} + i x_{2j+1}
    for (long j = 0; j < h; j++) { re[j] = x[2 * j]; im[j] = x[2 * j + 1]; }
}

static void KERNEL(rfft_split)(double *SPECBOOK_RESTRICT re, double *SPECBOOK_RESTRICT im, long h,
                               const double *SPECBOOK_RESTRICT wr, const double *SPECBOOK_RESTRICT wi) {
    const double z0r = re[0], z0i = im[0];
    re[0] = z0r + z0i; im[0] = 0;
    re[h] = z0r - z0i; im[h] = 0;
    // E_k = (Z_k + conj Z_{h-k})/2, O_k = (Z_k - conj Z_{h-k})/(2i); X_k = E_k + W^k O_k, X_{h-k} = conj(E_k - W^k O_k).
    // Pairs (k, h - k) for k < h/2 touch disjoint entries, which clang cannot prove (hence assume_safety); k = h/2
    // pairs with itself and is done after the loop.
    const long half = h / 2;
    double *hr = re + h, *hi = im + h;
#pragma clang loop vectorize(assume_safety)
    for (long k = 1; k < (h + 1) / 2; k++) {
        const double ar = re[k], ai = im[k], br = hr[-k], bi = hi[-k];
        const double er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
        const double or_ = 0.5 * (ai + bi), oi = -0.5 * (ar - br);
        const double tr = wr[k] * or_ - wi[k] * oi, ti = wr[k] * oi + wi[k] * or_;
        re[k] = er + tr; im[k] = ei + ti;
        hr[-k] = er - tr; hi[-k] = -(ei - ti);
    }
    if (h % 2 == 0 && half > 0) {
        const long k = half;
        const double ar = re[k], ai = im[k];
        const double er = 0.5 * (ar + ar), ei = 0.5 * (ai - ai);
        const double or_ = 0.5 * (ai + ai), oi = -0.5 * (ar - ar);
        const double tr = wr[k] * or_ - wi[k] * oi, ti = wr[k] * oi + wi[k] * or_;
        // X_{h/2} is its own partner: the second formula, conj(E_k - W^k O_k), as FFT+Real.swift wrote last.
        re[k] = er - tr; im[k] = -(ei - ti);
    }
}

#undef SPECBOOK_SWEEP
#undef SPECBOOK_LOAD
#undef SPECBOOK_RESTRICT
