import logging
import os

from fastapi import FastAPI

from .routers import geocode

logging.basicConfig(level=os.environ.get("GEO_LOG_LEVEL", "INFO"))

app = FastAPI(
    title="geo",
    docs_url=None if os.getenv("GEO_DISABLE_DOCS") else "/docs",
    root_path=os.getenv("ROOT_PATH", ""),
)
app.include_router(geocode.router)
