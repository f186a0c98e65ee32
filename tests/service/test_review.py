"""Decisions saved on the server, apply (checksum checked as `correction apply` does), learn."""

import json

import pytest

from .conftest import SRT, TALK


@pytest.fixture
def job(service):
    body = service.correct(TALK)
    assert len(body["proposals"]) >= 3, body["proposals"]
    return body


def put(service, job_id, decisions, headers=None):
    return service.client.put(f"/v1/jobs/{job_id}/decisions", json={"decisions": decisions},
                              headers=headers or service.as_editor)


def test_decisions_round_trip_as_the_cli_file(service, job):
    first, second, third = job["proposals"][:3]
    saved = put(service, job["id"], [{"id": first["id"], "decision": "reject"},
                                     {"id": second["id"], "decision": "accept", "replacement": "Sam Altman"},
                                     {"id": third["id"], "decision": "accept"}])
    assert saved.status_code == 200, saved.text
    records = service.client.get(f"/v1/jobs/{job['id']}/decisions", headers=service.as_editor).json()["decisions"]
    assert records == saved.json()["decisions"]
    assert [(r["id"], r["decision"], r["replacement"], r["proposed"]) for r in records] == [
        (first["id"], "reject", first["replacement"], first["replacement"]),
        (second["id"], "accept", "Sam Altman", second["replacement"]),
        (third["id"], "accept", third["replacement"], third["replacement"]),
    ]
    # a later PUT replaces them all
    put(service, job["id"], [{"id": first["id"], "decision": "accept"}]).raise_for_status()
    again = service.client.get(f"/v1/jobs/{job['id']}/decisions", headers=service.as_editor).json()["decisions"]
    assert [(r["id"], r["decision"]) for r in again] == [(first["id"], "accept")]


def test_apply_saved_decisions_and_fetch(service, job, run, tmp_path):
    first, second = job["proposals"][:2]
    put(service, job["id"], [{"id": first["id"], "decision": "accept"},
                             {"id": second["id"], "decision": "reject"}]).raise_for_status()
    applied = service.client.post(f"/v1/jobs/{job['id']}/apply", headers=service.as_editor)
    assert applied.status_code == 200
    assert applied.json() == {"job": job["id"], "applied": 1, "rejected": 1, "result_url": f"/v1/jobs/{job['id']}/result"}
    result = service.client.get(f"/v1/jobs/{job['id']}/result", headers=service.as_editor)
    assert result.headers["X-Correction-Reviewed"] == "yes"
    # the CLI applies the same decisions file to the same input and writes the same text
    decisions = "".join(
        json.dumps(record, ensure_ascii=False) + "\n"
        for record in service.client.get(f"/v1/jobs/{job['id']}/decisions", headers=service.as_editor).json()["decisions"])
    (tmp_path / "talk.txt").write_text(TALK, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(decisions, encoding="utf-8")
    cli = run("apply", tmp_path / "talk.txt", tmp_path / "d.jsonl")
    assert cli.exit_code == 0 and cli.stdout == result.text
    assert first["replacement"] in result.text and second["original"] in result.text


def test_apply_a_decisions_file_for_another_input_is_refused(service, job):
    other = service.correct(TALK + "Encore OpenEye.\n")
    put(service, other["id"], [{"id": 1, "decision": "accept"}]).raise_for_status()
    exported = service.client.get(f"/v1/jobs/{other['id']}/decisions", headers=service.as_editor).json()["decisions"]
    body = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in exported)
    refused = service.client.post(f"/v1/jobs/{job['id']}/apply", content=body.encode(),
                                  headers={**service.as_editor, "Content-Type": "application/x-ndjson"})
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith("decisions: decisions were made for another version of the input")
    assert refused.json()["detail"].endswith("; nothing written")
    broken = service.client.post(f"/v1/jobs/{job['id']}/apply", content=b"{not json\n", headers=service.as_editor)
    assert broken.status_code == 422 and broken.json()["detail"].startswith("decisions:1: bad decision record")
    listed = service.client.post(f"/v1/jobs/{job['id']}/apply", content=b"[1, 2]\n", headers=service.as_editor)
    assert listed.status_code == 422
    assert listed.json()["detail"] == "decisions:1: bad decision record: expected a JSON object, found a list"


@pytest.mark.parametrize("decisions, detail", [
    ([{"id": 99, "decision": "accept"}], "decision on proposal 99: job {job} has {count} proposal(s)"),
    ([{"id": 1, "decision": "maybe"}], "body decisions 0 decision: Input should be 'accept' or 'reject'"),
])
def test_bad_decisions_are_422(service, job, decisions, detail):
    answer = put(service, job["id"], decisions)
    assert answer.status_code == 422
    assert answer.json()["detail"] == detail.format(job=job["id"], count=len(job["proposals"]))


@pytest.mark.parametrize("body, detail", [
    (b"{bad", "body: invalid JSON: Expecting property name enclosed in double quotes (character 1)"),
    (b'{"decisions": ' + b"[" * 5000 + b"]" * 5000 + b"}",
     "body: invalid JSON: nested too deeply (more levels than the parser can hold)"),
])
def test_unreadable_json_bodies_are_422_in_one_line(service, job, body, detail):
    answer = service.client.put(f"/v1/jobs/{job['id']}/decisions", content=body,
                                headers={**service.as_editor, "Content-Type": "application/json"})
    assert answer.status_code == 422 and answer.json() == {"detail": detail}


def test_a_replacement_that_breaks_a_cue_is_refused(service):
    answer = service.client.post("/v1/corrections", files={"file": ("talk.srt", SRT.encode())},
                                 headers=service.as_editor).json()
    refused = put(service, answer["id"], [{"id": 1, "decision": "accept", "replacement": "Open\n\nAI"}])
    assert refused.status_code == 422 and refused.json()["detail"].startswith("talk.srt: ")
    assert refused.json()["detail"].endswith("; decisions not saved")


def test_learn_makes_a_new_lexicon_version(service, job):
    service.client.post("/v1/lexicons", files={"file": ("episode.csv", b"term\nOpenAI\nSam Altman\n")},
                        headers=service.as_editor).raise_for_status()
    body = service.correct("Le PDG d'OpenEye, Salman Altman.\n", lexicon="episode")
    by_original = {p["original"]: p for p in body["proposals"]}
    put(service, body["id"], [{"id": by_original["OpenEye"]["id"], "decision": "accept"},
                              {"id": by_original["Salman"]["id"], "decision": "reject"}]).raise_for_status()
    learned = service.client.post("/v1/lexicons/episode/learn", json={"job": body["id"]}, headers=service.as_editor)
    assert learned.status_code == 200
    assert learned.json()["version"] == 2
    assert learned.json()["summary"] == "1 alias added, 2 negatives added, 0 new rows from 2 decision(s)"
    rows = {e["term"]: e for e in service.client.get("/v1/lexicons/episode", headers=service.as_editor).json()["entries"]}
    assert rows["OpenAI"]["aliases"] == ["OpenEye"] and "Salman" in rows["Sam Altman"]["negatives"]
    # the next job finds it in the exact pass, and leaves "Salman" alone
    again = service.correct("Le PDG d'OpenEye, Salman Altman.\n", lexicon="episode")
    assert [(e["original"], e["pass_name"]) for e in again["edits"]] == [("OpenEye", "exact")]
    nothing = service.client.post("/v1/lexicons/episode/learn", json={"job": job["id"]}, headers=service.as_editor)
    assert nothing.json()["version"] is None


def test_review_page_is_the_cli_page_with_a_server_link(service, job):
    page = service.client.get(job["review_url"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["Referrer-Policy"] == "no-referrer" and page.headers["Cache-Control"] == "no-store"
    html = page.text
    assert "connect-src 'self'" in html and "default-src 'none'" in html
    assert f'"decisions_url":"/v1/jobs/{job["id"]}/decisions"' in html.replace(" ", "")
    for proposal in job["proposals"]:
        assert f'id="proposal-{proposal["id"]}"' in html


def test_review_page_escapes_the_transcript(service):
    body = service.correct("<script>alert(1)</script> OpenEye & <b>\n")
    html = service.client.get(body["review_url"]).text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
