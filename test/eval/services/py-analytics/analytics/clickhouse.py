from clickhouse_driver import Client

client = Client(host="clickhouse.internal", port=9000, database="events")
