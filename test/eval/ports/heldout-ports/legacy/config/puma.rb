bind "tcp://0.0.0.0:9292"
workers 2
