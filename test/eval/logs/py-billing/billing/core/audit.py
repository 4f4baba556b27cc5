"""Audit trail for invoice changes."""
import json
import logging
from logging.handlers import TimedRotatingFileHandler

audit_log = logging.getLogger("billing.audit")
_handler = TimedRotatingFileHandler("/var/log/billing/audit.log", when="midnight", backupCount=30)
_handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
audit_log.addHandler(_handler)


def record(event: str, **fields) -> None:
    audit_log.info(json.dumps({"event": event, **fields}))
