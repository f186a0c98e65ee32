"""The fitted decision: which proposed rewrites to apply.

``features`` (one function per feature, in one table), ``model`` (the logistic regression and its
shipped ``weights.json``), ``decide`` (probabilities, one verdict per form, explanations) and
``training`` (rows and labels from annotated data, the fit; run by ``benchmarks/fit_decision.py``).
"""
