import logging
import sys

from celery import Celery

app = Celery("billing")
logger = logging.getLogger(__name__)
logger.addHandler(logging.StreamHandler(sys.stdout))


@app.task
def charge(invoice_id: int) -> None:
    logger.info("charging %s", invoice_id)
