/* The FMA bound of issue 13: how many fused multiply-adds a second this machine's cores do, with
 * AVX2 (8 floats) and AVX-512 (16 floats) instructions, twelve independent chains a core (more
 * than latency times throughput, so only the FMA units limit it). Prints one JSON line per width
 * and thread count: G multiply-adds (lanes) a second, and the milliseconds the 2.03 G multiply-adds
 * of a 4096 x 4096 11 x 11 convolution would take at that rate.
 *   cc -O3 -funroll-all-loops -mavx512f -mfma -pthread fma_bound.c -o fma_bound && ./fma_bound */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#define N 100000000L
static float sums[2];
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

/* Each thread writes its chains' sum to *arg (its own slot), so the loop is not dropped. */
static void *fma512(void *arg) {
    __m512 a[12], x = _mm512_set1_ps(1.0000001f), y = _mm512_set1_ps(0.9999999f);
    for (int i = 0; i < 12; i++) a[i] = _mm512_set1_ps((float) i);
    for (long k = 0; k < N; k++)
        for (int i = 0; i < 12; i++) a[i] = _mm512_fmadd_ps(a[i], x, y);
    float s = 0;
    for (int i = 0; i < 12; i++) s += _mm512_reduce_add_ps(a[i]);
    *(float *) arg = s;
    return NULL;
}

static void *fma256(void *arg) {
    __m256 a[12], x = _mm256_set1_ps(1.0000001f), y = _mm256_set1_ps(0.9999999f);
    for (int i = 0; i < 12; i++) a[i] = _mm256_set1_ps((float) i);
    for (long k = 0; k < N; k++)
        for (int i = 0; i < 12; i++) a[i] = _mm256_fmadd_ps(a[i], x, y);
    float s = 0, o[8];
    for (int i = 0; i < 12; i++) { _mm256_storeu_ps(o, a[i]); s += o[0]; }
    *(float *) arg = s;
    return NULL;
}

static void run(const char *name, void *(*f)(void *), int lanes, int threads) {
    pthread_t t[2];
    double t0 = now();
    for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, f, &sums[i]);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    double s = now() - t0;
    double gfma = (double) N * 12 * lanes * threads / s / 1e9;
    double work = 4096.0 * 4096 * 121;
    printf("{\"case\": \"fma_%s\", \"threads\": %d, \"gfma_s\": %.1f, \"conv4096_k11_bound_ms\": %.1f}\n",
           name, threads, gfma, work / gfma / 1e6);
}

int main(void) {
    for (int threads = 1; threads <= 2; threads++) {
        run("avx2", fma256, 8, threads);
        run("avx512", fma512, 16, threads);
    }
    return sums[0] + sums[1] == 12345.0f;
}
