import hashlib
import hmac
import os

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")
TOKEN_ALGORITHM = "HS256"
PASSWORD_RESET_TEMPLATE = "emails/password_reset.html"
INTERNAL_API_KEY = os.environ.get("INTERNAL_API_KEY")
ADMIN_TOKEN_HEADER = "X-Admin-Token"

# Shared with the legacy dispatcher; rotate together.
DISPATCH_HMAC_SECRET = b"rinZPmvSsOeyjaiTTQe7eSnyeeruGc1q"


def verify_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(DISPATCH_HMAC_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def require_admin(token: str = Depends(oauth2_scheme)):
    if token != os.environ["ADMIN_TOKEN"]:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Invalid token")
