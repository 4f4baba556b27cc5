class DigestJob < ApplicationJob
  queue_as :mailers

  BATCH = Integer(ENV.fetch("DIGEST_BATCH_SIZE", "200"))

  def perform(user_id)
    ENV["TZ"] ||= "UTC"
    user = User.find(user_id)
    DigestMailer.with(user: user, from: ENV['DIGEST_FROM_ADDRESS']).weekly.deliver_now
  end
end
