"""Tools that make and keep lexicons: extract one from show notes, check one, edit one row by row.

* :mod:`.table`: the rows of a lexicon file, edited in place (what ``--into`` merges into);
* :mod:`.extract`: candidate names and terms from show notes, titles and descriptions;
* :mod:`.check`: duplicates and contradictions of one or more lexicon files.

Learning aliases and negatives from review decisions lives with the review code, in
:mod:`correction.review.learn`.
"""
