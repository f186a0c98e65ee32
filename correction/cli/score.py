"""``correction score``: error rates of a transcript, or precision/recall of an edit log.

Two modes, chosen by ``--gold-edits``: without it, REF and HYP are transcripts and the command
prints WER, MER, WIL, CER (and B-WER/U-WER with ``--lexicon``); with it, ``--edits`` is an edit
log scored against gold spans. The scoring itself lives in :mod:`correction.scoring`.
"""

from __future__ import annotations

import json
import textwrap

import click

from ..errors import UsageError
from .options import lexicon_option_with

# The help lists the registry's own summaries (no second list), so the registry is imported
# here; this module is loaded only when `score` runs or its help is shown. The bootstrap is not:
# it brings numpy, which only --confidence needs.
from ..scoring.normalize import DEFAULT_NORMALIZER, NORMALIZERS

NORMALISATION_HELP = "\n".join(
    textwrap.fill(normalizer.summary, width=78, initial_indent=f"  {name:<6} ", subsequent_indent=" " * 9,
                  break_on_hyphens=False)
    for name, normalizer in NORMALIZERS.items()
)
try:
    from ..formats import FORMATS

    FORMAT_NAMES = list(FORMATS)
except ImportError:  # correction.formats not installed: plain text only
    FORMAT_NAMES = ["txt"]
LEXICON_HELP = (
    "Lexicon file (.txt list, or .csv/.tsv table); repeat to merge several. Adds B-WER, U-WER "
    "and per-entity counts; without it, no B-WER."
)

HELP = f"""Score a transcript (WER, B-WER) or edits (P/R/F1) against a reference.

REF and HYP are plain text (scored line against line, so they must have the same number of
lines; trailing blank lines are ignored), or SRT, WebVTT or Whisper JSON (their texts, in order,
scored as one text each). With --lexicon, the errors are split into B-WER (words of lexicon
terms or aliases occurring in the reference; insertions of lexicon words) and U-WER (all other
words), after Le et al. 2021, with per-entity counts.

With --gold-edits, scores an edit log (--edits, JSON Lines from `correction correct --edits`)
against gold spans: precision, recall, F1, per entity and per pass, and the traps
(--traps) and correct names (--correct) that predictions touched. --confidence adds how sure
precision and recall are: a recogniser mishears a name the same way again, so a transcript's
edits are a few heard forms repeated, and the intervals resample forms, not edits.

\b
Normalisations (--normalize, default {DEFAULT_NORMALIZER}; numbers are never changed):
{NORMALISATION_HELP}

\b
Examples:
  correction score reference.txt talk.fixed.txt
  correction score reference.txt talk.fixed.txt --normalize fr --lexicon episode.csv --align
  correction score reference.srt talk.srt --json
  correction score --gold-edits gold.jsonl --edits talk.edits.jsonl --traps traps.jsonl
  correction score --gold-edits gold.jsonl --edits talk.edits.jsonl --confidence
"""


def _plain_lines(texts: tuple[str, ...]) -> list[str]:
    """Lines without the trailing blank ones (an editor's final empty line holds no word)."""
    lines = list(texts)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _check_mode(reference, hypothesis, gold_edits, edits, traps, correct, format_name, lexicons, normalize, whole,
                align, confidence=False) -> None:
    if gold_edits is None:
        for option, value in (("--edits", edits), ("--traps", traps), ("--correct", correct),
                              ("--confidence", confidence or None)):
            if value is not None:
                raise UsageError(option, "only used with --gold-edits GOLD.jsonl")
        if reference is None or hypothesis is None:
            raise UsageError(
                "score", "give REF and HYP transcripts, or --gold-edits GOLD.jsonl --edits PRED.jsonl"
            )
        return
    if edits is None:
        raise UsageError("--gold-edits", "needs --edits PRED.jsonl, the edit log to score")
    if reference is not None:
        raise UsageError("--gold-edits", "scores an edit log, not transcripts: drop REF and HYP")
    for option, given in (("--format", format_name is not None), ("--lexicon", bool(lexicons)),
                          ("--normalize", normalize is not None), ("--whole", whole), ("--align", align)):
        if given:
            raise UsageError(option, "only used when scoring transcripts (REF HYP), not with --gold-edits")


def _score_transcripts(reference, hypothesis, format_name, lexicons, normalize, whole, align, as_json) -> None:
    from ..lexicon import Lexicon
    from ..scoring.alignment import render_alignment
    from ..scoring.report import render_wer
    from ..scoring.transcripts import read_transcript
    from ..scoring.wer import score_texts

    ref, hyp = read_transcript(reference, format_name), read_transcript(hypothesis, format_name)
    lexicon = Lexicon.load(*lexicons) if lexicons else None
    if ref.is_plain and hyp.is_plain and not whole:
        ref_texts, hyp_texts = _plain_lines(ref.texts), _plain_lines(hyp.texts)
        labels = [f"line {number}" for number in range(1, len(ref_texts) + 1)]
    else:
        ref_texts, hyp_texts = ref.joined, hyp.joined
        labels = ["text"]
    score = score_texts(ref_texts, hyp_texts, normalize=normalize or DEFAULT_NORMALIZER, lexicon=lexicon,
                        names=(reference, hypothesis))
    if as_json:
        data = {"reference": reference, "reference_format": ref.format_name, "hypothesis": hypothesis,
                "hypothesis_format": hyp.format_name, **score.to_dict()}
        if align:
            data["alignment"] = [
                {"unit": label, "steps": [[step.op, step.ref, step.hyp] for step in steps]}
                for label, steps in zip(labels, score.alignment)
                if any(step.is_error for step in steps)
            ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(render_wer(score, f"{reference} ({ref.format_name})", f"{hypothesis} ({hyp.format_name})"), nl=False)
    if align:
        shown = render_alignment(score.alignment, labels)
        click.echo("\n" + (shown or "no error: the texts are the same after normalisation"))


def _score_edit_log(gold_edits, edits, traps, correct, as_json, confidence=False) -> None:
    from ..edits import read_edits_jsonl
    from ..io import read_text
    from ..scoring.edits import load_gold, load_spans, score_edits
    from ..scoring.report import render_edits

    gold, predicted = load_gold(gold_edits), read_edits_jsonl(read_text(edits), edits)
    score = score_edits(gold, predicted, traps=load_spans(traps) if traps else (),
                        correct=load_spans(correct) if correct else ())
    intervals = None
    if confidence:
        from ..scoring.bootstrap import edit_intervals

        intervals = edit_intervals(gold, predicted, score)
    if as_json:
        data = {"gold_edits": gold_edits, "edits": edits, "traps_file": traps, "correct_file": correct,
                **score.to_dict()}
        if confidence:
            data["intervals"] = intervals.to_dict() if intervals else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(render_edits(score, gold_edits, edits), nl=False)
    if intervals:
        click.echo("\n" + intervals.render())


@click.command(help=HELP, short_help="Score a transcript (WER, B-WER) or edits (P/R/F1) against a reference.")
@click.argument("reference", metavar="[REF]", required=False)
@click.argument("hypothesis", metavar="[HYP]", required=False)
@click.option("--normalize", type=click.Choice(list(NORMALIZERS)), default=None,
              help=f"Text normalisation applied to REF and HYP (default: {DEFAULT_NORMALIZER}); see above.")
@click.option("--format", "format_name", type=click.Choice(FORMAT_NAMES), default=None,
              help="Format of REF and HYP when their extension does not tell (stdin '-' is plain text).")
@lexicon_option_with(LEXICON_HELP)
@click.option("--whole", is_flag=True, help="Score plain texts as one text each, not line against line.")
@click.option("--align", is_flag=True, help="Also show the word alignment of the lines that hold an error.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with a `signature` of the settings) for programs.")
@click.option("--gold-edits", type=str, default=None, metavar="GOLD.jsonl",
              help="Gold spans (line, start, end, gold, entity): score --edits against them.")
@click.option("--edits", type=str, default=None, metavar="PRED.jsonl", help="Predicted edit log to score.")
@click.option("--traps", type=str, default=None, metavar="TRAPS.jsonl",
              help="Spans (line, start, end, text) no edit should touch.")
@click.option("--correct", type=str, default=None, metavar="CORRECT.jsonl",
              help="Names already right (line, start, end, text, entity) no edit should touch.")
# the bootstrap's LEVEL and RESAMPLES, written out so that the help does not load numpy (a test checks them)
@click.option("--confidence", is_flag=True,
              help="With --gold-edits: also 95% intervals of precision and recall, from resampling the heard forms "
                   "(each distinct heard text with what it becomes, with all its edits) 2,000 times.")
def score(reference, hypothesis, normalize, format_name, lexicons, whole, align, as_json, gold_edits, edits, traps,
          correct, confidence):
    _check_mode(reference, hypothesis, gold_edits, edits, traps, correct, format_name, lexicons, normalize, whole,
                align, confidence)
    if gold_edits is None:
        _score_transcripts(reference, hypothesis, format_name, lexicons, normalize, whole, align, as_json)
    else:
        _score_edit_log(gold_edits, edits, traps, correct, as_json, confidence)
