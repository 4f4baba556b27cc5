import logging

import pytest


@pytest.fixture(autouse=True)
def log_to_file(tmp_path):
    handler = logging.FileHandler(tmp_path / "test.log")
    logging.getLogger().addHandler(handler)
    yield
    logging.getLogger().removeHandler(handler)
