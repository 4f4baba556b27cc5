# frozen_string_literal: true

Rails.application.config.to_prepare do
  Aws.config.update(
    region: ENV.fetch("AWS_REGION", "eu-west-1"),
    credentials: Aws::Credentials.new(ENV["AWS_ACCESS_KEY_ID"], ENV["AWS_SECRET_ACCESS_KEY"])
  )
  NotesStorage.bucket = ENV.fetch("S3_BUCKET")
  NotesStorage.public_host = ENV["CDN_HOST"] if ENV["CDN_HOST"].present?
end
