import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "billing.settings")

app = Celery("billing")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.worker_concurrency = int(os.environ.get("CELERY_CONCURRENCY", "4"))
app.autodiscover_tasks()
