"""The served review page in Debian's Chromium: decide, reload (the decisions come back from the
server, also for a second editor), apply from the page, fetch the result it links to. Nothing but
the page's own origin is contacted."""

from __future__ import annotations

import threading
import time

import pytest

httpx = pytest.importorskip("httpx")
uvicorn = pytest.importorskip("uvicorn")

from correction.service.app import create_app  # noqa: E402
from correction.service.auth import create_token  # noqa: E402
from correction.service.settings import Settings  # noqa: E402

from .conftest import TALK, free_port  # noqa: E402


@pytest.fixture
def live(tmp_path):
    """The app served by uvicorn on 127.0.0.1 in a thread; its URL and an editor's headers."""
    settings = Settings(data_dir=tmp_path / "data", workers=0)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=free_port(),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(600):
        if server.started:
            break
        time.sleep(0.05)
    else:
        pytest.fail("uvicorn did not start")
    headers = {"Authorization": f"Bearer {create_token(settings.database, 'editor')[1]}"}
    yield f"http://127.0.0.1:{server.config.port}", headers
    server.should_exit = True
    thread.join(timeout=30)


def open_review(browser, url: str):
    context = browser.new_context()
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.goto(url)
    return context, page


def state(page, proposal_id: int) -> str:
    return page.locator(f"#proposal-{proposal_id} .state").inner_text()


def decide(page, proposal_id: int, button: str) -> None:
    page.locator(f"#proposal-{proposal_id}").get_by_role("button", name=button).click()
    page.wait_for_selector('body[data-saved="saved"]', timeout=10_000)


def test_review_in_the_browser_then_apply_and_fetch(browser, live):
    base, headers = live
    with httpx.Client(base_url=base, headers=headers, timeout=30) as api:
        job = api.post("/v1/corrections", content=TALK.encode(), params={"name": "talk.txt"}).json()
        first, second, third = job["proposals"][:3]
        context, page = open_review(browser, base + job["review_url"])
        decide(page, first["id"], "Accept")
        decide(page, second["id"], "Reject")
        field = page.locator(f"#proposal-{third['id']}").get_by_label(f"Replacement for proposal {third['id']}")
        field.fill("OpenAI Inc.")
        decide(page, third["id"], "Accept")

        page.reload()
        assert [state(page, p["id"]) for p in (first, second, third)] == ["accepted", "rejected", "accepted"]
        assert page.locator("#message").inner_text() == "Restored 3 decisions saved on the server."
        assert page.locator(f"#t-{third['id']} ins").inner_text() == "OpenAI Inc."
        # a second editor with the same link sees the same state
        other_context, other = open_review(browser, base + job["review_url"])
        assert state(other, second["id"]) == "rejected"

        saved = api.get(f"/v1/jobs/{job['id']}/decisions").json()["decisions"]
        assert [(d["id"], d["decision"], d["replacement"]) for d in saved] == [
            (first["id"], "accept", first["replacement"]), (second["id"], "reject", second["replacement"]),
            (third["id"], "accept", "OpenAI Inc.")]
        page.get_by_role("button", name="Apply accepted fixes").click()
        page.wait_for_selector("#result-link:not([hidden])", timeout=10_000)
        assert page.locator("#message").inner_text() == "Applied 2 accepted fixes (1 rejected)."
        result = page.request.get(page.locator("#result-link").evaluate("link => link.href")).text()
        expected = TALK
        for proposal, replacement in ((third, "OpenAI Inc."), (first, first["replacement"])):  # from the end
            expected = expected[:proposal["start"]] + replacement + expected[proposal["end"]:]
        assert result == expected and second["original"] in result

        for opened in (page, other):
            assert not opened.errors, opened.errors
            assert all(url.startswith(base + "/") for url in opened.requests), opened.requests
        context.close()
        other_context.close()
