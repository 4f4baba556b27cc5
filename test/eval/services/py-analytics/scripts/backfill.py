"""Backfill job. Set DATABASE_URL, e.g. postgresql://user:pass@host/db."""
import os

from sqlalchemy import create_engine

engine = create_engine(os.getenv("DATABASE_URL", "postgresql://localhost/analytics"))
