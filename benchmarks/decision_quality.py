"""The decision issue's table: how the engine does on data it was not fitted on.

    python benchmarks/decision_quality.py [--decision rules|model|both] [--no-large]

Prints Markdown (and, run whole: both decisions, the large lexicon too, writes
benchmarks/results/decision.md and reliability.md):

* the asr-loop MEASURING domains (politics, business, science; voices not fitted on), per kind
  and language, each set with its canonical-only lexicon: candidate recall (a candidate for the
  right entity over the gold span exists, whatever the decision), recall, precision, and false
  fires per 10,000 words of the name-free sentences; and the spliced sets again with each name
  heard right one time in three (a synthetic voice says a name the same way every time, a real
  speaker does not: in the dev set 32 of the 39 misheard names are named right elsewhere);
* the spliced measuring sets again with a broad lexicon (every asr-loop domain's entities and the
  default lexicon), where a misheard name meets look-alikes from other domains;
* the dev set (canonical-only, default and broad lexicon) and the probe sets, as before;
* the spliced measuring sets' gold edits fixed, by kind of mishearing (the name's letters; close
  in spelling or sound; far, which no look-up from the lexicon reaches), and by distinct heard
  form (a set whose gold is a few forms said many times moves by forms);
* ordinary speech (benchmarks/data/ordinary, its real parts: debates, meetings, press briefings;
  the self-written conversation parts are fitted on): false fires per 10,000 words with the
  default lexicon, with the measuring domains' lexicons (names that are ordinary words too), and
  with a 100,000-name Faker lexicon (``--no-large`` skips the latter: it is slow);
* the reliability of the model's probabilities on the measuring domains: predicted vs observed.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.asr_loop.sets import false_fires, loop_sets  # noqa: E402
from benchmarks.fit_decision import EditCounts  # noqa: E402
from correction import Corrector, Lexicon, __version__  # noqa: E402
from correction.bench.dataset import Dataset, load_dataset  # noqa: E402
from correction.decision.training import collect, lower_cased, partly_heard_right  # noqa: E402
from correction.scoring.bootstrap import RESAMPLES, interval, paired_difference  # noqa: E402
from correction.scoring.edits import score_edits  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
RESULTS = Path(__file__).resolve().parent / "results"
MEASURED_ORDINARY_LINES = {"fr": 905, "en": 648}  # debates; meetings and press briefings


@dataclass
class Tally(EditCounts):
    """Counts summed over data sets: the edits' (as the fit scores them), and the rest."""

    candidates_found: int = 0
    traps: int = 0
    traps_touched: int = 0
    free_words: int = 0
    free_fires: int = 0
    by_kind: dict = field(default_factory=dict)  # kind of mishearing -> [gold, fixed, with a candidate]
    by_form: dict = field(default_factory=dict)  # (heard, gold text) -> [occurrences, fixed, with a candidate]

    def add(self, dataset: Dataset, corrector: Corrector) -> "Tally":
        """Each transcript of ``dataset`` corrected on its own, its counts added."""
        for transcript in dataset.transcripts():
            self._add_transcript(transcript, corrector, f"{dataset.name}: ")
        return self

    def _add_transcript(self, dataset: Dataset, corrector: Corrector, set_name: str) -> None:
        result = corrector.correct(dataset.raw)
        score = score_edits(list(dataset.gold), result.edits, list(dataset.traps), list(dataset.correct))
        starts = [0]
        for line in dataset.raw_lines:
            starts.append(starts[-1] + len(line) + 1)
        by_entity: dict[str, list] = {}
        for candidate in result.candidates:
            by_entity.setdefault(candidate.entity, []).append(candidate.span)
        missed = set(score.missed)
        for span in dataset.gold:
            low, high = starts[span.line - 1] + span.start, starts[span.line - 1] + span.end
            found = any(other.start < high and other.end > low for other in by_entity.get(span.entity, ()))
            self.candidates_found += found
            for counts in (self.by_kind.setdefault(mishearing_kind(span), [0, 0, 0]),
                           self.by_form.setdefault((span.original, span.text), [0, 0, 0])):
                counts[0] += 1
                counts[1] += span not in missed
                counts[2] += found
        fires, words = false_fires(dataset, result.edits)
        self.free_fires += fires
        self.free_words += words
        self.add_scored(dataset.gold, result.edits, score, prefix=set_name)
        self.traps += score.traps
        self.traps_touched += len(score.traps_touched)

    def form_cells(self) -> list[str]:
        """Distinct heard forms (heard text, gold text), those fixed at least once and every time:
        a set whose gold is a few forms repeated moves by forms, not by edits."""
        forms = self.by_form.values()
        return [str(self.gold), str(len(self.by_form)), str(sum(fixed > 0 for _, fixed, _ in forms)),
                str(sum(fixed == seen for seen, fixed, _ in forms))]

    def cells(self) -> list[str]:
        ratio = lambda a, b: f"{a / b:.2f}" if b else "–"  # noqa: E731
        fires = f"{10_000 * self.free_fires / self.free_words:.1f}" if self.free_words else "–"
        return [str(self.gold), f"{ratio(self.candidates_found, self.gold)}", f"{self.fixed}/{self.gold} = "
                f"{ratio(self.fixed, self.gold)}", f"{self.right}/{self.predicted} = {ratio(self.right, self.predicted)}",
                f"{self.traps_touched}/{self.traps}", fires]


def sureness_rows(tallies: dict[tuple[str, str], Tally]) -> list[str]:
    """Recall and precision of the spliced measuring sets with 95% intervals from resampling their
    distinct heard forms (``correction.scoring.bootstrap``), and the model's recall minus the
    rules' on the same resamples."""
    rows = []
    for lang in ("fr", "en"):
        own = {decision: tally for (language, decision), tally in tallies.items() if language == lang}
        for decision, tally in own.items():
            forms = list(tally.clusters.values())
            rows.append(f"| {lang} | {decision} | {len(forms)} | {interval(forms, 'recall')} "
                        f"| {interval(forms, 'precision')} | |")
        if {"rules", "model"} <= set(own):
            difference = paired_difference(own["model"].clusters, own["rules"].clusters, "recall")
            rows.append(f"| {lang} | model − rules | | | | {difference.signed()} |")
    return rows


KINDS = ("the name's letters", "close in spelling or sound", "far: ordinary words or another sound")


@lru_cache(maxsize=None)  # a property of the gold span: the same for every decision tallied
def mishearing_kind(span) -> str:
    """How far the heard text is from the name it stands for, on paper and in sound: the name's
    letters respaced or recased; close (spelling >= 0.7 or sound >= 0.6, the generous proposing
    bounds); or far, which no lexicon look-up reaches ("mode" for Horizons)."""
    from rapidfuzz.distance import Indel

    from correction.phonetics import sound_similarity
    from correction.text import fold  # the letters and digits alone, as the exact pass compares them

    if fold(span.original) == fold(span.text):
        return KINDS[0]
    if (Indel.normalized_similarity(fold(span.original), fold(span.text)) >= 0.7
            or sound_similarity(span.original, span.text) >= 0.6):
        return KINDS[1]
    return KINDS[2]


def corrector(lexicon: Lexicon, decision: str) -> Corrector:
    return Corrector(lexicon, decision=decision)


def measuring_rows(decisions: list[str], kinds: list[str], forms: list[str],
                   spliced: dict[tuple[str, str], Tally] | None = None) -> list[str]:
    """The measuring table's rows; ``kinds`` and ``forms`` receive the spliced sets' rows by kind of
    mishearing and by distinct heard form, ``spliced`` their tallies by (language, decision)."""
    rows = []
    broad = broad_lexicon()
    as_heard, own = (lambda data: data), (lambda loop_set: loop_set.lexicon())
    # each kind of set as heard, and the spliced sets as a real recogniser hears them: each name
    # right some of the time (one time in three), so that the entity is named elsewhere in most
    # transcripts, as it is in real ones (see training.partly_heard_right); and the spliced sets
    # again with a broad lexicon, as a user with one lexicon for every show would have
    for kind, variant, made, lexicon_of in (
            ("spliced", "", as_heard, own), ("whole", "", as_heard, own),
            ("spliced", ", named right 1 time in 3", partly_heard_right, own),
            ("spliced", f", broad lexicon ({len(broad)} entries)", as_heard, lambda loop_set: broad)):
        for lang in ("fr", "en"):
            sets = loop_sets(kind=kind, split="measure", lang=lang)
            if not sets:
                continue
            for decision in decisions:
                tally = Tally()
                for loop_set in sets:
                    tally.add(made(loop_set.dataset()), corrector(lexicon_of(loop_set), decision))
                rows.append("| " + " | ".join([f"asr-loop {kind} {lang}{variant} (measuring: "
                                               f"{', '.join(s.domain for s in sets)})", decision] + tally.cells()) + " |")
                if kind == "spliced" and not variant:
                    if spliced is not None:
                        spliced[(lang, decision)] = tally
                    kinds.append(f"| {lang} | {decision} | " + " | ".join(
                        f"{fixed}/{gold} (candidate {found / gold:.2f})" if gold else "–"
                        for gold, fixed, found in (tally.by_kind.get(name, [0, 0, 0]) for name in KINDS)) + " |")
                    forms.append(f"| {lang} | {decision} | " + " | ".join(tally.form_cells()) + " |")
    return rows


def dev_and_probe_rows(decisions: list[str]) -> list[str]:
    rows = []
    seed = load_dataset(DATA / "seed")
    cases = [("dev set, canonical", seed, seed.canonical_lexicon()), ("dev set, default", seed, Lexicon.load()),
             ("dev set, broad", seed, Lexicon.from_entries([*seed.canonical_lexicon(), *broad_lexicon()]))]
    for name in ("probes-en", "probes-fr"):
        probe = load_dataset(DATA / name)
        cases.append((f"{name}, canonical", probe, probe.canonical_lexicon()))
    for label, dataset, lexicon in cases:
        for casing, data in (("", dataset), (", lower case", lower_cased(dataset))):
            for decision in decisions:
                tally = Tally().add(data, corrector(lexicon, decision))
                rows.append("| " + " | ".join([label + casing, decision] + tally.cells()) + " |")
    return rows


def measuring_lexicon() -> Lexicon:
    """The measuring domains' lexicons in one (``from_entries`` merges the terms they share): names
    that are also ordinary words (Orange, Notion, Renaissance, Curiosity...), whose ordinary uses
    real speech has and the asr-loop sets have few of."""
    return Lexicon.from_entries([entry for loop_set in loop_sets(split="measure") for entry in loop_set.lexicon()])


@lru_cache(maxsize=1)
def broad_lexicon() -> Lexicon:
    """Every asr-loop domain's entities (fitting and measuring: their names, no heard data) and the
    default lexicon, in one: a lexicon of several shows' names, where a misheard name of one domain
    meets look-alikes from the others ("OpaneAie" ~ Oppenheimer, a film, in a talk about OpenAI)."""
    return Lexicon.from_entries([*(entry for loop_set in loop_sets() for entry in loop_set.lexicon()), *Lexicon.load()])


def ordinary_rows(decisions: list[str], large: bool) -> list[str]:
    measuring, broad = measuring_lexicon(), broad_lexicon()
    lexicons = [("default", Lexicon.load()), (f"the measuring domains' ({len(measuring)} terms)", measuring),
                (f"broad: every asr-loop domain's and the default ({len(broad)} entries)", broad)]
    if large:
        from benchmarks.lexicon_gen import scaled_entries

        lexicons.append(("100,000 terms (default + Faker names)", Lexicon.from_entries(scaled_entries(100_000))))
    rows = []
    for name, lexicon in lexicons:
        for decision in decisions:
            cells = []
            for lang in ("en", "fr"):
                # the real parts only: the self-written conversation parts were fitted on
                last = MEASURED_ORDINARY_LINES[lang]
                text = "\n".join((DATA / "ordinary" / f"{lang}.txt").read_text(encoding="utf-8").split("\n")[:last])
                edits = corrector(lexicon, decision).correct(text).edits
                cells.append(f"{len(edits)} in {len(text.split()):,} words = {10_000 * len(edits) / len(text.split()):.1f}")
            rows.append(f"| {name} | {decision} | " + " | ".join(cells) + " |")
    return rows


def reliability() -> list[str]:
    """Predicted probability vs how often such candidates were right, on the measuring domains."""
    import numpy as np

    from correction.decision.model import DecisionModel

    model = DecisionModel.load()
    probabilities, labels = [], []
    for loop_set in loop_sets(split="measure"):
        rows = collect(loop_set.dataset(), loop_set.lexicon(), loop_set.domain)
        for values, label in zip(rows.values, rows.labels):
            probabilities.append(model.probability(list(values)))
            labels.append(label)
    probabilities, labels = np.array(probabilities), np.array(labels)
    lines = ["| predicted | candidates | mean predicted | observed right |", "|---|---|---|---|"]
    edges = [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]
    for low, high in zip(edges, edges[1:]):
        inside = (probabilities >= low) & (probabilities < high)
        if inside.sum():
            lines.append(f"| {low:.2f}–{min(high, 1):.2f} | {int(inside.sum())} | {probabilities[inside].mean():.3f} "
                         f"| {labels[inside].mean():.3f} |")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--decision", choices=("rules", "model", "both"), default="both")
    parser.add_argument("--no-large", action="store_true", help="skip the 100,000-name lexicon (slow)")
    args = parser.parse_args(argv)
    decisions = ["rules", "model"] if args.decision == "both" else [args.decision]
    header = (f"Measured {datetime.date.today()} by `python benchmarks/decision_quality.py` (correction {__version__}).\n\n"
              "| data | decision | gold edits | candidate recall | recall | precision | traps touched "
              "| false fires per 10,000 words (name-free sentences) |\n|---|---|---|---|---|---|---|---|")
    kinds: list[str] = []
    forms: list[str] = []
    spliced: dict[tuple[str, str], Tally] = {}
    out = [header, *measuring_rows(decisions, kinds, forms, spliced), *dev_and_probe_rows(decisions), "",
           "Gold edits fixed by kind of mishearing, asr-loop spliced measuring sets (in brackets, the "
           "share with a candidate for the right entity: candidate recall by kind):", "",
           "| language | decision | " + " | ".join(KINDS) + " |", "|---|---|---|---|---|", *kinds, "",
           "The same gold edits by distinct heard form (heard text and gold text):", "",
           "| language | decision | gold edits | distinct forms | forms fixed at least once | forms fixed every time |",
           "|---|---|---|---|---|---|", *forms, "",
           "How sure those figures are: 95% intervals from resampling the distinct heard forms of the "
           f"spliced measuring sets ({RESAMPLES} resamples; each form with all its edits, since a "
           "form is decided once per transcript and a set moves by forms):", "",
           "| language | decision | heard forms (gold or applied) | recall | precision | recall difference |",
           "|---|---|---|---|---|---|", *sureness_rows(spliced), "",
           "| ordinary speech, lexicon | decision | English | French |", "|---|---|---|---|",
           *ordinary_rows(decisions, not args.no_large)]
    text = "\n".join(out)
    print(text, flush=True)
    whole = args.decision == "both" and not args.no_large
    if whole:  # a partial run prints its rows; only the whole table replaces the recorded one
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "decision.md").write_text(text + "\n", encoding="utf-8")
    if "model" in decisions:
        table = "\n".join(["Reliability of the decision model on the asr-loop measuring domains "
                           f"({datetime.date.today()}):", "", *reliability()])
        print("\n" + table)
        if whole:
            (RESULTS / "reliability.md").write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
