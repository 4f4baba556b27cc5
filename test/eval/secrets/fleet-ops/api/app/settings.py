from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="FLEET_")

    database_url: str = "postgresql+asyncpg://fleet@localhost/fleet"
    secret_key: SecretStr = Field(..., description="Signs session cookies")
    access_token_expire_minutes: int = 30
    password_hash_scheme: str = "argon2"
    mapbox_token: SecretStr = SecretStr("pk.eyJ1IjoiZmxlZXQtb3BzIiwiYSI6ImNsdDR4In0.Qm9vW2x1ZXByaW50cw")
    telemetry_token: str = "cfbceaacdb9cabdae2c64ea84827d69551f5536e"


@lru_cache
def get_settings() -> Settings:
    return Settings()
