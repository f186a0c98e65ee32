"""Shared fixtures: proposals from real corrections, and a headless Chromium when there is one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from correction import Corrector, Lexicon
from correction.review.decisions import Proposal, proposals_for

CHROMIUM = "/usr/bin/chromium"
# Quiet, offline, fast: no first-run work, no background fetches (the page must need none).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

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


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session, driven by Playwright."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium); browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
