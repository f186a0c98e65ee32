"""Make the asr-loop data sets: ``hear`` speaks and transcribes (slow, resumable), ``build`` writes the sets.

    python -m benchmarks.asr_loop.generate hear [--lang fr|en] [--kind carriers|whole]
    python -m benchmarks.asr_loop.generate build

``hear`` needs espeak-ng and the ``probe`` extra; ``build`` reads only the committed cache.
"""

from __future__ import annotations

import argparse
import sys

from . import settings
from .hear import HeardCache, hear_all
from .plan import Utterance, carrier_plan, whole_plan


def utterances(lang: str, kind: str) -> list[Utterance]:
    """Everything the plan speaks in ``lang`` for ``kind`` (carriers first: they are cheaper)."""
    from correction.probe.carriers import fill

    found: list[Utterance] = []
    for domain in settings.DOMAINS:
        if kind == "carriers":
            found += [Utterance(fill(carrier, said, lang), voice, lang)
                      for _entity, said, carrier, voice in carrier_plan(lang, domain)]
        else:
            found += [Utterance(written.text, voice, lang) for written, voice in whole_plan(lang, domain)]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stage", choices=("hear", "build"))
    parser.add_argument("--lang", choices=settings.LANGS, action="append")
    parser.add_argument("--kind", choices=("carriers", "whole"), action="append")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    langs = args.lang or list(settings.LANGS)
    if args.stage == "build":
        from .build import build_all

        build_all(log=lambda message: print(message, file=sys.stderr))
        return 0
    from correction.probe.recognizer import Recognizer

    recognizer = Recognizer(threads=args.threads)
    for kind in args.kind or ["carriers", "whole"]:
        for lang in langs:
            hear_all(utterances(lang, kind), HeardCache(lang), recognizer,
                     log=lambda message: print(message, file=sys.stderr, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
