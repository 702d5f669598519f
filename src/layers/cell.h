/* cell.h - the recurrent cells' state updates, written once (reference C).
 *
 * Shared by the dense language model (src/nets/lm.c) and the dual-module
 * engine's cell sites (src/dual/sites.c), so a cell computes the same
 * numbers whichever path runs it. Gate order and equations are PyTorch's:
 *   LSTM  g = i,f,g,o (4H):  c' = f*c + i*tanh(g),  h' = o*tanh(c')
 *   GRU   g = r,z,n_x (3H), ghn = W_hn h + b_hn (H):
 *         n = tanh(n_x + r*ghn),  h' = (1-z)*n + z*h */
#ifndef DM_CELL_H
#define DM_CELL_H

void dm_lstm_cell_ref(const float *g, int H, float *h, float *c);
void dm_gru_cell_ref(const float *g, const float *ghn, int H, float *h);

#endif
