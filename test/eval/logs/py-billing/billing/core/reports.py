"""Monthly CSV reports, written to object storage by the caller."""
import csv
import io
import logging

log = logging.getLogger(__name__)


def monthly_report(rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow(row)
    log.info("report built", extra={"rows": len(rows)})
    return buf.getvalue().encode()


def save_local(data: bytes, path: str = "report.csv") -> None:
    with open(path, "wb") as fh:
        fh.write(data)


def last_errors(path: str = "logs/errors.log", n: int = 50):
    with open(path) as fh:
        return fh.readlines()[-n:]
