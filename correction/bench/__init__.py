"""Benchmarks: the per-pass table of ``correction bench`` (GitHub issue 3).

One small module per concern; import from them directly (nothing heavy is imported here):

* :mod:`.dataset`: ``Dataset``, ``load_dataset(dir)``: raw/reference transcripts and gold spans
* :mod:`.baselines`: ``BASELINES``, naive correctors (flashtext, rapidfuzz) that emit Edit records
* :mod:`.systems`: ``SYSTEMS``, the rows of the table (raw, +exact ... +context, baselines)
* :mod:`.runner`: ``Row`` (counts, ratios as properties), ``run_dataset``, ``run_bench``, ``total_rows``
* :mod:`.report`: the Markdown table and the pandas frame written as CSV
* :mod:`.chart`: WER and F1 per row as a PNG (matplotlib, Agg)
"""
