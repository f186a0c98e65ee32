"""``correction correct``: correct one transcript, stdin, or a folder of transcripts."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import click

from ..archive import is_archive
from ..edits import Edit, text_sha256, write_edits_jsonl
from ..errors import InputError, UsageError
from ..formats import FORMATS, Document, format_for, read_document
from ..io import StagedWrites, read_text
from ..passes import DEFAULT_PASSES, PASSES
from .options import cache_options, lexicon_option, load_lexicon, open_cache, same_file


if TYPE_CHECKING:
    from ..parallel import EngineSpec


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
@click.option("-j", "--jobs", "job_count", type=click.IntRange(min=1),
              help="Worker processes for a folder (each loads the cached index once), or workers of "
                   "--dask local. Default: all cores.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Correct a folder or an archive on a Dask cluster: tcp://SCHEDULER:8786, or 'local' "
                   "for a LocalCluster here. Needs correction[dask].")
@cache_options
def correct(input_path, output, lexicons, edits_path, passes, min_score, decision, min_confidence, format_name,
            lang, in_place, job_count, dask_address, cache_dir, no_cache):
    """Correct misheard domain terms in INPUT (a file, '-' for stdin, a folder, or a .parquet archive).

    Plain text, SRT, WebVTT and Whisper JSON are supported; the output keeps the input's
    format, timings and line structure, and only the corrected words change. An archive is a
    Parquet table with id and text columns (and optional format, lang); -o OUT.parquet gets the
    corrected table and OUT.edits.parquet one row per edit (or --edits PATH).

    \b
    Examples:
      correction correct talk.txt                      # corrected text to stdout
      correction correct talk.srt -o talk.fixed.srt --edits talk.edits.jsonl
      cat talk.txt | correction correct - --lexicon episode.txt --lexicon people.csv
      correction correct transcripts/ -o corrected/    # every transcript in a folder
      correction correct talk.txt --passes exact,fuzzy --min-score 0.9
      correction correct talk.txt --decision model --min-confidence 0.8
      correction correct transcripts/ -o corrected/ --jobs 4
      correction correct archive.parquet -o fixed.parquet --dask tcp://scheduler:8786
    """
    from contextlib import nullcontext

    from ..engine import Corrector
    from ..parallel import EngineSpec, correct_as_completed, default_jobs

    language = None if lang == "auto" else lang
    cache = open_cache(cache_dir, no_cache)
    # worker processes build the same corrector from these
    options = {"passes": passes, "min_score": min_score, "lang": language, "decision": decision,
               "min_confidence": min_confidence}
    corrector = Corrector(load_lexicon(lexicons, cache), **options,  # type: ignore[arg-type]
                          **({"index_source": cache.index_for} if cache else {}))
    spec = EngineSpec.of(lexicons, cache, **options)
    spec.adopt(corrector)

    if is_archive(input_path):
        _correct_archive(input_path, output, edits_path, spec, dask_address, job_count, cache)
        return
    folder = input_path != "-" and Path(input_path).is_dir()
    if dask_address and not folder:
        raise UsageError("--dask", "runs a folder or a .parquet archive, not one transcript")
    if folder:
        jobs = _folder_jobs(Path(input_path), output, edits_path, format_name)
    else:
        if output and input_path != "-" and same_file(input_path, output) and not in_place:
            raise UsageError(output, "output is the input file; pass --in-place to overwrite it")
        for path, what in ((output, "its corrected text"), (edits_path, "its edit log")):
            if path and Path(path).is_dir():
                raise UsageError(path, f"is a folder; one transcript needs a file for {what} "
                                       "(a folder is for a folder of transcripts)")
        jobs = [_prepare(input_path, output, edits_path, format_name)]

    # Everything is read and parsed before anything is written, and the outputs are renamed into
    # place only once every transcript is corrected: bad input or a failure half way writes nothing.
    totals: Counter[str] = Counter()
    workers = (job_count or default_jobs()) if folder else 1
    texts = [job.document.text for job in jobs]
    with cache.readings() if cache else nullcontext(), StagedWrites() as staged:
        if dask_address:
            from ..dask_run import correct_texts_on, dask_client

            spec.warm()
            with dask_client(dask_address, workers) as client:
                corrected: Iterable[tuple[int, tuple[Edit, ...]]] = enumerate(
                    correct_texts_on(client, spec, texts))
        else:
            # each file is written (to its temporary) as soon as it is done, while workers go on
            corrected = correct_as_completed(spec, texts, workers)
        for number, edits in _progress(corrected, len(jobs)) if folder else corrected:
            _write(staged, jobs[number], jobs[number].document.render(edits), edits)
            totals.update(edit.pass_name for edit in edits)
        staged.commit()
    _summary(totals, corrector.pass_names, f"{len(jobs)} file(s)")


def _progress(items: Iterable, total: int) -> Iterable:
    """A progress bar on a terminal; tqdm is not even imported (10 to 30 ms) when nobody sees it."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="correcting", unit="file", leave=False)


def _summary(totals: Counter, pass_names: tuple[str, ...], what: str) -> None:
    summary = ", ".join(f"{name} {totals[name]}" for name in pass_names if totals[name])
    click.echo(f"{sum(totals.values())} edits in {what}" + (f" ({summary})" if summary else ""), err=True)


def _correct_archive(path: str, output: str | None, edits_path: str | None, spec: "EngineSpec",
                     dask_address: str | None, job_count: int | None, cache) -> None:
    """An archive in, the corrected archive and its edits table out (in this process, or on Dask)."""
    from contextlib import nullcontext

    from ..archive import correct_partition, edits_path_for, read_archive, split_edits, write_table
    from ..parallel import default_jobs

    if not output or not is_archive(output):
        raise UsageError(output or path, "an archive is corrected into another: give -o OUT.parquet")
    if same_file(path, output):
        raise UsageError(output, "output is the input archive; choose another")
    frame = read_archive(path)  # checked before anything is computed or written
    with cache.readings() if cache else nullcontext():
        if dask_address:
            from ..dask_run import correct_archive, dask_client

            spec.warm()
            with dask_client(dask_address, job_count or default_jobs()) as client:
                corrected = correct_archive(client, path, spec)
        else:
            corrected = correct_partition(frame, spec, path)
    table, edits = split_edits(corrected)
    write_table(table, output)
    write_table(edits, edits_path or edits_path_for(output))
    _summary(Counter(edits["pass_name"].tolist()), spec.corrector().pass_names, f"{len(table)} transcript(s)")


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


def _write(staged: StagedWrites, job: FileJob, rendered: str, edits: tuple[Edit, ...]) -> None:
    if job.output_path:
        staged.write(job.output_path, rendered)
    else:
        click.echo(rendered, nl=False)
    if job.edits_path:
        staged.write(job.edits_path, write_edits_jsonl(edits, text_sha256(job.document.source)))
