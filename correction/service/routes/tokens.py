"""``/v1/tokens``: make, list and revoke tokens (admin only)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from ..auth import TOKEN_PREFIX, new_secret, token_hash
from ..deps import Admin, StoreDep
from ..models import ERRORS, TokenCreated, TokenInfo, TokenRequest

router = APIRouter(tags=["tokens"], responses=ERRORS)


@router.post("/v1/tokens", response_model=TokenCreated, status_code=201, summary="Make a token (shown once)")
def post_token(who: Admin, store: StoreDep, body: TokenRequest) -> TokenCreated:
    token = new_secret(TOKEN_PREFIX)
    return TokenCreated(id=store.add_token(token_hash(token), body.role), role=body.role, token=token)


@router.get("/v1/tokens", response_model=list[TokenInfo], summary="The tokens (their ids and roles, not the tokens)")
def list_tokens(who: Admin, store: StoreDep) -> list[TokenInfo]:
    return [TokenInfo(id=token.id, role=token.role, created=token.created) for token in store.tokens()]


@router.delete("/v1/tokens/{token_id}", status_code=204, summary="Revoke a token")
def delete_token(who: Admin, store: StoreDep, token_id: int) -> Response:
    if not store.delete_token(token_id):
        raise HTTPException(404, f"no token {token_id}")
    return Response(status_code=204)
