"""The scores stage: numbers about an article, each with its signature.

Receives the Document and its Findings. Adds readability (``readability``,
the formulas in ``formulas``, syllables counted offline in ``syllables``),
the MQM-style quality score (``quality``) and, when a reference
translation is given, sacrebleu's chrF++, BLEU and TER (``reference``).
Open ``readability`` first.
"""
