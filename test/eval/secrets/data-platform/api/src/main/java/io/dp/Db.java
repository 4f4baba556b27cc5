package io.dp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public final class Db {
    private static final String URL = "jdbc:postgresql://dp-db.internal:5432/dp";

    public static Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "dp_api", "Jdbc#Dp-Api-2024x");
    }

    public static Connection openFromEnv() throws SQLException {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }
}
