namespace :import do
  desc "Import products from the supplier feed"
  task products: :environment do
    logger = Logger.new("log/import.log")
    logger.info("import started")
    Importer.new(logger: logger).run
  end

  task tail: :environment do
    puts File.readlines("log/import.log").last(20)
  end
end
