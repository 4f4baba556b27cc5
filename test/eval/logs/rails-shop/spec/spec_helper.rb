RSpec.configure do |config|
  config.before(:suite) { Rails.logger = Logger.new("log/test-suite.log") }
end
