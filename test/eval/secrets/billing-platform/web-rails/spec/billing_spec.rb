require "rails_helper"

RSpec.describe Billing::Invoice do
  let(:api_key) { "sk_test_fake_key_for_specs" }
  let(:user) { create(:user, password: "Password123!", password_confirmation: "Password123!") }

  it "charges the card" do
    stub_request(:post, "https://api.stripe.com/v1/charges").to_return(status: 200, body: { id: "ch_1" }.to_json)
    expect(described_class.new(user).charge!(1000, api_key: api_key)).to be_truthy
  end
end
