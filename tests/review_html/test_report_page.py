"""The page as text: self-contained, data round-trips, every piece of data escaped."""

from __future__ import annotations

import base64
import html
import hashlib
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from correction.edits import Edit, text_sha256
from correction.errors import InputError
from correction.review.decisions import Proposal, proposals_for
from correction.review.html import _download_name, render_report

from .conftest import TALK

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "</script><script>alert(3)</script>",
    "<!-- & &amp; \u2028 \u2029 -->",
]


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>/<style> element."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.raw: list[tuple[str, dict, str]] = []
        self._open: tuple[str, dict] | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data):
        if self._open:
            self.raw.append((*self._open, data))
            self._open = None

    def handle_endtag(self, tag):
        self._open = None


def hostile_proposals(make_proposals, text):
    """Real proposals whose entity, reason and replacement carry markup too."""
    proposals = make_proposals(text)
    return [
        replace(p, edit=replace(p.edit, entity=HOSTILE[1], reason=HOSTILE[2], replacement=HOSTILE[3]))
        for p in proposals
    ]


def test_page_loads_nothing_from_anywhere(make_proposals):
    page = render_report(TALK, make_proposals(TALK, 3), "talk.txt")
    assert not re.search(r"https?:|//[a-z]", page, re.IGNORECASE), "no URL of any kind"
    parsed = Page(page)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "form"), tag
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        assert attrs.get("href", "#").startswith("#"), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    for tag, attrs, body in parsed.raw:
        assert "url(" not in body and "@import" not in body and "fetch(" not in body, tag


def test_data_round_trips(make_proposals):
    proposals = make_proposals(TALK, 3)
    data = embedded_data(render_report(TALK, proposals, "talk.txt"))
    rebuilt = [Proposal(p["id"], Edit(**p["edit"]), p["input_sha256"]) for p in data["proposals"]]
    assert rebuilt == proposals
    assert data["entities"] == sorted({p.edit.entity for p in proposals})
    assert data["passes"] == sorted({p.edit.pass_name for p in proposals})


def test_data_block_holds_no_raw_markup_characters(make_proposals):
    text = TALK + "".join(line + "\n" for line in HOSTILE)
    proposals = hostile_proposals(make_proposals, text)
    page = render_report(text, proposals, "talk.txt")
    block = Page(page).raw
    data_text = next(body for tag, attrs, body in block if attrs.get("type") == "application/json")
    assert not set(data_text) & set("<>&\u2028\u2029")
    data = json.loads(data_text)
    assert {p["edit"]["entity"] for p in data["proposals"]} == {HOSTILE[1]}
    assert {p["edit"]["replacement"] for p in data["proposals"]} == {HOSTILE[3]}


@pytest.mark.parametrize("markup", HOSTILE)
def test_markup_in_any_field_is_escaped(make_proposals, markup):
    text = TALK + markup + "\n"
    proposals = hostile_proposals(make_proposals, text)
    page = render_report(text, proposals, title=markup)
    parsed = Page(page)
    assert [tag for tag, _ in parsed.tags].count("script") == 2, "the data block and the page's own script"
    assert not any(tag == "img" for tag, _ in parsed.tags)
    assert html.escape(markup) in page
    # The static transcript, read as text, is the transcript itself with each change shown.
    assert markup in html_text(page)


def test_static_transcript_shows_each_change(make_proposals):
    proposals = make_proposals(TALK, 3)
    page = render_report(TALK, proposals, "talk.txt")
    for proposal in proposals:
        edit = proposal.edit
        assert (f'id="t-{proposal.id}" href="#proposal-{proposal.id}"') in page
        assert f"<del>{edit.original}</del>" in page and f'<ins class="after">{edit.replacement}</ins>' in page


def test_csp_hashes_match_the_inline_script_and_style(make_proposals):
    page = render_report(TALK, make_proposals(TALK), "talk.txt")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    for tag, attrs, body in Page(page).raw:
        if attrs.get("type") == "application/json":
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp, tag


def test_no_proposals_is_a_page_too():
    page = render_report("rien à corriger\n", [], "calm.txt")
    assert "No proposals: nothing to review." in page
    assert embedded_data(page)["proposals"] == []


def _edit(start, original, replacement="OpenAI"):
    return Edit(start, start + len(original), original, replacement, 1, start, "OpenAI", "phonetic", 0.9, "test")


@pytest.mark.parametrize(
    "proposals, message",
    [
        ([Proposal(1, _edit(0, "OpenEye"), text_sha256("other text"))], "was made for another version"),
        ([Proposal(1, _edit(11, "Open Ai"), text_sha256("OpenEye et Open AI"))], "expects 'Open Ai' at offset 11"),
        (proposals_for([_edit(0, "OpenEye"), _edit(4, "Eye et")], "OpenEye et Open AI"), "proposals 1 and 2 overlap"),
    ],
    ids=["checksum", "original", "overlap"],
)
def test_proposals_that_do_not_fit_the_text_are_refused(proposals, message):
    with pytest.raises(InputError, match=message):
        render_report("OpenEye et Open AI", proposals, "talk.txt")


@pytest.mark.parametrize(
    "title, name",
    [
        ("talk.txt", "talk.txt.decisions.jsonl"),
        ("/data/run 3/talk.srt", "talk.srt.decisions.jsonl"),
        ("<script>", "script.decisions.jsonl"),
        ("", "review.decisions.jsonl"),
        ("Réunion du 3 mai", "Réunion-du-3-mai.decisions.jsonl"),
    ],
)
def test_download_name(title, name):
    assert _download_name(title) == name


def embedded_data(page: str) -> dict:
    body = next(body for tag, attrs, body in Page(page).raw if attrs.get("id") == "review-data")
    return json.loads(body)


def html_text(page: str) -> str:
    """The text of the transcript element as a browser would show it (entities decoded)."""

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.depth = 0
            self.parts: list[str] = []

        def handle_starttag(self, tag, attrs):
            if self.depth or dict(attrs).get("id") == "transcript":
                self.depth += 1

        def handle_endtag(self, tag):
            if self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return "".join(parser.parts)
