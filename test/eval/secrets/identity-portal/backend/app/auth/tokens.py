import secrets

import jwt
from fastapi import Request

REFRESH_TOKEN_BYTES = 48
TOKEN_PREFIX = "Bearer "
PASSWORD_RESET_SALT = "password-reset"
CSRF_SECRET_HEADER = "X-CSRF-Token"


def bearer_token(request: Request) -> str:
    return request.headers.get("Authorization", "").removeprefix(TOKEN_PREFIX)


def new_refresh_token() -> str:
    return secrets.token_urlsafe(REFRESH_TOKEN_BYTES)


def issue(claims: dict, private_key: str) -> str:
    return jwt.encode(claims, private_key, algorithm="RS256")


INVALID_TOKEN = "invalid_token"
TOKEN_EXPIRED = "token_expired"
