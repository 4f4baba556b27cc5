from .production import *  # noqa

CELERY_BROKER_URL = "redis://localhost:6379/0"
ELASTICSEARCH_DSL = {"default": {"hosts": "localhost:9200"}}
