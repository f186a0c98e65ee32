"""The page in a real headless Chromium: review, export, and nothing injected ever runs."""

from __future__ import annotations

from dataclasses import replace

from correction.review.decisions import Decision, read_decisions
from correction.review.html import render_report

from .conftest import TALK

HOSTILE_TEXT = (
    "Bonjour OpenEye.\n"
    "<script>window.__pwned=1</script>\n"
    '<img src=x onerror="window.__pwned=2">\n'
    "Au revoir Open AI.\n"
)


def card(page, proposal_id: int):
    return page.locator(f"#proposal-{proposal_id}")


def export(page) -> str:
    with page.expect_download() as download:
        page.click("#export")
    assert download.value.suggested_filename == "talk.txt.decisions.jsonl"
    return open(download.value.path(), encoding="utf-8").read()


def assert_offline(page):
    assert not page.errors, page.errors
    assert all(url.startswith(("file://", "blob:")) for url in page.requests), page.requests


def test_reject_one_accept_two_export(open_page, make_proposals):
    proposals = make_proposals(TALK, 3)
    first, second, third = proposals[:3]
    page = open_page(render_report(TALK, proposals, "talk.txt"))
    assert page.locator("#count").inner_text().endswith(f"{len(proposals)} undecided; {len(proposals)} shown.")

    card(page, first.id).get_by_role("button", name="Reject").click()
    card(page, second.id).get_by_role("button", name="Accept").click()
    # By keyboard: focus the field, type, tab on to the button and press it.
    field = card(page, third.id).get_by_label(f"Replacement for proposal {third.id}")
    field.fill("OpenAI Inc.")
    field.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")

    assert card(page, third.id).locator(".state").inner_text() == "accepted"
    assert page.locator(f"#t-{third.id} ins").inner_text() == "OpenAI Inc."
    assert "1 rejected" in page.locator("#count").inner_text()
    exported = export(page)

    decisions = read_decisions(exported, "talk.txt.decisions.jsonl")
    assert [(d.proposal.id, d.verdict, d.replacement) for d in decisions] == [
        (first.id, "reject", first.edit.replacement),
        (second.id, "accept", second.edit.replacement),
        (third.id, "accept", "OpenAI Inc."),
    ]
    assert [d.proposal for d in decisions] == [first, second, third]
    # Byte for byte what Decision.to_json writes: undecided proposals are left out.
    assert exported.splitlines() == [
        Decision(first, "reject", first.edit.replacement).to_json(),
        Decision(second, "accept", second.edit.replacement).to_json(),
        Decision(third, "accept", "OpenAI Inc.").to_json(),
    ]
    assert "undecided ones are left out" in page.locator("#export-note").inner_text()
    assert_offline(page)


def test_injected_markup_shows_as_text_and_never_runs(open_page, make_proposals):
    proposals = [
        replace(p, edit=replace(p.edit, entity='<img src=x onerror="window.__pwned=3">',
                                reason="</script><script>window.__pwned=4</script>",
                                replacement='<svg onload="window.__pwned=5">'))
        for p in make_proposals(HOSTILE_TEXT, 2)
    ]
    page = open_page(render_report(HOSTILE_TEXT, proposals, "<script>window.__pwned=6</script>"))
    # Typed into the page, markup stays text as well.
    card(page, proposals[0].id).locator("input.replacement").fill("<img src=x onerror=\"window.__pwned=7\">")
    card(page, proposals[0].id).get_by_role("button", name="Accept").click()

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    transcript = page.locator("#transcript").inner_text()
    assert "<script>window.__pwned=1</script>" in transcript
    assert '<img src=x onerror="window.__pwned=2">' in transcript
    assert '<img src=x onerror="window.__pwned=7">' in transcript
    assert page.locator("h1").inner_text() == "Review: <script>window.__pwned=6</script>"
    assert page.get_by_label("Entity").locator("option").nth(1).inner_text() == '<img src=x onerror="window.__pwned=3">'
    assert "</script><script>window.__pwned=4</script>" in card(page, proposals[1].id).inner_text()
    assert_offline(page)


def test_filters_and_bulk_decisions(open_page, make_proposals):
    proposals = make_proposals(TALK, 3)
    # Scores Python writes in every shape (exponent, ".0", long digits): the export must match.
    scores = [1e-05, 0.1, 0.123456789, 1.0, 2.5e-4, 0.95, 0.6]
    proposals = [replace(p, edit=replace(p.edit, score=scores[i % len(scores)])) for i, p in enumerate(proposals)]
    page = open_page(render_report(TALK, proposals, "talk.txt"))

    page.evaluate("s => { const r = document.getElementById('filter-score'); r.value = s;"
                  " r.dispatchEvent(new Event('input')); }", "0.1")
    shown = [p for p in proposals if p.edit.score >= 0.1]
    assert page.locator(".card:visible").count() == len(shown)
    page.click("#reject-shown")
    assert f"{len(shown)} rejected" in page.locator("#count").inner_text()

    # "Accept all" for an entity ignores the filters and overrides earlier verdicts.
    page.locator("tr[data-entity]", has_text="OpenAI").get_by_role("button", name="Accept all").click()
    openai = [p for p in proposals if p.edit.entity == "OpenAI"]
    assert f"Accepted {len(openai)} proposal" in page.locator("#message").inner_text()

    page.get_by_label("Status").select_option("undecided")
    undecided = [p for p in proposals if p.edit.entity != "OpenAI" and p.edit.score < 0.1]
    assert page.locator(".card:visible").count() == len(undecided)

    verdicts = {p.id: "accept" if p.edit.entity == "OpenAI" else "reject" for p in proposals if p not in undecided}
    exported = export(page)
    assert exported.splitlines() == [
        Decision(p, verdicts[p.id], p.edit.replacement).to_json() for p in proposals if p.id in verdicts
    ]


def test_decisions_survive_a_reload_and_reset(open_page, make_proposals):
    proposals = make_proposals(TALK, 2)
    page = open_page(render_report(TALK, proposals, "talk.txt"))
    card(page, proposals[1].id).get_by_role("button", name="Reject").click()
    assert card(page, proposals[1].id).locator(".state").inner_text() == "rejected"
    # Chromium hands localStorage writes to its storage process asynchronously: on a loaded machine
    # a reload at once can read the store before the write lands (seen once in CI). Give it a moment.
    page.wait_for_timeout(300)
    page.reload()
    assert card(page, proposals[1].id).locator(".state").inner_text() == "rejected"
    assert "Restored 1 decision" in page.locator("#message").inner_text()
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("#reset-all")
    assert card(page, proposals[1].id).locator(".state").inner_text() == "undecided"
    page.click("#export")
    assert "Nothing to export yet" in page.locator("#message").inner_text()


def test_readable_without_javascript(open_page, make_proposals):
    proposals = make_proposals(TALK, 2)
    page = open_page(render_report(TALK, proposals, "talk.txt"), javascript=False)
    assert page.locator("#controls").is_hidden()
    assert page.locator(".card-actions").first.is_hidden()
    assert page.locator(".proposal").count() == len(proposals)
    first = proposals[0].edit
    assert page.locator(f"#t-{proposals[0].id} del").inner_text() == first.original
    assert page.locator(f"#t-{proposals[0].id} ins").inner_text() == first.replacement
    assert "JavaScript is off" in page.locator("body").inner_text()
    # The transcript link leads to the proposal, without any script.
    page.click(f"#t-{proposals[0].id}")
    assert page.url.endswith(f"#proposal-{proposals[0].id}")

