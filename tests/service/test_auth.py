"""Who may do what: tokens (401 without, 403 for an editor's admin actions) and review keys."""

import pytest

from correction.service.auth import token_hash
from correction.service.store import Store

LEXICON = ("episode.txt", b"OpenAI\nSam Altman\n")


@pytest.mark.parametrize("method, path", [
    ("get", "/v1/lexicons"), ("post", "/v1/corrections"), ("get", "/v1/jobs/nope"), ("get", "/metrics"),
    ("post", "/v1/batches"), ("get", "/v1/tokens"), ("get", "/review/nope"),
])
def test_no_token_is_401_with_how_to_get_one(service, method, path):
    response = getattr(service.client, method)(path)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json() == {"detail": "missing token: send 'Authorization: Bearer TOKEN' (make one with "
                                          "`correction serve token create --role editor`)"}


def test_unknown_token_is_401(service):
    response = service.client.get("/v1/lexicons", headers={"Authorization": "Bearer corr_madeup"})
    assert response.status_code == 401 and response.json()["detail"] == "unknown or revoked token"


def test_healthz_needs_no_token(service):
    response = service.client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_editor_cannot_manage_tokens_or_delete_lexicons(service):
    client = service.client
    client.post("/v1/lexicons", files={"file": LEXICON}, headers=service.as_editor).raise_for_status()
    forbidden = "this needs an admin token: editors cannot manage tokens or delete lexicons"
    for response in (client.delete("/v1/lexicons/episode", headers=service.as_editor),
                     client.get("/v1/tokens", headers=service.as_editor),
                     client.post("/v1/tokens", json={"role": "admin"}, headers=service.as_editor)):
        assert response.status_code == 403 and response.json()["detail"] == forbidden
    assert client.delete("/v1/lexicons/episode", headers=service.as_admin).status_code == 204


def test_admin_makes_and_revokes_tokens_and_only_hashes_are_stored(service):
    client = service.client
    made = client.post("/v1/tokens", json={"role": "editor"}, headers=service.as_admin)
    assert made.status_code == 201
    token = made.json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/v1/lexicons", headers=headers).status_code == 200
    with Store(service.settings.database) as store:
        hashes = [row[0] for row in store.connection.execute("SELECT hash FROM tokens")]
    assert token_hash(token) in hashes and token not in hashes
    assert client.delete(f"/v1/tokens/{made.json()['id']}", headers=service.as_admin).status_code == 204
    assert client.get("/v1/lexicons", headers=headers).status_code == 401


def test_review_key_opens_its_job_and_nothing_else(service):
    first, second = service.correct(), service.correct()
    client = service.client
    key = first["review_url"].split("key=")[1]
    assert client.get(first["review_url"]).status_code == 200
    assert client.get(f"/v1/jobs/{first['id']}", headers={"X-Review-Key": key}).json()["state"] == "done"
    assert client.get(f"/v1/jobs/{first['id']}/decisions", params={"key": key}).status_code == 200
    other = client.get(f"/v1/jobs/{second['id']}", params={"key": key})
    assert other.status_code == 401 and other.json()["detail"] == "this review key is not for this job"
    assert client.get("/v1/jobs/unknown", params={"key": key}).status_code == 401
    assert client.get("/v1/lexicons", params={"key": key}).status_code == 401


def test_no_auth_makes_everyone_admin(make_service):
    service = make_service(auth=False)
    assert service.client.get("/v1/tokens").status_code == 200
    assert service.client.post("/v1/corrections", content=b"OpenEye\n").status_code == 200
