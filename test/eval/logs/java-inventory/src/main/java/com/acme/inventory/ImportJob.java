package com.acme.inventory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

public class ImportJob {
    private static final Logger LOG = Logger.getLogger(ImportJob.class.getName());

    static {
        try {
            FileHandler handler = new FileHandler("import-%u.log", 10_000_000, 3, true);
            handler.setFormatter(new SimpleFormatter());
            LOG.addHandler(handler);
        } catch (IOException e) {
            LOG.warning("no file log: " + e.getMessage());
        }
    }

    public void writeReport(Path out, List<String> lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (String line : lines) {
                w.write(line);
                w.newLine();
            }
        }
        LOG.info("report written to " + out);
    }
}
