"""correction: repair misheard domain terms in ASR transcripts with a lexicon.

>>> from correction import Corrector, Lexicon
>>> result = Corrector(Lexicon.from_terms(["OpenAI"])).correct("le CEO d'OpenEye")
>>> result.text
"le CEO d'OpenAI"
"""

__version__ = "0.1.0"

from .edits import Edit, apply_edits, revert_edits  # noqa: E402
from .lexicon import Entry, Lexicon  # noqa: E402


def __getattr__(name: str):
    # The engine pulls in espeak-ng and wordfreq; load it on first use, not on `import correction`.
    if name in ("Corrector", "CorrectionResult"):
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)


__all__ = ["Corrector", "CorrectionResult", "Edit", "Entry", "Lexicon", "apply_edits", "revert_edits", "__version__"]
