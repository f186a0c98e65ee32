"""``POST /v1/corrections`` answers what `correction correct` writes; jobs, results and bad input."""

import json

import pytest

from correction.formats import read_document

from .conftest import SRT, TALK

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nle PDG d'OpenEye\n\n00:00:03.500 --> 00:00:05.000\nparle à Salman Altman\n"
WHISPER = json.dumps({"text": " le PDG d'OpenEye parle.", "segments": [
    {"id": 0, "start": 0.0, "end": 2.0, "text": " le PDG d'OpenEye parle."}]})
TRANSCRIPTS = {"talk.txt": TALK, "talk.srt": SRT, "talk.vtt": VTT, "talk.json": WHISPER}


def cli_correct(run, tmp_path, name, text, *options):
    """What the CLI writes for ``name``: the output file and the edit log records."""
    source, output, log = tmp_path / name, tmp_path / f"out-{name}", tmp_path / f"{name}.edits.jsonl"
    source.write_text(text, encoding="utf-8")
    result = run("correct", source, "-o", output, "--edits", log, *options)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return output.read_text(encoding="utf-8"), records


def upload(service, name, text, **params):
    return service.client.post("/v1/corrections", files={"file": (name, text.encode("utf-8"))}, params=params,
                               headers=service.as_editor)


@pytest.mark.parametrize("name", sorted(TRANSCRIPTS))
def test_answer_is_what_the_cli_writes(service, run, tmp_path, name):
    text = TRANSCRIPTS[name]
    answer = upload(service, name, text)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    expected_text, expected_edits = cli_correct(run, tmp_path, name, text)
    assert body["text"] == expected_text and body["text"] != text
    assert body["edits"] == expected_edits
    assert [p["id"] for p in body["proposals"]] == list(range(1, len(expected_edits) + 1))
    assert body["format"] == name.rsplit(".", 1)[1]


def test_text_body_with_cli_options(service, run, tmp_path):
    options = {"passes": "exact,fuzzy", "min_score": 0.9, "lang": "fr"}
    body = service.correct(TALK, **options)
    expected_text, expected_edits = cli_correct(run, tmp_path, "talk.txt", TALK, "--passes", "exact,fuzzy",
                                                "--min-score", "0.9", "--lang", "fr")
    assert (body["text"], body["edits"]) == (expected_text, expected_edits)
    assert "passes=exact,fuzzy|min_score=0.9" in body["signature"]


def test_async_job_location_status_and_results(service):
    answer = upload(service, "talk.srt", SRT, **{"async": "true"})
    assert answer.status_code == 202
    location = answer.headers["Location"]
    assert location == answer.json()["location"] == f"/v1/jobs/{answer.json()['id']}"
    status = service.wait(answer.json()["id"])
    assert status["state"] == "done" and status["progress"] == 1.0 and status["edits"] == 2
    client = service.client
    srt = client.get(f"{location}/result", headers=service.as_editor)
    assert srt.headers["content-type"].startswith("application/x-subrip")
    assert srt.text == SRT.replace("OpenEye", "OpenAI").replace("Salman", "Sam")
    txt = client.get(f"{location}/result", params={"format": "txt"}, headers=service.as_editor)
    assert txt.text == "le PDG d'OpenAI\nparle à Sam\nAltman"
    # another timed format: the same cues, timings and corrected texts
    vtt = client.get(f"{location}/result", params={"format": "vtt"}, headers=service.as_editor)
    assert vtt.status_code == 200 and vtt.text.startswith("WEBVTT\n")
    as_srt, as_vtt = read_document(srt.text, "a.srt", "srt"), read_document(vtt.text, "a.vtt", "vtt")
    assert [(s.start_seconds, s.end_seconds, s.text) for s in as_vtt.segments] == [
        (s.start_seconds, s.end_seconds, s.text) for s in as_srt.segments]
    plain = upload(service, "talk.txt", TALK).json()["id"]
    refused = client.get(f"/v1/jobs/{plain}/result", params={"format": "json"}, headers=service.as_editor)
    assert refused.status_code == 422
    assert refused.json()["detail"] == "talk.txt: has no timings, so it cannot be written as json; only as txt"
    again = client.get(f"{location}/corrections", headers=service.as_editor).json()
    assert again["text"] == srt.text and len(again["edits"]) == 2


@pytest.mark.parametrize("name, fmt", [("talk.vtt", "vtt"), ("talk.json", "json"), ("talk.txt", "txt")])
def test_result_in_the_jobs_own_format(service, name, fmt):
    answer = upload(service, name, TRANSCRIPTS[name], **{"async": "true"})
    service.wait(answer.json()["id"])
    result = service.client.get(f"/v1/jobs/{answer.json()['id']}/result", params={"format": fmt},
                                headers=service.as_editor)
    assert result.status_code == 200 and "OpenAI" in result.text and "OpenEye" not in result.text


def test_long_transcript_answers_202(make_service):
    service = make_service(sync_max_words=5)
    answer = service.client.post("/v1/corrections", content=TALK.encode(), headers=service.as_editor)
    assert answer.status_code == 202
    assert service.wait(answer.json()["id"])["state"] == "done"


def test_result_of_an_unfinished_job_is_409(service):
    from correction.service.transcripts import job_options, read_transcript, store_jobs
    from correction.service.store import Store

    with Store(service.settings.database) as store:  # stored, never submitted: stays queued
        [job_id] = store_jobs(store, [("t.txt", read_transcript(b"x\n", "t.txt", None))],
                              job_options(store, [], "exact", 0.8, "auto"))
    answer = service.client.get(f"/v1/jobs/{job_id}/result", headers=service.as_editor)
    assert answer.status_code == 409
    assert answer.json()["detail"] == f"job {job_id} is queued; poll GET /v1/jobs/{job_id} until it is done"


BAD_SRT = "1\n00:00:01,000 -> 00:00:03,000\nle PDG\n"


@pytest.mark.parametrize("name, raw", [
    ("talk.srt", BAD_SRT.encode()),
    ("talk.json", b"{\"segments\": 3}"),
    ("talk.json", ("[" * 5000 + "]" * 5000).encode()),
    ("talk.txt", b"caf\xe9\n"),
    ("talk.txt", b"a\x00b"),
    ("talk.doc", b"hello"),
])
def test_bad_transcript_is_422_with_the_cli_line(service, run, tmp_path, monkeypatch, name, raw):
    answer = service.client.post("/v1/corrections", files={"file": (name, raw)}, headers=service.as_editor)
    assert answer.status_code == 422
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(raw)
    cli = run("correct", name)
    assert cli.exit_code == 2 and cli.stderr == f"error: {answer.json()['detail']}\n"


@pytest.mark.parametrize("params, detail", [
    ({"passes": "exact,nope"}, "--passes: unknown pass nope; choose from exact, fuzzy, phonetic, context"),
    ({"min_score": "2"}, "query min_score: Input should be less than or equal to 1"),
    ({"lang": "de"}, "query lang: String should match pattern '^(auto|fr|en)$'"),
    ({"format": "docx"}, "query format: String should match pattern '^(txt|srt|vtt|json)$'"),
])
def test_bad_options_are_422_in_one_line(service, params, detail):
    answer = service.client.post("/v1/corrections", content=b"OpenEye\n", params=params, headers=service.as_editor)
    assert answer.status_code == 422 and answer.json() == {"detail": detail}


def test_body_over_the_limit_is_413(make_service):
    service = make_service(max_body_bytes=1000)
    answer = service.client.post("/v1/corrections", content=b"x" * 1001, headers=service.as_editor)
    assert answer.status_code == 413 and answer.json() == {"detail": "request body over the limit of 1,000 bytes"}
    chunked = service.client.post("/v1/corrections", content=iter([b"x" * 600, b"x" * 600]),
                                  headers=service.as_editor)
    assert chunked.status_code == 413
    assert service.client.post("/v1/corrections", content=b"OpenEye\n", headers=service.as_editor).status_code == 200


def test_queue_limit_is_503_with_retry_after(make_service):
    service = make_service(max_queued_jobs=1)
    files = [("files", ("a.txt", b"OpenEye\n")), ("files", ("b.txt", b"Open AI\n"))]
    answer = service.client.post("/v1/batches", files=files, headers=service.as_editor)
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "10"
    assert answer.json() == {"detail": "the queue holds 1 job(s): 0 waiting, this request adds 2; try again later"}
