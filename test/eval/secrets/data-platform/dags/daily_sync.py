from datetime import datetime

import requests
from airflow import DAG
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.operators.python import PythonOperator

API_KEY = Variable.get("partner_api_key")
PARTNER_URL = "https://partner.example-data.io/v2/export"


def export():
    conn = BaseHook.get_connection("warehouse")
    resp = requests.get(PARTNER_URL, auth=("dp-export", "Xp0rt#Sync!7731"), timeout=60)
    resp.raise_for_status()
    return resp.json()


def load(**context):
    import redis
    cache = redis.Redis(host="cache.internal", port=6379, password="fr6pOETobcwppC72A8Lp92PgEm")
    cache.set("last_sync", datetime.utcnow().isoformat())


with DAG("daily_sync", start_date=datetime(2024, 1, 1), schedule="@daily", catchup=False) as dag:
    PythonOperator(task_id="export", python_callable=export)
    PythonOperator(task_id="load", python_callable=load)
