# sensitivity.dm - which layer tolerates the little module, then per-layer ratios within a budget.
#
#   dualmod -f examples/sensitivity.dm           # ~3 min on 2 cores
#
# sensitivity dual-modules one site (layer) at a time; tune proposes per-site ratios from that
# table and measures each proposal, keeping perplexity within 2% of dense. Every configuration
# is a stored run (runs where tag = 'sensitivity'; runs where tag like 'tune:%').
load kjv-lstm
set limit 4000 speed 100
sensitivity ratio 0.5,0.9
tune dppl_pct <= 2 maximize speedup trials 10 report none
