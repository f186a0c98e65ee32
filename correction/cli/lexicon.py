"""``correction lexicon``: learn from review decisions, extract from show notes, check lexicon files.

Data (a CSV, a check report) goes to stdout; what was done and notes for the user go to stderr.
"""

from __future__ import annotations

import sys

import click

from ..io import read_text, write_text_atomic
from .options import cache_options, lexicon_option_with, load_lexicon, open_cache

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
def lexicon() -> None:
    """Check, extract or learn lexicons.

    \b
    Examples:
      correction lexicon check lexicons/default.csv episode.csv
      correction lexicon extract notes.txt --into episode.csv
      correction lexicon learn talk.decisions.jsonl --into episode.csv
      correction lexicon build people.csv products.csv
    """


@lexicon.command(context_settings=CONTEXT, short_help="Build and cache the index of a lexicon ahead of time.")
@click.argument("paths", metavar="[LEXICON...]", nargs=-1, type=click.Path(dir_okay=False))
@cache_options
def build(paths, cache_dir, no_cache):
    """Build the index of LEXICON files (merged, as repeated --lexicon options merge them) and store
    it in the cache, so that `correction correct` with the same files loads it instead of building it.
    Without LEXICON: the shipped default lexicon.

    The index is kept per language the lexicon distinguishes (entries marked fr or en) and keyed by
    the lexicon's content and the engine version: an edited file or a new version builds anew.

    \b
    Examples:
      correction lexicon build people.csv products.csv
      correction correct talk.txt --lexicon people.csv --lexicon products.csv   # loads the index
      correction lexicon build big.csv --cache /srv/correction-cache
    """
    import time

    from ..errors import UsageError

    if no_cache:
        raise UsageError("--no-cache", "nothing to build without a cache")
    cache = open_cache(cache_dir, no_cache=False)
    started = time.perf_counter()
    vocabulary = load_lexicon(paths, cache)
    langs_by_path: dict = {}
    for lang in ("fr", "en"):
        langs_by_path.setdefault(cache.index_path(vocabulary, lang), []).append(lang)
    with cache.readings():  # an edited lexicon rebuilds faster with its words' readings kept
        for path, langs in langs_by_path.items():
            state = "up to date" if cache.stored(vocabulary, langs[0]) else "built"
            cache.index_for(vocabulary, langs[0])
            click.echo(f"{path}: {state} (transcripts in {', '.join(langs)})", err=True)
    click.echo(f"{vocabulary.name}: {len(vocabulary)} entries, ready in {time.perf_counter() - started:.1f} s",
               err=True)


@lexicon.command(context_settings=CONTEXT, short_help="Learn aliases and negatives from review decisions.")
@click.argument("decisions_paths", metavar="DECISIONS...", nargs=-1, required=True,
                type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--into", required=True, type=click.Path(dir_okay=False),
              help="Lexicon CSV to update (created if missing; its rows and their order are kept).")
def learn(decisions_paths, into):
    """Learn aliases and negatives from review decisions (JSON Lines from `correction review`).

    An accepted fix makes its original text an alias of the term it was fixed to, so the next run
    fixes it in the exact pass. A fix of one word of a name ("ILIA" -> "Ilya" for Ilya Sutskever)
    adds "ILIA" to a row for "Ilya" itself (created with the person's kind and context), and
    "ILIA Sutskever" to the person: an alias always rewrites to its row's term. A rejected fix
    makes its original a negative of the term: never rewritten to it again.

    Terms missing from the lexicon get new rows (kind "term"). Nothing is removed: a decision
    that would contradict the lexicon is left out with a note. The file is written atomically,
    and only if something was learned.

    \b
    Examples:
      correction lexicon learn talk.decisions.jsonl --into episode.csv
      correction lexicon learn day1.jsonl day2.jsonl --into lexicons/learned.csv
      correction correct next.txt --lexicon lexicons/default.csv --lexicon lexicons/learned.csv
    """
    from ..lexicon import write_table
    from ..lexicon_tools.table import Table
    from ..review.decisions import read_decisions
    from ..review.learn import latest
    from ..review.learn import learn as learn_from

    table = Table.open(into)
    decisions = []
    for path in decisions_paths:
        name = "<stdin>" if path == "-" else path
        decisions += latest(read_decisions(read_text(path), name))
    result = learn_from(table.entries, decisions)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    if result.learned:
        write_text_atomic(into, write_table(result.entries))
        click.echo(f"{into}: {result.summary} from {len(decisions)} decision(s)", err=True)
    else:
        click.echo(f"{into}: nothing learned from {len(decisions)} decision(s); not written", err=True)


@lexicon.command(context_settings=CONTEXT, short_help="Propose an episode lexicon from show notes.")
@click.argument("notes_paths", metavar="NOTES...", nargs=-1, required=True,
                type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--into", type=click.Path(dir_okay=False),
              help="Add the terms to this lexicon CSV (created if missing; rows already there are kept "
                   "as they are). Default: write the CSV to stdout.")
@lexicon_option_with("Lexicon to look the names up in; a known name is copied with its kind, aliases and "
                     "context. Repeat to merge several. Default: the shipped AI/tech lexicon.")
def extract(notes_paths, into, lexicons):
    """Propose an episode lexicon from show notes, titles or descriptions (UTF-8 text).

    Picks the names and terms the notes spell: capitalised words mid-sentence ("Sam Altman"),
    CamelCase and capitals ("OpenAI"), words with digits or underscores ("GPT-4", "Underscore_");
    not ordinary words, nor capitals explained by a sentence or line start. Names found in the
    lexicon are copied from it; the others are new rows with a guessed kind (person or term),
    listed on stderr for you to check.

    \b
    Examples:
      correction lexicon extract notes.txt > episode.csv
      correction lexicon extract notes.txt title.txt --into episode.csv
      correction lexicon extract notes.txt --lexicon people.csv --lexicon products.csv
    """
    from ..lexicon import write_table
    from ..lexicon_tools.extract import extract as extract_from
    from ..lexicon_tools.table import Table
    from ..text import fold

    vocabulary = load_lexicon(lexicons)
    table = Table.open(into) if into else Table()
    texts = [(("<stdin>" if path == "-" else path), read_text(path)) for path in notes_paths]
    found, new, kept = 0, [], 0
    seen: set[str] = set()
    for name, text in texts:
        for item in extract_from(text, vocabulary):
            if fold(item.entry.term) in seen:
                continue
            seen.add(fold(item.entry.term))
            found += 1
            if table.find(item.entry.term) is not None:
                kept += 1
                continue
            table.add(item.entry)
            if not item.known:
                new.append(f"{item.entry.term} ({item.entry.kind}, {name}:{item.line})")
    known = found - len(new)
    message = f"{found} term(s): {known} from the lexicon, {len(new)} new"
    message += f" (check their kind): {'; '.join(new)}" if new else ""
    if into:
        write_text_atomic(into, write_table(table.entries))
        message += f"; {len(table.added)} row(s) added to {into}" + (f", {kept} already there" if kept else "")
    else:
        click.echo(write_table(table.entries), nl=False)
    click.echo(message, err=True)


@lexicon.command(context_settings=CONTEXT, short_help="Report duplicates and contradictions; count kinds.")
@click.argument("paths", metavar="LEXICON...", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.pass_context
def check(ctx, paths):
    """Check lexicon files, together as `--lexicon A --lexicon B` would merge them.

    Reports, one line each (file:line: problem), duplicate rows of a term within a file and
    contradictions: an alias or sound-alike claimed by two terms, an alias that is another term,
    a negative that is also an alias of its term. Then counts terms per kind and per lang.

    Exit status: 0 if clean, 1 if problems were found, 2 if a file cannot be read or parsed.

    \b
    Examples:
      correction lexicon check lexicons/default.csv
      correction lexicon check lexicons/default.csv episode.csv learned.csv
    """
    from ..lexicon import read_entries
    from ..lexicon_tools.check import check_entries

    rows = [row for path in paths for row in read_entries(path)]
    report = check_entries(rows)
    for problem in report.problems:
        click.echo(str(problem))
    for line in report.summary(len(paths)):
        click.echo(line)
    ctx.exit(0 if report.clean else 1)


@lexicon.command(context_settings=CONTEXT, short_help="Hear how a recogniser mishears each term (espeak-ng + Whisper).")
@click.argument("path", metavar="LEXICON", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Where to write the lexicon CSV with the mishearings added as sounds_like.")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="en", show_default=True,
              help="Language of the carrier phrases for terms whose row has no lang.")
@click.option("--voice", "voices", multiple=True, metavar="NAME[@SPEED]",
              help="espeak-ng voice (repeatable), e.g. fr-be+m3@160. Default: two voices per language.")
@click.option("--carriers", type=click.IntRange(1, 4), default=2, show_default=True,
              help="Carrier phrases per voice and term.")
def probe(path, output, lang, voices, carriers):
    """Speak each term in short carrier phrases, transcribe them, and record the mishearings.

    Each term is said by espeak-ng inside everyday phrases ("Et là, {name} a répondu tout de
    suite.") and heard by Whisper base; what was heard in the name's place, when the words around
    it were heard exactly, is added to the term's `sounds_like`. How often each form was heard goes
    to stderr, one line per term. A form made only of ordinary words ("il y a" for Ilya) is
    reported but not added: it would be rewritten wherever it occurs. Needs the `probe` extra
    (pip install 'correction[probe]') and the espeak-ng program; about 1.5 s per phrase on 2 cores.

    \b
    Examples:
      correction lexicon probe episode.csv -o probed.csv
      correction lexicon probe names.txt --lang fr --voice fr-fr@150 --voice fr-ch@170 -o probed.csv
    """
    from tqdm import tqdm

    from ..errors import UsageError
    from ..lexicon import Lexicon, write_table
    from ..probe.probe import DEFAULT_VOICES, probe_term, with_mishearings
    from ..probe.recognizer import Recognizer, Voice, espeak_program

    entries = list(Lexicon.load(path))  # a file without a term is an error there
    try:
        chosen = tuple(Voice.parse(label) for label in voices)
    except ValueError as error:
        raise UsageError(None, f"--voice: {error}") from None
    espeak_program()
    recognizer = Recognizer()
    probed, notes = [], []
    for entry in tqdm(entries, desc="probing", unit="term", disable=None, file=sys.stderr):
        term_lang = entry.lang or lang
        result = probe_term(entry.term, term_lang, recognizer.hear, chosen or DEFAULT_VOICES[term_lang], carriers)
        entry, left_out = with_mishearings(entry, result)
        probed.append(entry)
        notes.append(result.summary() + (f" (ordinary words, not added: {', '.join(map(repr, left_out))})"
                                         if left_out else ""))
    for note in notes:
        click.echo(note, err=True)
    text = write_table(probed)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
        click.echo(f"{output}: {len(probed)} term(s) probed", err=True)
