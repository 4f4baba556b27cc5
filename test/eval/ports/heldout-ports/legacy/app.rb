require "sinatra/base"

class Legacy < Sinatra::Base
  set :bind, "0.0.0.0"
  set :port, ENV.fetch("PORT", 4567)
  get("/") { "legacy" }
end
