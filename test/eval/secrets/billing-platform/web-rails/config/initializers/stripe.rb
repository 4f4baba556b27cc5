# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", "pk_test_51HbQ2bKx8Yq4ZrTm0pW3vHs7LdE9fGjUaBcXyZ"),
  secret_key: ENV["STRIPE_SECRET_KEY"],
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
