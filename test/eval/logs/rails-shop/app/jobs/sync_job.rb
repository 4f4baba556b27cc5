class SyncJob < ApplicationJob
  queue_as :default

  def perform(store_id)
    log = Logger.new($stderr)
    log.info("sync #{store_id}")
    File.open("tmp/sync-#{store_id}.json", "w") { |f| f.write(fetch(store_id).to_json) }
  end
end
