/* The memory floor of 2 x 2 pooling on 4096 x 4096 floats (the avgpool4096 and maxpool4096 cases
 * of `bench`): the time to read every input float once and write every output float once, which
 * any 2 x 2 pooling must do, with AVX-512 loads and stores and next to no arithmetic (each output
 * vector is the lane-wise sum of the four input vectors over it: the same bytes moved as a real
 * pooling, not its values). Input 64 MB and output 16 MB, far past the caches; both touched before
 * timing. Prints one JSON line per thread count (1 and 2, the rows split in halves): the median
 * of 15 passes.
 *   cc -O3 -mavx512f -pthread memory_floor.c -o memory_floor && ./memory_floor */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N 4096
#define PASSES 15
static float *in, *out;
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

typedef struct { int first, last; } rows_t;

/* Output rows [first, last): each reads input rows 2y and 2y + 1 whole and writes its row once. */
static void *pass(void *arg) {
    rows_t *r = arg;
    for (int y = r->first; y < r->last; y++) {
        const float *top = in + (size_t) 2 * y * N, *bottom = top + N;
        float *o = out + (size_t) y * (N / 2);
        for (int x = 0; x < N; x += 32) {
            __m512 a = _mm512_add_ps(_mm512_load_ps(top + x), _mm512_load_ps(bottom + x));
            __m512 b = _mm512_add_ps(_mm512_load_ps(top + x + 16), _mm512_load_ps(bottom + x + 16));
            _mm512_store_ps(o + x / 2, _mm512_add_ps(a, b));
        }
    }
    return NULL;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(void) {
    in = aligned_alloc(64, (size_t) N * N * sizeof(float));
    out = aligned_alloc(64, (size_t) N * N / 4 * sizeof(float));
    if (in == NULL || out == NULL) return 1;
    for (size_t i = 0; i < (size_t) N * N; i++) in[i] = (float) (i % 251) / 251.0f;
    memset(out, 0, (size_t) N * N / 4 * sizeof(float));
    for (int threads = 1; threads <= 2; threads++) {
        double ms[PASSES];
        for (int p = -2; p < PASSES; p++) {
            pthread_t t[2];
            rows_t r[2];
            double t0 = now();
            for (int i = 0; i < threads; i++) {
                r[i].first = N / 2 * i / threads;
                r[i].last = N / 2 * (i + 1) / threads;
                pthread_create(&t[i], NULL, pass, &r[i]);
            }
            for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
            if (p >= 0) ms[p] = (now() - t0) * 1e3;
        }
        qsort(ms, PASSES, sizeof(double), cmp);
        printf("{\"case\": \"memory_floor\", \"threads\": %d, \"pool4096_floor_ms\": %.3f}\n", threads, ms[PASSES / 2]);
    }
    double s = 0;
    for (size_t i = 0; i < (size_t) N * N / 4; i += 4099) s += out[i];
    return s == 12345.0;
}
