"""Shared fixtures: proposals from real corrections, and pages opened in the headless Chromium
(the ``browser`` fixture of tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from correction import Corrector, Lexicon
from correction.review.decisions import Proposal, proposals_for

TALK = (
    "Hier soir, Sam Altman a présenté OpenEye.\n"
    "Le PDG d'Open AI répond aux questions.\n"
    "Tout le monde parle d'OpenEye et d'Open AI.\n"
)


@pytest.fixture(scope="session")
def corrector() -> Corrector:
    return Corrector(Lexicon.from_terms(["OpenAI", "Sam Altman"]))


@pytest.fixture(scope="session")
def make_proposals(corrector):
    """Proposals for ``text`` from a real run of the engine (at least ``minimum`` of them)."""

    def make(text: str, minimum: int = 1) -> list[Proposal]:
        proposals = proposals_for(corrector.correct(text).edits, text)
        if len(proposals) < minimum:
            pytest.fail(f"expected at least {minimum} proposals for {text!r}, the engine made {len(proposals)}")
        return proposals

    return make


@pytest.fixture
def open_page(browser, tmp_path: Path):
    """Write a page under tmp_path and open it in a fresh context (its own localStorage).

    Every request the page makes is recorded in ``page.requests``, and script errors fail the test.
    """
    contexts = []

    def open_(page_html: str, *, javascript: bool = True, name: str = "report.html"):
        path = tmp_path / name
        path.write_text(page_html, encoding="utf-8")
        context = browser.new_context(java_script_enabled=javascript, accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.errors = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(path.as_uri())
        page.path = path
        return page

    yield open_
    for context in contexts:
        context.close()
