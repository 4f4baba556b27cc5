"""Notification API (FastAPI)."""
import logging
import logging.config
import os

import uvicorn
from fastapi import FastAPI

logging.config.fileConfig(os.path.join(os.path.dirname(__file__), "logging.conf"), disable_existing_loggers=False)

logging.basicConfig(
    level=logging.INFO,
    handlers=[logging.FileHandler("notify-debug.log"), logging.StreamHandler()],
)

app = FastAPI()
log = logging.getLogger("notify")

UVICORN_LOG_CONFIG = {
    "version": 1,
    "handlers": {
        "default": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
        "access_file": {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": "/var/log/notify/access.log",
            "maxBytes": 10485760,
        },
    },
    "loggers": {"uvicorn.access": {"handlers": ["access_file"], "level": "INFO"}},
}


@app.post("/notify")
async def notify(payload: dict) -> dict:
    log.info("notify %s", payload.get("kind"))
    with open("/tmp/last-payload.json", "w") as fh:
        fh.write(str(payload))
    return {"ok": True}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", "8000")), log_config=UVICORN_LOG_CONFIG)
