Rails.application.configure do
  config.cache_classes = true
  config.force_ssl = true
  config.log_level = :info
  config.action_mailer.smtp_settings = {
    address: "smtp.mailgun.org",
    port: 587,
    user_name: "postmaster@mg.acme.io",
    password: ENV["MAILGUN_SMTP_PASSWORD"],
    authentication: :plain,
  }
  config.secret_key_base = "67ac4f1a52d3fb50b36d0b00e0a3c8d6cd7041bf0851e9aff94a8451c04e3de38ac5d698c040b67971497456b1b3e5f25ac04a93977e2795ec8106ceaaa468fc"
end
