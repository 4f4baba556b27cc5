import os

REDIS_URL = os.environ.get("REDIS_URL")
MONGO_URI = "mongodb://reporting:Gv5pX1cK8s@mongo.internal:27017/reporting?authSource=admin"
SEARCH = {"hosts": [os.environ.get("OPENSEARCH_URL", "http://localhost:9200")]}
STATSD_HOST = "statsd.internal"
SENTRY_DSN = "https://abc123@o12345.ingest.sentry.io/42"
