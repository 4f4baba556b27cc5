import hashlib
import hmac
import secrets

from django.conf import settings

TOKEN_BYTES = 32
secret_key_fallbacks = settings.SECRET_KEY_FALLBACKS


def new_api_token():
    return "shp_" + secrets.token_urlsafe(TOKEN_BYTES)


def digest(token: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), token.encode(), hashlib.sha256).hexdigest()


EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
password_reset_token_generator = "django.contrib.auth.tokens.default_token_generator"
