from .base import *  # noqa

DEBUG = False
SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True

AWS_STORAGE_BUCKET_NAME = "acme-shop-media"
AWS_S3_REGION_NAME = "eu-west-1"
AWS_ACCESS_KEY_ID = "AKIAIDMVKFZJW76WAHWW"
AWS_SECRET_ACCESS_KEY = "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"
AWS_S3_CUSTOM_DOMAIN = f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"

SENTRY_DSN = "https://4f2b1c9d8e7a6b5c4d3e2f1a0b9c8d7e@o450123.ingest.sentry.io/5512345"

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "rediss://:cb1eNrSjTDUBYbHRvTjeQc4IZ3ca@shop-cache.abc123.ng.0001.euw1.cache.amazonaws.com:6379/1",
    }
}

ANYMAIL = {
    "MAILGUN_API_KEY": "key-c8ffa660e67f22e148bb03e2319074eb",
    "MAILGUN_SENDER_DOMAIN": "mg.acme-shop.io",
}
