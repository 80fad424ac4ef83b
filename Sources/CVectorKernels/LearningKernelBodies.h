// Element-wise loops of MLP training, included once per instruction set by VectorKernels+*.c with KERNEL(name).
// Each mirrors its Swift original (FastTanh.swift, Optimizer.swift) operation by operation, with contraction off,
// so every variant returns the same bits as the Swift code it replaces.
#pragma STDC FP_CONTRACT OFF

// tanh(x) ~ x p(x^2) / q(x^2) on x clamped to [-7.9053, 7.9053] (Eigen's float coefficients); a = tanh(a) and, when d
// is given, d = 1 - a^2.
static void KERNEL(tanh_f32)(float *__restrict__ a, float *__restrict__ d, long count) {
    const float clamp = 7.90531110763549805f;
    const float a1 = 4.89352455891786e-03f, a3 = 6.37261928875436e-04f, a5 = 1.48572235717979e-05f;
    const float a7 = 5.12229709037114e-08f, a9 = -8.60467152213735e-11f, a11 = 2.00018790482477e-13f;
    const float a13 = -2.76076847742355e-16f;
    const float b0 = 4.89352518554385e-03f, b2 = 2.26843463243900e-03f, b4 = 1.18534705686654e-04f;
    const float b6 = 1.19825839466702e-06f;
#define SPECBOOK_TANH(x0, out)                                                       \
    {                                                                                \
        /* Swift.max(x0, -clamp) then Swift.min(., clamp): NaN passes through */     \
        const float lo = -clamp >= (x0) ? -clamp : (x0);                             \
        const float x = clamp < lo ? clamp : lo;                                     \
        const float x2 = x * x;                                                      \
        float p = x2 * a13 + a11;                                                    \
        p = x2 * p + a9; p = x2 * p + a7; p = x2 * p + a5; p = x2 * p + a3;          \
        p = x2 * p + a1;                                                             \
        float q = x2 * b6 + b4;                                                      \
        q = x2 * q + b2; q = x2 * q + b0;                                            \
        out = x * p / q;                                                             \
    }
    if (d) {
        for (long i = 0; i < count; i++) {
            float t;
            SPECBOOK_TANH(a[i], t)
            a[i] = t;
            d[i] = 1 - t * t;
        }
    } else {
        for (long i = 0; i < count; i++) SPECBOOK_TANH(a[i], a[i])
    }
#undef SPECBOOK_TANH
}

// sqrt(x) as Float.loopSquareRoot (MatrixScalar.swift): 1/sqrt(x) from the exponent trick, three Newton steps
// y <- y (3/2 - x/2 y^2), then x y; the same bits as the Swift it replaces.
static inline float KERNEL(loop_sqrt)(float x) {
    unsigned int bits;
    __builtin_memcpy(&bits, &x, sizeof bits);
    bits = 0x5f3759dfu - (bits >> 1);
    float y;
    __builtin_memcpy(&y, &bits, sizeof y);
    const float half = 0.5f * x;
    y = y * (1.5f - half * y * y);
    y = y * (1.5f - half * y * y);
    y = y * (1.5f - half * y * y);
    return x * y;
}

// Adam on floats: m <- b1 m + c1 g; v <- b2 v + c2 g^2; p <- p - s m / (sqrt(v) / k2 + eps).
static void KERNEL(adam_f32)(float *__restrict__ p, float *__restrict__ m, float *__restrict__ v,
                             const float *__restrict__ g, long count, float step, float b1, float b2, float c1,
                             float c2, float correction2, float eps) {
    for (long i = 0; i < count; i++) {
        const float gi = g[i];
        const float mi = b1 * m[i] + c1 * gi;
        const float vi = b2 * v[i] + c2 * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] -= step * mi / (KERNEL(loop_sqrt)(vi) / correction2 + eps);
    }
}

// tanh on doubles within 2 ulp (Cephes's tanh and exp): |x| < 0.625: x + x z P(z) / Q(z), z = x^2; above it
// 1 - 2 / (e^{2|x|} + 1) with |x| clamped at 22 (where tanh rounds to 1), signed as x; e^y by y = n ln 2 + r and
// e^r = 1 + 2 r P(r^2) / (Q(r^2) - r P(r^2)). Both branches are computed and one chosen, so the loop vectorises; NaN
// passes through. a = tanh(a) and, when d is given, d = 1 - a^2.
static inline double KERNEL(tanh_f64_value)(double x) {
    const double ax = __builtin_fabs(x);
    // small |x|
    const double z = x * x;
    const double p = (-9.64399179425052238628e-1 * z - 9.92877231001918586564e1) * z - 1.61468768441708447952e3;
    const double q = ((z + 1.12811678491632931402e2) * z + 2.23548839060100448583e3) * z + 4.84406305325125486048e3;
    const double small = x + x * (z * p / q);
    // large |x|: e^{2|x|}
    const double y = 2 * (ax > 22 ? 22 : ax);
    const int n = (int)(1.4426950408889634073599 * y + 0.5);
    const double fn = (double)n;
    double r = y - fn * 6.93145751953125e-1;
    r = r - fn * 1.42860682030941723212e-6;
    const double rr = r * r;
    const double pr = r * ((1.26177193074810590878e-4 * rr + 3.02994407707441961300e-2) * rr + 9.99999999999999999910e-1);
    const double qr = ((3.00198505138664455042e-6 * rr + 2.52448340349684104192e-3) * rr + 2.27265548208155028766e-1) * rr
                      + 2.00000000000000000009e0;
    const double er = 1 + 2 * (pr / (qr - pr));
    const unsigned long long bits = (unsigned long long)(long long)(n + 1023) << 52;
    double scale;
    __builtin_memcpy(&scale, &bits, sizeof scale);
    const double large = __builtin_copysign(1 - 2 / (er * scale + 1), x);
    return ax < 0.625 ? small : large;
}

// The loop is written twice, with and without d: a test of d inside it becomes a masked store through a null pointer,
// which some CPUs (AMD Zen 4) handle by a microcode assist on every iteration.
static void KERNEL(tanh_f64)(double *__restrict__ a, double *__restrict__ d, long count) {
    if (d) {
        for (long i = 0; i < count; i++) {
            const double t = KERNEL(tanh_f64_value)(a[i]);
            a[i] = t;
            d[i] = 1 - t * t;
        }
    } else {
        for (long i = 0; i < count; i++) a[i] = KERNEL(tanh_f64_value)(a[i]);
    }
}

// The LFP solver's feature columns (TrigFeatures in LFPFrequencyTable.swift), e^{2 pi i k x} from a coarse and a fine
// table: with f = (qr + i qi)(rr + i ri), conjugated when sign = -1, the first axis writes oc = s Re f, os = s sign Im f;
// each further axis multiplies (oc + i os) by f in place. `phase_product` is f itself, for an axis whose frequency is
// the same over a run of columns; `phase_first_of` and `phase_next_of` take such an f, with the same arithmetic.
static void KERNEL(phase_product)(const double *__restrict__ qr, const double *__restrict__ qi, const double *__restrict__ rr,
                                  const double *__restrict__ ri, double *__restrict__ fr, double *__restrict__ fi, long n) {
    for (long j = 0; j < n; j++) {
        fr[j] = qr[j] * rr[j] - qi[j] * ri[j];
        fi[j] = qr[j] * ri[j] + qi[j] * rr[j];
    }
}

static void KERNEL(phase_first)(const double *__restrict__ qr, const double *__restrict__ qi, const double *__restrict__ rr,
                                const double *__restrict__ ri, double *__restrict__ oc, double *__restrict__ os, long n,
                                double s, double sign) {
    const double ss = s * sign;
    for (long j = 0; j < n; j++) {
        oc[j] = s * (qr[j] * rr[j] - qi[j] * ri[j]);
        os[j] = ss * (qr[j] * ri[j] + qi[j] * rr[j]);
    }
}

static void KERNEL(phase_first_of)(const double *__restrict__ fr, const double *__restrict__ fi, double *__restrict__ oc,
                                   double *__restrict__ os, long n, double s, double sign) {
    const double ss = s * sign;
    for (long j = 0; j < n; j++) {
        oc[j] = s * fr[j];
        os[j] = ss * fi[j];
    }
}

static void KERNEL(phase_next)(const double *__restrict__ qr, const double *__restrict__ qi, const double *__restrict__ rr,
                               const double *__restrict__ ri, double *__restrict__ oc, double *__restrict__ os, long n,
                               double sign) {
    for (long j = 0; j < n; j++) {
        const double fr = qr[j] * rr[j] - qi[j] * ri[j];
        const double fi = sign * (qr[j] * ri[j] + qi[j] * rr[j]);
        const double pr = oc[j] * fr - os[j] * fi;
        os[j] = oc[j] * fi + os[j] * fr;
        oc[j] = pr;
    }
}

static void KERNEL(phase_next_of)(const double *__restrict__ gr, const double *__restrict__ gi, double *__restrict__ oc,
                                  double *__restrict__ os, long n, double sign) {
    for (long j = 0; j < n; j++) {
        const double fr = gr[j];
        const double fi = sign * gi[j];
        const double pr = oc[j] * fr - os[j] * fi;
        os[j] = oc[j] * fi + os[j] * fr;
        oc[j] = pr;
    }
}

// A run of `count` feature columns whose frequencies differ only in the last axis: k = (k_0, ..., k_{d-2}, k_{d-1} + c)
// for c < count. Axis a's table has coarse rows e^{2 pi i fine_count q x} at coarse[a] + 2 n q and fine rows
// e^{2 pi i r x} at fine[a] + 2 n r (each n real parts, then n imaginary parts). Column c goes to oc + c n and os + c n,
// times scale[c] (1 when scale is NULL); `work` holds 2 n (d - 1) values. Each column gets the bits the per-axis
// kernels give it: the fixed axes' products are made once per run with the same arithmetic.
static void KERNEL(phase_row)(long n, long d, const long *k, long count, const double *const *coarse,
                              const double *const *fine, long fine_count, const double *scale, double *oc, double *os,
                              double *work) {
    for (long a = 0; a + 1 < d; a++) {
        const long m = k[a] < 0 ? -k[a] : k[a];
        const double *q = coarse[a] + 2 * n * (m / fine_count), *r = fine[a] + 2 * n * (m % fine_count);
        KERNEL(phase_product)(q, q + n, r, r + n, work + 2 * n * a, work + 2 * n * a + n, n);
    }
    const double *last_coarse = coarse[d - 1], *last_fine = fine[d - 1];
    for (long c = 0; c < count; c++) {
        const double s = scale ? scale[c] : 1.0;
        const long kl = k[d - 1] + c, m = kl < 0 ? -kl : kl;
        const double sign = kl < 0 ? -1.0 : 1.0;
        const double *q = last_coarse + 2 * n * (m / fine_count), *r = last_fine + 2 * n * (m % fine_count);
        double *cc = oc + c * n, *cs = os + c * n;
        if (d == 1) {
            KERNEL(phase_first)(q, q + n, r, r + n, cc, cs, n, s, sign);
            continue;
        }
        KERNEL(phase_first_of)(work, work + n, cc, cs, n, s, k[0] < 0 ? -1.0 : 1.0);
        for (long a = 1; a + 1 < d; a++) {
            KERNEL(phase_next_of)(work + 2 * n * a, work + 2 * n * a + n, cc, cs, n, k[a] < 0 ? -1.0 : 1.0);
        }
        KERNEL(phase_next)(q, q + n, r, r + n, cc, cs, n, sign);
    }
}
