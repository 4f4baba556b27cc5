package io.portal.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Column;

public class Account {
    @JsonProperty("password")
    private String password;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    static String jdbcUrl(String host, int port, String db, String user, String password) {
        return String.format("jdbc:postgresql://%s:%d/%s?user=%s&password=%s", host, port, db, user, password);
    }
}
