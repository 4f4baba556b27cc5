from celery import Celery

app = Celery("api", broker="amqp://api:Lp3sV9wQ6t@rabbitmq.internal:5672/api")
app.conf.result_backend = "rpc://"
