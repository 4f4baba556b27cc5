from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GEO_", env_file=".env")

    database_url: str
    tiles_url: str = "https://tiles.example.test"
    cache_ttl: int = 600


@lru_cache
def get_settings() -> Settings:
    return Settings()
