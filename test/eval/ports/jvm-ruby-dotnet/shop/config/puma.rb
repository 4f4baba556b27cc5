workers Integer(ENV.fetch("WEB_CONCURRENCY") { 2 })
threads 5, 5
port 3000
environment ENV.fetch("RACK_ENV") { "production" }
