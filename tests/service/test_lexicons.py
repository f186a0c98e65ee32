"""``/v1/lexicons``: upload versions, read them back with `lexicon check`'s warnings, delete."""

import pytest

TABLE = ("term,aliases,kind\n"
         "OpenAI,Open AI|OpenEye,org\n"
         "Sam Altman,,person\n"
         "Open Eye Labs,OpenEye,org\n")


def upload(service, filename, content, name=None, headers=None):
    data = {"name": name} if name else {}
    return service.client.post("/v1/lexicons", files={"file": (filename, content.encode("utf-8"))}, data=data,
                               headers=headers or service.as_editor)


def test_default_lexicon_is_there_and_read_only(service):
    listed = service.client.get("/v1/lexicons", headers=service.as_editor).json()
    assert listed[0]["name"] == "default" and listed[0]["read_only"] and listed[0]["latest"]["entries"] == 432
    detail = service.client.get("/v1/lexicons/default", headers=service.as_editor).json()
    assert len(detail["entries"]) == 432 and detail["versions"][0]["filename"] == "default.csv"
    refused = service.client.delete("/v1/lexicons/default", headers=service.as_admin)
    assert refused.status_code == 403
    assert refused.json()["detail"] == ("the default lexicon is read-only; upload or learn into a lexicon of "
                                        "your own")
    assert upload(service, "default.txt", "OpenAI\n").status_code == 403


def test_upload_versions_show_and_delete(service, run, tmp_path, monkeypatch):
    first = upload(service, "episode.csv", TABLE)
    assert first.status_code == 201 and first.headers["Location"] == "/v1/lexicons/episode"
    assert first.json()["version"] == 1 and [e["term"] for e in first.json()["entries"]] == [
        "OpenAI", "Sam Altman", "Open Eye Labs"]
    # the warnings are `correction lexicon check`'s report, line for line
    monkeypatch.chdir(tmp_path)
    (tmp_path / "episode.csv").write_text(TABLE, encoding="utf-8")
    checked = run("lexicon", "check", "episode.csv")
    assert checked.exit_code == 1
    problems = [line for line in checked.stdout.splitlines() if line.startswith("episode.csv:")]
    assert problems and first.json()["warnings"] == problems

    second = upload(service, "people.txt", "OpenAI\n", name="episode")
    assert second.json()["version"] == 2 and [v["version"] for v in second.json()["versions"]] == [1, 2]
    client = service.client
    assert client.get("/v1/lexicons/episode", headers=service.as_editor).json()["version"] == 2
    old = client.get("/v1/lexicons/episode", params={"version": 1}, headers=service.as_editor).json()
    assert len(old["entries"]) == 3
    assert [item["name"] for item in client.get("/v1/lexicons", headers=service.as_editor).json()] == [
        "default", "episode"]

    assert client.delete("/v1/lexicons/episode", headers=service.as_admin).status_code == 204
    assert client.get("/v1/lexicons/episode", headers=service.as_editor).status_code == 404
    # a version number is never reused: workers cache indexes by it
    assert upload(service, "episode.txt", "Mistral\n").json()["version"] == 3


@pytest.mark.parametrize("filename, content, detail", [
    ("episode.csv", "term,aliases\nOpenAI,\n,Open AI\n", "episode.csv:3: row without a term"),
    ("episode.csv", "name,aliases\nOpenAI,\n", "episode.csv:1: no 'term' column in the header row"),
    ("episode.csv", "term,aliases\n", "episode.csv: no term: a lexicon needs at least one"),
    ("episode.txt", "OpenAI\n???\n", "episode.txt:2: term '???' has no letter or digit"),
    ("episode.json", "[]", "episode.json: unknown lexicon format '.json'; use .txt, .csv or .tsv"),
    ("episode.txt", "Open\udcffAI", None),
])
def test_bad_lexicon_is_422_with_the_cli_line(service, run, tmp_path, monkeypatch, filename, content, detail):
    raw = content.encode("utf-8", errors="surrogateescape")
    response = service.client.post("/v1/lexicons", files={"file": (filename, raw)}, headers=service.as_editor)
    assert response.status_code == 422
    monkeypatch.chdir(tmp_path)
    (tmp_path / filename).write_bytes(raw)
    cli = run("correct", "-", "--lexicon", filename, input="OpenEye\n")
    assert cli.exit_code == 2 and cli.stderr == f"error: {response.json()['detail']}\n"
    if detail:
        assert response.json()["detail"] == detail


def test_a_job_uses_the_lexicon_version_it_was_made_with(service):
    upload(service, "episode.txt", "Mistral\n")
    corrected = service.correct("Le PDG d'OpenEye.\n", lexicon="episode")
    assert corrected["text"] == "Le PDG d'OpenEye.\n"  # not in this lexicon
    upload(service, "episode.txt", "OpenAI\n")
    assert service.correct("Le PDG d'OpenEye.\n", lexicon="episode")["text"] == "Le PDG d'OpenAI.\n"
    status = service.client.get(f"/v1/jobs/{corrected['id']}", headers=service.as_editor).json()
    assert status["lexicons"] == ["episode@v1"]


def test_unknown_lexicon_name_is_422(service):
    response = service.client.post("/v1/corrections", content=b"OpenEye\n", params={"lexicon": "nope"},
                                   headers=service.as_editor)
    assert response.status_code == 422
    assert response.json()["detail"] == "lexicon: no lexicon named 'nope' (GET /v1/lexicons lists them)"
