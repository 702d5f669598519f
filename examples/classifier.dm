# classifier.dm - dual-module inference on the Fashion-MNIST ResNet: accuracy against speed.
#
#   dualmod -f examples/classifier.dm            # ~1.5 min on 2 cores the first time (fitting the
#                                                # little modules, then cached), ~20 s after
#
# The sites are the convolutions (info lists them); dacc is the accuracy change against dense,
# in points.
load fmnist-resnet
set limit 500 speed 50
sweep ratio 0.3,0.6 bits 8
pareto dacc speedup
