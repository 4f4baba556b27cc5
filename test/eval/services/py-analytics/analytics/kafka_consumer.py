"""Consumes page-view events.

Configure the brokers with KAFKA_BROKERS, e.g. `broker-1:9092,broker-2:9092` in local setups.
"""
from kafka import KafkaConsumer

consumer = KafkaConsumer("events", bootstrap_servers=["kafka-0.kafka:9092", "kafka-1.kafka:9092"], group_id="analytics")
