"""Bearer tokens: made once, shown once, stored only as a hash.

Tokens are 256 random bits, so a plain SHA-256 of them is enough to store (no salt or slow hash
needed: there is nothing to guess from). Roles: an ``editor`` corrects, reviews and uploads
lexicons; an ``admin`` also manages tokens and deletes lexicons. A job's review key is a
separate capability: it opens that job's review page and decisions, and nothing else.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from .store import Store

ROLES = ("editor", "admin")
TOKEN_PREFIX = "corr_"


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(database: Path, role: str) -> tuple[int, str]:
    """Store a new token of ``role``; returns its id and the token (the only time it is known)."""
    if role not in ROLES:
        raise ValueError(f"role: {role!r} is not one of {', '.join(ROLES)}")
    Store.create(database)
    token = new_secret(TOKEN_PREFIX)
    with Store(database) as store:
        return store.add_token(token_hash(token), role), token


def same_secret(given: str | None, expected: str) -> bool:
    """Compare in constant time, so a review key cannot be guessed from response times."""
    return given is not None and secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
