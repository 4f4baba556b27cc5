import psycopg

from config.settings import REDIS_URL


def connect():
    return psycopg.connect(host="pg-primary.internal", dbname="api", user="api")
