import environ

env = environ.Env()

DATABASES = {"default": env.db("DATABASE_URL")}
CELERY_BROKER_URL = "redis://10.0.4.12:6379/0"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}
ELASTICSEARCH_DSL = {"default": {"hosts": "es-prod.internal:9200"}}
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
