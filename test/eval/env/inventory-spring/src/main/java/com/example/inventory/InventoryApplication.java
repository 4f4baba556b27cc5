package com.example.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class InventoryApplication {
    public static void main(String[] args) {
        String profile = System.getenv("SPRING_PROFILES_ACTIVE");
        if (System.getenv("INVENTORY_DRY_RUN") != null) {
            System.setProperty("inventory.dry-run", "true");
        }
        SpringApplication.run(InventoryApplication.class, args);
    }
}
