"""`correction serve` and `correction serve token create` (without starting a server)."""

from correction.service.auth import token_hash
from correction.service.settings import Settings
from correction.service.store import Store


def test_token_create_prints_the_token_alone_on_the_last_line(run, tmp_path):
    result = run("serve", "token", "create", "--role", "editor", "--data", tmp_path)
    assert result.exit_code == 0
    token = result.stdout.splitlines()[-1]
    assert result.stdout == token + "\n" and token.startswith("corr_") and len(token) > 40
    assert result.stderr.startswith(f"token 1 (editor) for the service with data in {tmp_path}")
    with Store(Settings(data_dir=tmp_path).database) as store:
        assert store.role_of(token_hash(token)) == "editor"
        assert token not in {row[0] for row in store.connection.execute("SELECT hash FROM tokens")}


def test_data_may_be_given_to_the_group(run, tmp_path):
    result = run("serve", "--data", tmp_path, "token", "create", "--role", "admin")
    assert result.exit_code == 0 and (tmp_path / "correction.sqlite3").exists()


def test_no_auth_is_refused_off_loopback(run, tmp_path):
    result = run("serve", "--host", "0.0.0.0", "--no-auth", "--data", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "error: --no-auth: only on a loopback address (127.0.0.1, localhost), not 0.0.0.0\n"


def test_missing_extra_is_one_line(run, tmp_path, monkeypatch):
    import correction.cli.serve as serve

    real_find_spec = serve.find_spec
    monkeypatch.setattr(serve, "find_spec", lambda name: None if name == "uvicorn" else real_find_spec(name))
    result = run("serve", "--data", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "error: serve: needs uvicorn: pip install 'correction[serve]'\n"
