"""The generator: documents → claims → verified facts → questions → a bank file (uses spaCy).

A batch job. Nothing on the study side imports it; the two halves meet only at the bank file.
"""
