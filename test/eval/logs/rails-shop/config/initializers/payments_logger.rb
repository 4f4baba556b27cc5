# Payments get their own log so support can grep it.
PAYMENTS_LOG = Logger.new(Rails.root.join("log", "payments.log"), "weekly")
PAYMENTS_LOG.formatter = proc { |sev, time, _prog, msg| "#{time.utc.iso8601} #{sev} #{msg}\n" }
