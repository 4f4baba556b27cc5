from pathlib import Path

import structlog

structlog.configure(
    logger_factory=structlog.WriteLoggerFactory(file=Path("notify").with_suffix(".log").open("wt")),
)
