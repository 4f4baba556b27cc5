from .base import *  # noqa

DEBUG = True
SECRET_KEY = "django-insecure-WfCHbPl_%PF-34G6tcBXj%57!lE&_iT!5VbiEduNFSYsy77_Hc"
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": "shop",
        "HOST": "localhost",
        "PORT": "5432",
    }
}

INTERNAL_IPS = ["127.0.0.1"]
