package com.example.inventory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class ExportService {

    @Value("${INVENTORY_EXPORT_BUCKET}")
    private String bucket;

    @Value("${inventory.low-stock-threshold}")
    private int lowStock;

    @Value("${EXPORT_BATCH_SIZE:500}")
    private int batchSize;

    private final String signingKey = System.getenv("EXPORT_SIGNING_KEY");

    public String describe() {
        // String legacy = System.getenv("LEGACY_EXPORT_PATH");
        String tmp = System.getenv().getOrDefault("EXPORT_TMP_DIR", "/tmp");
        return bucket + lowStock + batchSize + tmp + (signingKey != null);
    }
}
