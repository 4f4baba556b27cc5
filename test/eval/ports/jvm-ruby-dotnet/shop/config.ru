require_relative "app"
run Shop::App
