"""Scoring: how good a transcript is (WER, B-WER) and how good an edit log is (P/R/F1).

One small module per concern; import from them directly (nothing is re-exported here, so that
``import correction.scoring.edits`` stays free of jiwer):

* :mod:`.normalize`: ``NORMALIZERS``, the named normalisations (``none``, ``basic``, ``fr``, ``en``)
* :mod:`.wer`: ``score_texts(ref, hyp, normalize=, lexicon=) -> WerScore``
* :mod:`.biased`: B-WER / U-WER and per-entity counts (``TermIndex``, ``score_biased``)
* :mod:`.alignment`: word steps, ``Counts`` and the ``--align`` rendering
* :mod:`.edits`: ``GoldSpan``, ``load_gold``, ``load_spans``, ``score_edits(...) -> EditScore``
* :mod:`.bootstrap`: intervals of precision and recall over heard forms (``edit_intervals``)
* :mod:`.signature`: ``Signature``, the settings behind every score
* :mod:`.transcripts`: reading REF/HYP files (plain text by line; SRT, WebVTT, Whisper JSON)
* :mod:`.report`: the tables printed for people
"""
