"""``/v1/batches`` (files and zips, one job each) and ``/metrics``."""

import io
import zipfile

from correction.formats import EXTENSIONS

from .conftest import SRT, TALK


def zipped(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_batch_of_files_and_a_zip(service):
    files = [("files", ("one.txt", TALK.encode())),
             ("files", ("more.zip", zipped({"two.srt": SRT, "notes/readme.md": "not a transcript",
                                            "sub/three.txt": "Bonjour OpenEye.\n"})))]
    created = service.client.post("/v1/batches", files=files, params={"lang": "fr"}, headers=service.as_editor)
    assert created.status_code == 202, created.text
    batch = created.json()
    assert created.headers["Location"] == batch["location"] == f"/v1/batches/{batch['id']}"
    assert len(batch["jobs"]) == 3
    for job_id in batch["jobs"]:
        assert service.wait(job_id)["state"] == "done"
    status = service.client.get(batch["location"], headers=service.as_editor).json()
    assert status["total"] == 3 and status["progress"] == 1.0 and status["states"] == {"done": 3}
    assert [job["input_name"] for job in status["jobs"]] == ["one.txt", "more.zip/sub/three.txt", "more.zip/two.srt"]
    result = service.client.get(f"/v1/jobs/{batch['jobs'][2]}/result", headers=service.as_editor)
    assert "le PDG d'OpenAI" in result.text


def test_one_bad_file_refuses_the_batch(service):
    files = [("files", ("good.txt", TALK.encode())), ("files", ("bad.srt", b"1\nnot a timing\nhello\n"))]
    refused = service.client.post("/v1/batches", files=files, headers=service.as_editor)
    assert refused.status_code == 422 and refused.json()["detail"].startswith("bad.srt:2: ")
    assert service.client.get("/healthz").json()["waiting_jobs"] == 0
    not_zip = service.client.post("/v1/batches", files=[("files", ("x.zip", b"PK nope"))], headers=service.as_editor)
    assert not_zip.status_code == 422 and not_zip.json()["detail"] == "x.zip: not a zip file"
    empty = service.client.post("/v1/batches", files=[("files", ("e.zip", zipped({"a.md": "x"})))],
                                headers=service.as_editor)
    assert empty.json()["detail"] == f"e.zip: no transcript files ({', '.join(EXTENSIONS)}) in this zip"


def test_unknown_batch_is_404(service):
    answer = service.client.get("/v1/batches/nope", headers=service.as_editor)
    assert answer.status_code == 404 and answer.json() == {"detail": "no batch 'nope'"}


def test_metrics_count_requests_jobs_edits_and_index_builds(service):
    first = service.correct()
    service.correct()
    service.client.get("/v1/jobs/nope", headers=service.as_editor)
    text = service.client.get("/metrics", headers=service.as_editor).text
    lines = set(text.splitlines())
    assert 'correction_requests_total{method="POST",route="/v1/corrections",status="200"} 2' in lines
    assert 'correction_requests_total{method="GET",route="/v1/jobs/{job_id}",status="404"} 1' in lines
    assert 'correction_jobs{state="done"} 2' in lines and 'correction_jobs{state="failed"} 0' in lines
    assert f"correction_edits_total {2 * len(first['edits'])}" in lines
    assert 'correction_request_seconds_count{route="/v1/corrections"} 2' in lines
    assert any(line.startswith("correction_index_builds_total ") for line in lines)
    assert "# TYPE correction_request_seconds histogram" in lines
