"""``correction serve``: run the correction service; ``correction serve token create``: make a token."""

from __future__ import annotations

import ipaddress
import socket
from importlib.util import find_spec
from pathlib import Path

import click

from ..errors import UsageError

CONTEXT = {"help_option_names": ["-h", "--help"]}
EXTRA = "pip install 'correction[serve]'"


def _default_data() -> Path:
    from ..service.settings import default_data_dir

    return default_data_dir()


data_option = click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                           help="Folder for the service's database (SQLite). Default: ~/.local/share/correction.")


# package -> the modules it may be imported as (python-multipart renamed its module)
EXTRA_MODULES = {"fastapi": ("fastapi",), "uvicorn": ("uvicorn",),
                 "python-multipart": ("python_multipart", "multipart")}


def _needs_extra() -> None:
    """The service's libraries are an optional extra: say how to get them, in one line."""
    missing = [package for package, modules in EXTRA_MODULES.items()
               if not any(find_spec(module) for module in modules)]
    if missing:
        raise UsageError("serve", f"needs {', '.join(missing)}: {EXTRA}")


def _loopback(host: str) -> bool:
    try:
        return all(ipaddress.ip_address(info[4][0]).is_loopback
                   for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP))
    except (OSError, ValueError):
        return False


@click.group(invoke_without_command=True, context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@data_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(0, 64),
              help="Worker processes that correct transcripts (0: in the server process).")
@click.option("--no-auth", is_flag=True, help="No tokens: anyone who can connect is admin. Only on 127.0.0.1.")
@click.pass_context
def serve(ctx, host, port, data_dir, workers, no_auth):
    """Run the correction service over HTTP: lexicons, corrections, review in the browser.

    The API and its docs are at http://HOST:PORT/docs. Requests need a token
    (`correction serve token create`) unless --no-auth is given.

    \b
    Examples:
      correction serve token create --role admin        # prints a token, once
      correction serve --port 8000 --workers 2
      curl -H "Authorization: Bearer $TOKEN" --data-binary @talk.txt localhost:8000/v1/corrections
    """
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    if ctx.invoked_subcommand is not None:
        return
    _needs_extra()
    if no_auth and not _loopback(host):
        raise UsageError("--no-auth", f"only on a loopback address (127.0.0.1, localhost), not {host}")
    import uvicorn

    from ..service.app import create_app
    from ..service.settings import Settings

    settings = Settings(data_dir=data_dir or _default_data(), workers=workers, auth=not no_auth)
    if no_auth:
        click.secho("WARNING: --no-auth: no tokens are checked; anyone who can connect to "
                    f"{host}:{port} may do anything (read, correct, delete). For one user on this machine only.",
                    err=True, fg="red", bold=True)
    click.echo(f"correction serve: http://{host}:{port} (docs at /docs), data in {settings.data_dir}, "
               f"{workers} worker(s)", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


@serve.group(context_settings=CONTEXT)
def token() -> None:
    """Manage the service's tokens."""


@token.command(context_settings=CONTEXT)
@click.option("--role", type=click.Choice(["editor", "admin"]), required=True,
              help="editor: correct, review, upload lexicons. admin: also manage tokens and delete lexicons.")
@data_option
@click.pass_context
def create(ctx, role, data_dir):
    """Make a token and print it, once, alone on the last line (only its hash is kept).

    \b
    Examples:
      TOKEN=$(correction serve token create --role editor | tail -n 1)
    """
    from ..service.auth import create_token
    from ..service.settings import Settings

    folder = data_dir or ctx.obj.get("data_dir") or _default_data()
    token_id, secret = create_token(Settings(data_dir=folder).database, role)
    click.echo(f"token {token_id} ({role}) for the service with data in {folder}; it is shown only now:", err=True)
    click.echo(secret)
