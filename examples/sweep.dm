# sweep.dm - a quick grid: insensitive ratio x little-module bits on kjv-lstm.
#
#   dualmod -f examples/sweep.dm                 # ~1.5 min on 2 cores the first time (fitting the
#                                                # little module takes ~40 s, then it is cached)
#   dualmod -c 'pareto dppl_pct speedup'         # afterwards: the trade-off of what it stored
#
# It holds only load, set and sweep, so it is also a grid to shard across processes or machines:
#   parallel --will-cite dualmod --db s{}.db -f examples/sweep.dm --shard {}/2 ::: 1 2
#   dualmod import s1.db s2.db
# Run again, it skips the configurations already stored (--force reruns them).
load kjv-lstm
set limit 5000     # the first 5000 tokens of the validation split (0 = all ~50k: ~10x longer)
set speed 100      # interleaved dense/dual step pairs timed per configuration
sweep ratio 0.1:0.9:0.4 bits 8,4
