"""``correction correct``: correct one transcript, stdin, or a folder of transcripts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click

from ..edits import Edit, text_sha256, write_edits_jsonl
from ..errors import InputError, UsageError
from ..formats import FORMATS, Document, format_for, read_document
from ..io import read_text, write_text_atomic
from ..passes import DEFAULT_PASSES, PASSES
from .options import lexicon_option, load_lexicon, same_file


@dataclass(frozen=True)
class FileJob:
    """One transcript to correct: where it comes from, where it goes, and its parsed document."""

    source_path: str
    output_path: str | None
    edits_path: str | None
    document: Document


def _prepare(path: str, output: str | None, edits: str | None, format_name: str | None) -> FileJob:
    fmt = format_for(path, format_name)
    document = read_document(read_text(path), path if path != "-" else "<stdin>", fmt)
    return FileJob(path, output, edits, document)


def _transcripts_in(folder: Path) -> list[Path]:
    extensions = {extension for fmt in FORMATS.values() for extension in fmt.extensions}
    return sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix.lower() in extensions
                  and not path.name.endswith(".edits.jsonl"))


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(), help="Output file (a folder when INPUT is a folder). Default: stdout.")
@lexicon_option
@click.option("--edits", "edits_path", type=click.Path(),
              help="Write the edit log (JSON Lines: where, original, replacement, entity, pass, score, reason). "
                   "A folder when INPUT is a folder.")
@click.option("--passes", default=",".join(DEFAULT_PASSES), show_default=True,
              help=f"Comma-separated passes to run, in order. Known: {', '.join(PASSES)}. Without 'context', "
                   "spans of ordinary words (\"il y a\" for Ilya) are never rewritten.")
@click.option("--min-score", type=float, default=0.8, show_default=True,
              help="Lowest score (0-1] an approximate match needs to be applied.")
@click.option("--decision", type=click.Choice(["rules", "model"]), default="rules", show_default=True,
              help="How candidates are decided: rules counts context clues; model weighs each candidate's "
                   "features with the fitted model (correction/decision/) and keeps it from --min-confidence up.")
@click.option("--min-confidence", type=float, default=None,
              help="With --decision model: lowest probability (0-1) of being a right fix for a candidate to "
                   "be applied. Default: the model's own, chosen on its fitting data.")
@click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)),
              help="Transcript format. Default: from the file extension; plain text for stdin and files "
                   "without one.")
@click.option("--lang", type=click.Choice(["auto", "fr", "en"]), default="auto", show_default=True,
              help="Transcript language, for lexicon entries marked fr or en. auto: guessed from the words.")
@click.option("--in-place", is_flag=True, help="Allow OUTPUT to be INPUT itself (the input is overwritten).")
def correct(input_path, output, lexicons, edits_path, passes, min_score, decision, min_confidence, format_name,
            lang, in_place):
    """Correct misheard domain terms in INPUT (a file, '-' for stdin, or a folder).

    Plain text, SRT, WebVTT and Whisper JSON are supported; the output keeps the input's
    format, timings and line structure, and only the corrected words change.

    \b
    Examples:
      correction correct talk.txt                      # corrected text to stdout
      correction correct talk.srt -o talk.fixed.srt --edits talk.edits.jsonl
      cat talk.txt | correction correct - --lexicon episode.txt --lexicon people.csv
      correction correct transcripts/ -o corrected/    # every transcript in a folder
      correction correct talk.txt --passes exact,fuzzy --min-score 0.9
      correction correct talk.txt --decision model --min-confidence 0.8
    """
    from ..engine import Corrector

    language = None if lang == "auto" else lang
    corrector = Corrector(load_lexicon(lexicons), passes=passes, min_score=min_score, lang=language,
                          decision=decision, min_confidence=min_confidence)

    folder = input_path != "-" and Path(input_path).is_dir()
    if folder:
        jobs = _folder_jobs(Path(input_path), output, edits_path, format_name)
    else:
        if output and input_path != "-" and same_file(input_path, output) and not in_place:
            raise UsageError(output, "output is the input file; pass --in-place to overwrite it")
        jobs = [_prepare(input_path, output, edits_path, format_name)]

    # Everything is read and parsed before anything is written: bad input writes nothing.
    from tqdm import tqdm

    totals: Counter[str] = Counter()
    results = []
    for job in tqdm(jobs, desc="correcting", unit="file", disable=None if folder else True, leave=False):
        result = corrector.correct(job.document.text)
        results.append((job, job.document.render(result.edits), result.edits))
        totals.update(edit.pass_name for edit in result.edits)
    for job, rendered, edits in results:
        _write(job, rendered, edits)
    summary = ", ".join(f"{name} {totals[name]}" for name in corrector.pass_names if totals[name])
    click.echo(f"{sum(totals.values())} edits in {len(jobs)} file(s)" + (f" ({summary})" if summary else ""), err=True)


def _folder_jobs(folder: Path, output: str | None, edits: str | None, format_name: str | None) -> list[FileJob]:
    if not output:
        raise UsageError(str(folder), "INPUT is a folder: give an output folder with -o")
    if Path(output).exists() and not Path(output).is_dir():
        raise UsageError(output, "INPUT is a folder, so -o must be a folder too")
    if same_file(str(folder), output):
        raise UsageError(output, "output folder is the input folder; choose another")
    files = _transcripts_in(folder)
    if not files:
        raise InputError(str(folder), "no transcript files (.txt, .srt, .vtt, .json) in this folder")
    jobs = []
    for path in files:
        relative = path.relative_to(folder)
        edits_file = str(Path(edits) / relative.with_suffix(".edits.jsonl")) if edits else None
        jobs.append(_prepare(str(path), str(Path(output) / relative), edits_file, format_name))
    return jobs


def _write(job: FileJob, rendered: str, edits: tuple[Edit, ...]) -> None:
    if job.output_path:
        write_text_atomic(job.output_path, rendered)
    else:
        click.echo(rendered, nl=False)
    if job.edits_path:
        write_text_atomic(job.edits_path, write_edits_jsonl(edits, text_sha256(job.document.source)))
