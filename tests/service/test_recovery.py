"""Jobs a stopped service left behind: run again at the next start, or failed with the reason once
they were interrupted ``max_attempts`` times while running (never lost, never left "running")."""

from correction.service.settings import Settings
from correction.service.store import Store
from correction.service.transcripts import default_options, read_transcript, store_jobs


def leave_behind(settings: Settings, state: str, attempts: int) -> str:
    """A job as a killed service leaves it: stored, marked ``state``, started ``attempts`` times."""
    Store.create(settings.database)
    with Store(settings.database) as store:
        [job_id] = store_jobs(store, [("talk.txt", read_transcript(b"Le PDG d'OpenEye.\n", "talk.txt", None))],
                              default_options())
        for _ in range(attempts):
            store.start_job(job_id)
        if state == "queued":
            store.requeue_job(job_id)
    return job_id


def test_unfinished_jobs_are_run_again_or_failed(make_service, tmp_path):
    settings = Settings(data_dir=tmp_path / "data0", workers=0)  # the folder make_service uses first
    queued = leave_behind(settings, "queued", 0)
    running = leave_behind(settings, "running", 1)
    twice = leave_behind(settings, "running", 2)
    service = make_service()
    assert service.settings.database == settings.database
    assert service.wait(queued)["state"] == "done"
    assert service.wait(running)["state"] == "done"
    result = service.client.get(f"/v1/jobs/{running}/result", headers=service.as_editor)
    assert result.text == "Le PDG d'OpenAI.\n"
    failed = service.wait(twice)
    assert failed["state"] == "failed"
    assert failed["error"] == "the service stopped 2 times while this job ran; not run again (post it again to retry)"
