"""``correction apply``: write INPUT with the accepted fixes of a decisions file."""

from __future__ import annotations

import click

from ..errors import InputError, UsageError
from ..formats import format_for, read_document
from ..io import read_text, write_text_atomic
from ..review.decisions import accepted_edits, read_decisions
from .options import same_file
from .review import correct_options


@click.command(context_settings={"help_option_names": ["-h", "--help"]},
               params=correct_options("format_name", "in_place"))
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
@click.argument("decisions_path", metavar="DECISIONS", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file. Default: stdout.")
def apply(input_path, decisions_path, output, format_name, in_place):
    """Apply the accepted fixes of DECISIONS (from `review --interactive` or the HTML page) to INPUT.

    INPUT must be the file the decisions were made for: its checksum is checked, and decisions
    for another version of it are refused (nothing is written). The output keeps INPUT's
    format, timings and line structure; only the accepted words change (with the reviewer's
    replacement when it was edited).

    \b
    Examples:
      correction apply talk.txt talk.txt.decisions.jsonl -o talk.fixed.txt
      correction apply talk.srt talk.srt.decisions.jsonl > talk.fixed.srt
      correction apply talk.txt talk.txt.decisions.jsonl -o talk.txt --in-place
    """
    if output and input_path != "-" and same_file(input_path, output) and not in_place:
        raise UsageError(output, "output is the input file; pass --in-place to overwrite it")
    name = input_path if input_path != "-" else "<stdin>"
    document = read_document(read_text(input_path), name, format_for(input_path, format_name))
    decisions = read_decisions(read_text(decisions_path), decisions_path)
    edits = accepted_edits(decisions, document.source, decisions_path)
    try:
        rendered = document.render(edits)
    except ValueError as error:
        raise InputError(decisions_path, f"{error}; nothing written") from None
    if output:
        write_text_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)
    decided = len({decision.proposal.id for decision in decisions})
    click.echo(f"{len(edits)} accepted fix(es) applied, {decided - len(edits)} rejected", err=True)
