# translate.dm - the Spanish -> English translator, dense and with the dual-module decoder.
#
#   dualmod -f examples/translate.dm             # ~1 min on 2 cores the first time (fitting the
#                                                # decoder's little modules, then cached), ~20 s after
#
# Its Spanish is the 1909 Reina-Valera Bible's, spelling included (fué, crió).
load bible-es-en
set ratio 0        # ratio 0: the dense decoder
translate 'Y dijo Dios: Sea la luz: y fué la luz.'
translate 'En el principio crió Dios los cielos y la tierra.'
set ratio 0.5      # half of the decoder's gate outputs from the little module
translate 'Y dijo Dios: Sea la luz: y fué la luz.'
translate 'En el principio crió Dios los cielos y la tierra.'
set limit 100 speed 50
run                # BLEU of the first 100 validation sentences, dense and dual-module
