# frozen_string_literal: true

Shopify::Context.setup(
  api_key: ENV["SHOPIFY_API_KEY"],
  api_secret_key: "e71fbd1220949f0ed5d3fe9f97f854ad",
  host: "https://billing.acme.io",
  scope: "read_orders,write_orders",
  is_embedded: true,
)

ShopifyAPI::Context.activate_session(ShopifyAPI::Auth::Session.new(shop: "acme.myshopify.com", access_token: "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"))

Mailchimp.configure do |c|
  c.api_key = "7c147a96fe23a9bdd5b1da5eda2a9b23-us29"
  c.server = "us14"
end

Rails.application.config.filter_parameters += %i[passw secret token _key crypt salt certificate otp ssn]
