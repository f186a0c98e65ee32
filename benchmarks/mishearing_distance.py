"""How far the recogniser loop mishears names, against the real transcript; and what the engine fixes
at each distance.

    python benchmarks/mishearing_distance.py        # about two minutes; prints Markdown and writes
                                                    # benchmarks/results/mishearing-distance.md

Every figure the decision is judged by on the asr-loop sets depends on how far their heard forms
are from the names: a text-only corrector can fix "Kirsturmer" for Keir Starmer, not "mode" for
Horizons. The dev set is the one transcript from a real recogniser (a French podcast); the loop's
sets are espeak-ng voices heard by Whisper base. Three tables:

* the gold edits' distinct heard forms (heard text in lower case, with what it becomes), their
  sound and spelling similarity to the name (as the decision's features compute them), and the
  share that sounds 0.8 or closer, in the dev set and in each language and split of the loop;
* the loop's recogniser on its utterances: word error rate of each voice over the whole sentences
  it spoke (the hearing cache, carriers and sentences alike), punctuation and case aside (the dev
  set's reference corrects its names only, so its recogniser has no such figure);
* on the spliced measuring sets, the gold edits fixed by each decision, by how close the heard form
  sounds to the name (edits, and distinct forms in brackets).
"""

from __future__ import annotations

import datetime
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jiwer  # noqa: E402
from rapidfuzz.distance import Indel  # noqa: E402

from benchmarks.asr_loop import settings  # noqa: E402
from benchmarks.asr_loop.hear import HEARD  # noqa: E402
from benchmarks.asr_loop.sets import loop_sets  # noqa: E402
from correction import Corrector, __version__  # noqa: E402
from correction.bench.dataset import load_dataset  # noqa: E402
from correction.phonetics import sound_similarity  # noqa: E402
from correction.scoring.edits import score_edits  # noqa: E402
from correction.text import fold  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
RESULT = Path(__file__).resolve().parent / "results" / "mishearing-distance.md"
CLOSE = 0.8  # sound similarity from which a heard form is as close as most of the real transcript's
BINS = ((0.9, "sound ≥ 0.9"), (0.8, "0.8–0.9"), (0.6, "0.6–0.8"), (0.0, "under 0.6"))


def heard_forms(gold) -> dict[tuple[str, str], tuple[float, float]]:
    """Each distinct (heard text in lower case, gold text): its sound and spelling similarity."""
    forms = {}
    for span in gold:
        form = (span.original.lower(), span.text)
        if form not in forms:
            forms[form] = (sound_similarity(span.original, span.text),
                           Indel.normalized_similarity(fold(span.original), fold(span.text)))
    return forms


def quartiles(values: list[float]) -> str:
    low, middle, high = statistics.quantiles(values, n=4, method="inclusive")
    return f"{low:.2f} / {middle:.2f} / {high:.2f}"


def distance_row(label: str, gold) -> str:
    forms = heard_forms(gold)
    sounds = [sound for sound, _ in forms.values()]
    spellings = [spelling for _, spelling in forms.values()]
    close = sum(sound >= CLOSE for sound in sounds)
    return (f"| {label} | {len(gold)} | {len(forms)} | {quartiles(sounds)} | {statistics.median(spellings):.2f} | "
            f"{close}/{len(forms)} = {close / len(forms):.2f} |")


def distance_rows() -> list[str]:
    rows = [distance_row("dev set (real recogniser, French podcast)", load_dataset(DATA / "seed").gold)]
    for lang in settings.LANGS:
        for split, domains in (("fit", "fitting"), ("measure", "measuring")):
            gold = [span for loop_set in loop_sets(kind="spliced", split=split, lang=lang)
                    for span in loop_set.dataset().gold]
            rows.append(distance_row(f"asr-loop spliced {lang}, {domains} domains", gold))
    return rows


def _words(text: str) -> str:
    """Lower case, punctuation as spaces (apostrophes kept): what a word error rate should compare."""
    return " ".join("".join(char if char.isalnum() or char == "'" else " " for char in text.lower()).split())


def recogniser_rows() -> list[str]:
    split_of_voice = {voice: split for (lang, split), voices in settings.VOICES.items() for voice in voices}
    rows = []
    for lang in settings.LANGS:
        spoken: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for line in (HEARD / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                spoken[record["voice"]].append((_words(record["text"]), _words(record["heard"])))
        for voice, pairs in sorted(spoken.items()):
            pairs = [(said, heard) for said, heard in pairs if said]
            error = jiwer.wer([said for said, _ in pairs], [heard for _, heard in pairs])
            split = split_of_voice.get(voice, "not in the sets")
            rows.append(f"| {lang} | {voice} | {split} | {len(pairs)} | {error:.2f} |")
    return rows


def bin_of(sound: float) -> str:
    return next(label for floor, label in BINS if sound >= floor)


def closeness_rows() -> list[str]:
    rows = []
    for lang in settings.LANGS:
        sets = [(loop_set.lexicon(), loop_set.dataset().transcripts())
                for loop_set in loop_sets(kind="spliced", split="measure", lang=lang)]
        bins = {(span.original, span.text): bin_of(sound_similarity(span.original, span.text))
                for _, transcripts in sets for transcript in transcripts for span in transcript.gold}
        for decision in ("rules", "model"):
            counts = {label: [0, 0, set()] for _, label in BINS}  # gold, fixed, distinct forms
            for lexicon, transcripts in sets:
                corrector = Corrector(lexicon, decision=decision)
                for transcript in transcripts:
                    edits = corrector.correct(transcript.raw).edits
                    missed = set(score_edits(list(transcript.gold), edits).missed)
                    for span in transcript.gold:
                        count = counts[bins[(span.original, span.text)]]
                        count[0] += 1
                        count[1] += span not in missed
                        count[2].add((span.original.lower(), span.text))
            rows.append(f"| {lang} | {decision} | " + " | ".join(
                f"{fixed}/{gold} = {fixed / gold:.2f} ({len(forms)})" if gold else "–"
                for gold, fixed, forms in counts.values()) + " |")
    return rows


def main() -> int:
    lines = [f"# How far the mishearings are ({datetime.date.today()}, correction {__version__})", "",
             "`python benchmarks/mishearing_distance.py`. Distinct heard forms of the gold edits (heard text in "
             "lower case, with what it becomes): sound similarity quartiles (25% / median / 75%), median "
             "spelling similarity, and the share sounding 0.8 or closer.", "",
             "| data | gold edits | heard forms | sound (quartiles) | spelling (median) | forms sounding ≥ 0.8 |",
             "|---|---|---|---|---|---|", *distance_rows(), "",
             "The loop's recogniser (Whisper base, int8) on what each espeak-ng voice said: word error rate "
             "over the whole utterances in the hearing cache (carrier phrases and sentences). The dev set has no such "
             "figure: its reference corrects the names only.", "",
             "| lang | voice | split | utterances | word error rate |", "|---|---|---|---|---|",
             *recogniser_rows(), "",
             "Spliced measuring sets: gold edits fixed by how close the heard form sounds to the name "
             "(distinct forms in brackets).", "",
             "| lang | decision | " + " | ".join(label for _, label in BINS) + " |",
             "|---|---" + "|---" * len(BINS) + "|",
             *closeness_rows(), ""]
    text = "\n".join(lines)
    print(text)
    RESULT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
