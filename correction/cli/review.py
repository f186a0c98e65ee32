"""``correction review``: show the fixes `correct` would make, or decide on them one by one."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import click
from click.core import ParameterSource

from ..edits import apply_edits, text_sha256
from ..errors import InputError, UsageError
from ..formats import Document, format_for, read_document
from ..io import read_text, write_text_atomic
from ..review.decisions import Decision, Proposal, proposals_for, read_decisions, read_proposals, write_decisions
from ..review.interactive import KEYS, ReviewSession, resume
from ..review.terminal import format_proposal, format_view, segment_start, use_color
from ..review.unified import unified_diff
from .correct import correct
from .options import lexicon_option, load_lexicon, same_file

CORRECTOR_OPTIONS = {"lexicons": "--lexicon", "passes": "--passes", "min_score": "--min-score", "lang": "--lang",
                     "decision": "--decision", "min_confidence": "--min-confidence"}
"""Settings that make proposals; they have no use when the proposals are read with --edits."""


def correct_options(*names: str) -> list[click.Parameter]:
    """``correct``'s own options, so that one definition (and one help text) serves several commands."""
    return [param for param in correct.params if param.name in names]


@click.command(context_settings={"help_option_names": ["-h", "--help"]},
               params=correct_options("passes", "min_score", "decision", "min_confidence", "format_name", "lang"))
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
@lexicon_option
@click.option("--edits", "edits_path", type=click.Path(dir_okay=False),
              help="Review this proposal file (written by `correct --edits`) instead of running the corrector. "
                   "It must have been made for INPUT as it is now (its checksum is checked).")
@click.option("--unified", is_flag=True, help="Show a unified diff of the whole file, for patch tools.")
@click.option("--interactive", is_flag=True,
              help="Decide on each proposal with one key: a accept, r reject, e edit, A / R accept / reject all "
                   "for the same term, u undo, q quit. Decisions are saved after each key; run again to resume.")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False),
              help="Decisions file for --interactive (JSON Lines). Default: INPUT.decisions.jsonl.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Write a self-contained review page (accept / reject in a browser, export the decisions).")
@click.pass_context
def review(ctx, input_path, lexicons, edits_path, unified, interactive, decisions_path, html_path,
           passes, min_score, decision, min_confidence, format_name, lang):
    """Show the fixes proposed for INPUT (a transcript file, or '-' for stdin).

    By default each proposal is numbered and shown as a coloured word diff in its context,
    with its line, term, pass, score and reason. Accepted decisions are written with
    `correction apply`.

    \b
    Examples:
      correction review talk.txt --lexicon episode.csv        # numbered word diffs
      correction review talk.srt --unified > talk.patch       # a patch of the whole file
      correction review talk.txt --interactive                # decide; saved to talk.txt.decisions.jsonl
      correction review talk.txt --edits talk.edits.jsonl --html report.html
      correction apply talk.txt talk.txt.decisions.jsonl -o talk.fixed.txt
    """
    views = [flag for flag, on in (("--unified", unified), ("--interactive", interactive), ("--html", html_path)) if on]
    if len(views) > 1:
        raise UsageError(views[1], f"choose one view: {' or '.join(views)}")
    if decisions_path and not interactive:
        raise UsageError("--decisions", "is only used with --interactive")
    if interactive and input_path == "-":
        raise UsageError("--interactive", "INPUT must be a file (decisions are saved next to it)")
    for output in (html_path, decisions_path):
        if output and input_path != "-" and same_file(input_path, output):
            raise UsageError(output, "would overwrite INPUT; choose another file")
    if edits_path:
        given = [flag for name, flag in CORRECTOR_OPTIONS.items()
                 if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE]
        if given:
            raise UsageError(given[0], "has no effect with --edits (the proposals are read from that file)")

    name = input_path if input_path != "-" else "<stdin>"
    document = read_document(read_text(input_path), name, format_for(input_path, format_name))
    if edits_path:
        proposals = _read_proposals(document, name, edits_path)
    else:
        from ..engine import Corrector

        corrector = Corrector(load_lexicon(lexicons), passes=passes, min_score=min_score,
                              lang=None if lang == "auto" else lang, decision=decision, min_confidence=min_confidence)
        proposals = proposals_for(corrector.correct(document.text).edits, document.source)

    color = use_color(sys.stdout)
    if unified:
        after = document.render([proposal.edit for proposal in proposals])
        click.echo(unified_diff(document.source, after, name, color=color), nl=False, color=color)
    elif html_path:
        from ..review.html import render_report

        write_text_atomic(html_path, render_report(document.text, proposals, name, text_sha256(document.source)))
        click.echo(f"wrote {html_path} ({_count(len(proposals))})", err=True)
    elif interactive:
        _interactive(document, proposals, input_path, decisions_path or input_path + ".decisions.jsonl", color)
    else:
        click.echo(format_view(document, proposals, color=color), nl=False, color=color)
        click.echo(f"{_count(len(proposals))} for {name}", err=True)


def _count(number: int) -> str:
    return f"{number} proposal{'' if number == 1 else 's'}"


def _read_proposals(document: Document, name: str, edits_path: str) -> list[Proposal]:
    """The proposals of ``edits_path``, checked against INPUT: same checksum, spans that fit its text."""
    proposals = read_proposals(read_text(edits_path), edits_path)
    checksum = text_sha256(document.source)
    for proposal in proposals:
        if proposal.input_sha256 != checksum:
            raise InputError(edits_path, f"proposals were made for another version of {name} (checksum "
                                         f"{proposal.input_sha256[:12]}, {name} has {checksum[:12]}); "
                                         f"make them again with `correction correct {name} --edits {edits_path}`")
        edit = proposal.edit
        if document.text[edit.start:edit.end] != edit.original:
            raise InputError(edits_path, f"proposal {proposal.id} expects {edit.original!r} at line {edit.line}, "
                                         f"{name} has {document.text[edit.start:edit.end]!r} (another --format?)")
    try:
        apply_edits(document.text, [proposal.edit for proposal in proposals])
    except ValueError as error:
        raise InputError(edits_path, str(error)) from None
    return proposals


def _earlier_decisions(path: str, document: Document, input_path: str) -> list[Decision]:
    """The decisions already saved in ``path`` (none if it does not exist), made for INPUT as it is now."""
    if not Path(path).exists():
        return []
    earlier = read_decisions(read_text(path), path)
    checksum = text_sha256(document.source)
    for decision in earlier:
        if decision.proposal.input_sha256 != checksum:
            raise InputError(path, f"decisions were made for another version of {input_path} (checksum "
                                   f"{decision.proposal.input_sha256[:12]}, {input_path} has {checksum[:12]}); "
                                   "use another --decisions file")
    return earlier


def _interactive(document: Document, proposals: Sequence[Proposal], input_path: str, path: str, color: bool) -> None:
    """The key loop: show the current proposal, read a key, run its action, save. Rules live in ReviewSession."""
    earlier = _earlier_decisions(path, document, input_path)
    session = resume(proposals, earlier, path)
    if not proposals:
        click.echo(f"no proposals for {input_path}: nothing to decide", err=True)
        return
    if session.done:
        click.echo(f"every proposal is decided already in {path}")
    elif earlier:
        click.echo(f"resuming: {len(session.decisions)} of {len(proposals)} decided in {path}")
    total = len(proposals)
    while not session.done:
        proposal = session.current
        position = len(session.decisions) + 1
        at = segment_start(document, proposal.edit.start)
        click.echo(f"\n[{position}/{total}] " + format_proposal(document.text, proposal, color=color, at_seconds=at),
                   color=color)
        term = f"{proposal.edit.entity!r} ({len(session.same_entity())})"
        keys = "  ".join(f"{key} {spec.describe(term)}" for key, spec in KEYS.items())
        click.echo(click.style(keys, dim=True) if color else keys, color=color)
        action = _read_action()
        if action == "quit":
            break
        if action == "edit":
            try:
                replacement = click.prompt("replacement", default=proposal.edit.replacement)
            except click.Abort:  # Ctrl-C or Ctrl-D at the prompt: quit, as at a key
                break
            try:  # the replacement must fit the file (no line break in a cue, no blank cue line)
                document.render([replace(proposal.edit, replacement=replacement)])
            except ValueError as error:
                click.echo(f"not used: {error}")
                continue
            _tell(session.edit(replacement), "accepted")
        elif action == "undo":
            undone = session.undo()
            click.echo("undo: " + ", ".join(f"#{d.proposal.id}" for d in undone) if undone else "nothing to undo")
        elif action:
            _tell(getattr(session, action)(), "accepted" if action.startswith("accept") else "rejected")
        else:
            continue
        write_text_atomic(path, write_decisions(session.decisions))
    _summary(session, input_path, path)


def _read_action() -> str | None:
    """The action of the next key; None for a key that has none. Ctrl-C, Ctrl-D and the end of input quit."""
    try:
        key = click.getchar()
    except (KeyboardInterrupt, EOFError):
        return "quit"
    except OSError:
        raise UsageError("--interactive", "needs a terminal to read keys from") from None
    if not key:
        return "quit"
    spec = KEYS.get(key)
    if spec is None:
        click.echo(f"no action for {key!r}")
    return spec.action if spec else None


def _tell(decisions: Sequence[Decision], verdict: str) -> None:
    numbers = ", ".join(f"#{decision.proposal.id}" for decision in decisions)
    edited = [d for d in decisions if d.accepted and d.replacement != d.proposal.edit.replacement]
    click.echo(f"{verdict} {numbers}" + (f" as {edited[0].replacement!r}" if edited else ""))


def _summary(session: ReviewSession, input_path: str, path: str) -> None:
    accepted, rejected, left = session.counts()
    click.echo(f"{accepted} accepted, {rejected} rejected, {left} left; decisions in {path}", err=True)
    if left:
        click.echo("run the same command again to resume", err=True)
    click.echo(f"apply: correction apply {input_path} {path}", err=True)
