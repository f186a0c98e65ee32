"""The hearing stage: speak what the plan says and keep what the recogniser heard, in a cache.

The cache is JSON Lines, one record per utterance, appended and flushed as each one is heard
(``benchmarks/data/asr-loop/heard/{lang}.jsonl``, committed): a run can stop at any point and go
on later, and a rerun with the same seed hears nothing twice.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from .plan import Utterance

HEARD = Path(__file__).resolve().parents[1] / "data" / "asr-loop" / "heard"


class HeardCache:
    """What was heard, keyed by (text spoken, voice, language, recogniser settings)."""

    def __init__(self, lang: str, folder: Path = HEARD):
        self.path = folder / f"{lang}.jsonl"
        self.records: dict[tuple[str, str, str, str], str] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    self.records[self._key(record)] = record["heard"]

    @staticmethod
    def _key(record: dict) -> tuple[str, str, str, str]:
        return record["text"], record["voice"], record["lang"], record["recogniser"]

    def get(self, utterance: Utterance, recogniser: str) -> str | None:
        return self.records.get((utterance.text, utterance.voice, utterance.lang, recogniser))

    def add(self, utterance: Utterance, recogniser: str, heard: str, seconds: float) -> None:
        record = {"text": utterance.text, "voice": utterance.voice, "lang": utterance.lang,
                  "recogniser": recogniser, "heard": heard, "seconds": round(seconds, 2)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            stream.flush()
        self.records[self._key(record)] = heard


def hear_all(utterances: list[Utterance], cache: HeardCache, recognizer, log=print) -> int:
    """Hear every utterance not in the cache yet; returns how many were heard now."""
    from correction.probe.recognizer import Voice

    todo = [u for u in dict.fromkeys(utterances) if cache.get(u, recognizer.signature) is None]
    log(f"{cache.path.name}: {len(utterances) - len(todo)} already heard, {len(todo)} to hear")
    started = time.monotonic()
    for number, utterance in enumerate(todo, start=1):
        began = time.monotonic()
        heard = recognizer.hear(utterance.text, Voice.parse(utterance.voice), utterance.lang)
        cache.add(utterance, recognizer.signature, heard, time.monotonic() - began)
        if number % 25 == 0 or number == len(todo):
            rate = (time.monotonic() - started) / number
            log(f"  {number}/{len(todo)} heard, {rate:.2f} s each, ~{rate * (len(todo) - number) / 60:.0f} min left")
    return len(todo)
