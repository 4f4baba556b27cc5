from .base import *  # noqa: F401,F403

ALLOWED_HOSTS = [".billing.example.net"]
LOGGING["handlers"]["console"]["level"] = "INFO"  # noqa: F405
