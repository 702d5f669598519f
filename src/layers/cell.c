/* cell.c - see cell.h. */
#include "cell.h"

#include <math.h>

static float sigmoidf(float x) { return 1.0f / (1.0f + expf(-x)); }

void dm_lstm_cell_ref(const float *g, int H, float *h, float *c)
{
    for (int j = 0; j < H; j++) {
        float i = sigmoidf(g[j]), f = sigmoidf(g[H + j]);
        float gg = tanhf(g[2 * H + j]), o = sigmoidf(g[3 * H + j]);
        float cn = f * c[j] + i * gg;
        c[j] = cn;
        h[j] = o * tanhf(cn);
    }
}

void dm_gru_cell_ref(const float *g, const float *ghn, int H, float *h)
{
    for (int j = 0; j < H; j++) {
        float r = sigmoidf(g[j]), z = sigmoidf(g[H + j]);
        float n = tanhf(g[2 * H + j] + r * ghn[j]);
        h[j] = (1.0f - z) * n + z * h[j];
    }
}
