"""One self-contained HTML page for reviewing proposals in a browser, offline.

The page is readable without JavaScript: the transcript, with every proposal marked
``before -> after``, and the list of proposals are rendered here, escaped with
:func:`html.escape`. The script (``assets/report.js``) then shows the controls that were
rendered hidden: filters, accept / reject per proposal and per entity, a running count and
"Export decisions", which downloads the decisions as JSON Lines in the format of
:meth:`correction.review.decisions.Decision.to_json` (byte for byte), so
:func:`~correction.review.decisions.read_decisions` reads it back.

Served by ``correction serve`` (``GET /review/{job}``), the same page is given a
:class:`ServerLink`: the script then restores the decisions saved on the server instead of
this browser's storage, and saves every change there (``PUT`` of all decisions, with the job's
review key); the policy then also allows connections to the page's own origin, and nothing else.

The script never parses data as HTML: it reads the proposals from a
``<script type="application/json">`` block and only writes text (``textContent``) and
attributes. A Content-Security-Policy allows nothing but the page's own inline script and
style (by hash), so the page loads nothing from the network and runs no injected script.

>>> from correction.edits import Edit
>>> from correction.review.decisions import proposals_for
>>> text = "le PDG d'OpenEye <b>"
>>> edit = Edit(9, 16, "OpenEye", "OpenAI", 1, 9, "OpenAI", "phonetic", 0.92, "sounds like OpenAI")
>>> page = render_report(text, proposals_for([edit], text), "talk.txt")
>>> "<del>OpenEye</del>" in page, "&lt;b&gt;" in page, "<b>" in page
(True, True, False)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Sequence

from ..edits import text_sha256
from ..errors import InputError
from .decisions import Decision, Proposal

# Characters that must not appear raw inside <script>: `<` and `>` could close the element
# (`</script>`) or open a comment, `&` keeps the block free of anything entity-like, and
# U+2028/U+2029 are line terminators in older JavaScript parsers.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class ServerLink:
    """Where a served page saves its decisions: ``PUT decisions_url`` with ``key`` in the
    ``X-Review-Key`` header; ``decisions`` are those saved there so far, shown when the page opens.
    With ``apply_url``, the page also has a button that applies the accepted fixes there (``POST``)
    and then links to ``result_url``."""

    decisions_url: str
    key: str
    decisions: tuple[Decision, ...] = ()
    apply_url: str | None = None
    result_url: str | None = None


def render_report(text: str, proposals: Sequence[Proposal], title: str, input_sha256: str | None = None,
                  server: ServerLink | None = None) -> str:
    """The review page for ``proposals`` made on ``text``, as one HTML document.

    ``input_sha256`` is the checksum the proposals must carry: that of the file they were made
    for (a subtitle file's, not its cue text's); by default, that of ``text`` (plain text).
    Raises InputError when the proposals were made for another version of ``text`` or do
    not match it (overlapping spans, or an ``original`` that is not the text at its span).
    With ``server``, decisions are kept on the server rather than in the browser (see above).
    """
    ordered = _checked(text, proposals, input_sha256 or text_sha256(text))
    entities = sorted({p.edit.entity for p in ordered})
    passes = sorted({p.edit.pass_name for p in ordered})
    data = {
        "title": title,
        "download_name": _download_name(title),
        "entities": entities,
        "passes": passes,
        "proposals": [
            # score as a float, as Edit declares it: the script writes it the way Python would.
            {"id": p.id, "input_sha256": p.input_sha256, "edit": dict(asdict(p.edit), score=float(p.edit.score))}
            for p in ordered
        ],
    }
    data["storage_key"] = "correction-review:" + hashlib.sha256(
        json.dumps(data["proposals"], sort_keys=True).encode("utf-8")
    ).hexdigest()[:24]
    if server is not None:
        data["server"] = {
            "decisions_url": server.decisions_url,
            "key": server.key,
            "decisions": [[d.proposal.id, d.verdict, d.replacement] for d in server.decisions],
            "apply_url": server.apply_url,
            "result_url": server.result_url,
        }
    css = _asset("report.css")
    scripts = ([_asset("report-server.js")] if server is not None else []) + [_asset("report.js")]
    csp = _policy(scripts, css, connect="'self'" if server is not None else "'none'")
    decided_note = (
        "Only the proposals you accept or reject are exported; undecided ones are left out. "
        "Accept or reject again to go back to undecided."
    )
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
            f"<title>Review: {_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
            '<a class="skip" href="#proposals">Skip to proposals</a>\n',
            '<header class="page-header">\n',
            f"<h1>Review: {_e(title)}</h1>\n",
            f'<p class="summary">{_summary(ordered, entities)}</p>\n',
            f'<p class="note" id="export-note">{decided_note}</p>\n',
            "<noscript><p class=\"note\">JavaScript is off: this page is read-only.</p></noscript>\n",
            "</header>\n",
            _toolbar_html(entities, passes, len(ordered)),
            '<main class="panes">\n',
            '<section class="pane" aria-labelledby="transcript-heading">\n',
            '<h2 id="transcript-heading">Transcript</h2>\n',
            f'<div class="transcript" id="transcript">{_transcript_html(text, ordered)}</div>\n',
            "</section>\n",
            '<section class="pane" id="proposals" aria-labelledby="proposals-heading" tabindex="-1">\n',
            _entities_html(ordered, entities),
            f'<h2 id="proposals-heading">Proposals ({len(ordered)})</h2>\n',
            _cards_html(ordered, entities) if ordered else '<p class="empty">No proposals: nothing to review.</p>\n',
            "</section>\n</main>\n",
            f'<script type="application/json" id="review-data">{_script_json(data)}</script>\n',
            *(f"<script>{js}</script>\n" for js in scripts),
            "</body>\n</html>\n",
        ]
    )


def _policy(scripts: Sequence[str], css: str, connect: str = "'none'") -> str:
    """The Content-Security-Policy of the page: its own scripts and style (by hash), connections
    to ``connect`` only (the server of a served page), nothing else."""
    hashes = " ".join(f"'{_csp_hash(js)}'" for js in scripts)
    return (
        f"default-src 'none'; script-src {hashes}; style-src '{_csp_hash(css)}'; "
        f"img-src 'none'; connect-src {connect}; base-uri 'none'; form-action 'none'"
    )


def _checked(text: str, proposals: Sequence[Proposal], checksum: str) -> list[Proposal]:
    ordered = sorted(proposals, key=lambda p: p.edit.start)
    previous = None
    for proposal in ordered:
        edit = proposal.edit
        if proposal.input_sha256 != checksum:
            raise InputError(
                None,
                f"proposal {proposal.id} was made for another version of the transcript (checksum "
                f"{proposal.input_sha256[:12]}, transcript has {checksum[:12]})",
            )
        if text[edit.start : edit.end] != edit.original:
            raise InputError(None, f"proposal {proposal.id} expects {edit.original!r} at offset {edit.start}, "
                                   f"the transcript has {text[edit.start:edit.end]!r}")
        if previous is not None and edit.start < previous.edit.end:
            raise InputError(None, f"proposals {previous.id} and {proposal.id} overlap")
        previous = proposal
    return ordered


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _script_json(data: object) -> str:
    """JSON that is safe inside a <script> element: see _SCRIPT_ESCAPES."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda match: _SCRIPT_ESCAPES[match.group()], text)


def _asset(name: str) -> str:
    return resources.files("correction.review").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def _download_name(title: str) -> str:
    """``talk.txt`` -> ``talk.txt.decisions.jsonl``: a file name without paths or odd characters."""
    stem = re.sub(r"[^\w.-]+", "-", title.rsplit("/", 1)[-1]).strip("-.")
    return f"{stem or 'review'}.decisions.jsonl"


def _summary(ordered: Sequence[Proposal], entities: Sequence[str]) -> str:
    count = len(ordered)
    checksum = ordered[0].input_sha256[:12] if ordered else ""
    words = f"{count} proposal{'s' if count != 1 else ''} for {len(entities)} term{'s' if len(entities) != 1 else ''}"
    return _e(words + (f" · transcript sha256 {checksum}…" if checksum else ""))


def _change_html(original: str, replacement: str) -> str:
    # The arrow is decoration; screen readers hear "changed to" instead.
    return (
        f"<del>{_e(original)}</del>"
        '<span class="arrow" aria-hidden="true"> → </span><span class="sr-only"> changed to </span>'
        f'<ins class="after">{_e(replacement)}</ins>'
    )


def _transcript_html(text: str, ordered: Sequence[Proposal]) -> str:
    pieces = []
    cursor = 0
    for proposal in ordered:
        edit = proposal.edit
        pieces.append(_e(text[cursor : edit.start]))
        pieces.append(
            f'<a class="proposal" id="t-{proposal.id}" href="#proposal-{proposal.id}" data-id="{proposal.id}">'
            f"{_change_html(edit.original, edit.replacement)}</a>"
        )
        cursor = edit.end
    pieces.append(_e(text[cursor:]))
    return "".join(pieces)


def _options_html(values: Sequence[str], all_label: str) -> str:
    # Option values are indexes into the page data, so no entity text is ever used as a key.
    options = [f'<option value="">{_e(all_label)}</option>']
    options += [f'<option value="{index}">{_e(value)}</option>' for index, value in enumerate(values)]
    return "".join(options)


def _toolbar_html(entities: Sequence[str], passes: Sequence[str], count: int) -> str:
    disabled = "" if count else " disabled"
    return (
        '<div class="toolbar" id="controls" role="region" aria-label="Review controls" hidden>\n'
        '<fieldset class="filters"><legend>Filters</legend>\n'
        f'<label>Entity <select id="filter-entity">{_options_html(entities, "All entities")}</select></label>\n'
        f'<label>Pass <select id="filter-pass">{_options_html(passes, "All passes")}</select></label>\n'
        '<label>Minimum score <input type="range" id="filter-score" min="0" max="1" step="0.01" value="0">'
        '</label> <output id="filter-score-value" for="filter-score">0.00</output>\n'
        '<label>Status <select id="filter-status"><option value="all">All</option>'
        '<option value="undecided">Undecided</option><option value="accept">Accepted</option>'
        '<option value="reject">Rejected</option></select></label>\n'
        "</fieldset>\n"
        '<div class="actions-bar">\n'
        f'<button type="button" id="accept-shown"{disabled}>Accept all shown</button>\n'
        f'<button type="button" id="reject-shown"{disabled}>Reject all shown</button>\n'
        f'<button type="button" id="reset-all"{disabled}>Reset all to undecided</button>\n'
        '<button type="button" id="export" class="primary" aria-describedby="export-note">Export decisions</button>\n'
        '<p class="count" id="count" role="status" aria-live="polite"></p>\n'
        "</div>\n"
        '<p class="message" id="message" role="status" aria-live="polite"></p>\n'
        "</div>\n"
    )


def _entities_html(ordered: Sequence[Proposal], entities: Sequence[str]) -> str:
    if not entities:
        return ""
    rows = []
    for index, entity in enumerate(entities):
        count = sum(1 for p in ordered if p.edit.entity == entity)
        name = _e(entity)
        rows.append(
            f'<tr data-entity="{index}"><th scope="row">{name}</th><td>{count}</td>'
            f'<td class="entity-tally">—</td>'
            f'<td class="js-only" hidden>'
            f'<button type="button" data-bulk="accept" aria-label="Accept all {count} proposals for {name}">'
            f"Accept all</button> "
            f'<button type="button" data-bulk="reject" aria-label="Reject all {count} proposals for {name}">'
            f"Reject all</button></td></tr>\n"
        )
    return (
        '<h2 id="entities-heading">Entities</h2>\n'
        '<table class="entities" aria-labelledby="entities-heading">\n'
        '<thead><tr><th scope="col">Entity</th><th scope="col">Proposals</th><th scope="col">Decided</th>'
        '<th scope="col" class="js-only" hidden>Decide all</th></tr></thead>\n'
        f"<tbody>{''.join(rows)}</tbody>\n</table>\n"
    )


def _cards_html(ordered: Sequence[Proposal], entities: Sequence[str]) -> str:
    entity_index = {entity: index for index, entity in enumerate(entities)}
    cards = []
    for proposal in ordered:
        edit, number = proposal.edit, proposal.id
        cards.append(
            f'<li class="card" id="proposal-{number}" data-id="{number}" '
            f'data-entity="{entity_index[edit.entity]}" tabindex="-1">\n'
            f'<p class="card-head"><a href="#t-{number}" aria-label="Proposal {number}, show in transcript">'
            f"#{number}</a> line {edit.line} · <span class=\"entity\">{_e(edit.entity)}</span> · "
            f"{_e(edit.pass_name)} · score {edit.score:.2f} "
            f'<span class="state" id="state-{number}">undecided</span></p>\n'
            f'<p class="change">{_change_html(edit.original, edit.replacement)}</p>\n'
            f'<p class="reason">{_e(edit.reason)}</p>\n'
            '<div class="card-actions js-only" hidden>'
            f'<button type="button" data-verdict="accept" aria-pressed="false" '
            f'aria-describedby="state-{number}">Accept</button> '
            f'<button type="button" data-verdict="reject" aria-pressed="false" '
            f'aria-describedby="state-{number}">Reject</button> '
            f'<label>Replacement<span class="sr-only"> for proposal {number}</span> '
            f'<input type="text" class="replacement" value="{_e(edit.replacement)}" '
            'spellcheck="false" autocomplete="off"></label>'
            "</div>\n</li>\n"
        )
    return f'<ol class="cards">\n{"".join(cards)}</ol>\n'
