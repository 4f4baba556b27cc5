import getpass
import os
from dataclasses import dataclass, field

from decouple import config
from pydantic import BaseModel, Field


class OidcSettings(BaseModel):
    issuer: str = "https://login.identity-portal.io/realms/main"
    client_id: str = "portal-backend"
    client_secret: str = Field(default="", alias="clientSecret")
    grant_type: str = "password"
    response_type: str = "token"
    token_endpoint_auth_method: str = "client_secret_basic"


SECRET_KEY = config("SECRET_KEY", default="")
JWT_ALGORITHM = "RS256"
TOKEN_LENGTH = 32
PASSWORD_HASH_ITERATIONS = 600_000
EXPECTED_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
AZURE_OPENAI_KEY = "d2068d17b585f5c8a95b15669cd731e7"


def prompt_password() -> str:
    return getpass.getpass("Password: ")


@dataclass
class SmtpConfig:
    host: str = "smtp.identity-portal.io"
    username: str = "notifications"
    password: str = field(default_factory=lambda: os.environ["SMTP_PASSWORD"])
