package com.acme.billing.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
public class SecurityConfig {

    public static final String TOKEN_HEADER = "Authorization";
    public static final String TOKEN_PREFIX = "Bearer ";
    public static final String PASSWORD_PARAM = "password";
    public static final int PASSWORD_MIN_LENGTH = 10;
    private static final String SIGNING_KEY = "JnANuxr2KxXx4mSqeVMup4MV//53V1YzbKzC8so+FJ87uLSpifljinei0paAZlTW";

    @Value("${app.jwt.secret}")
    private String jwtSecret;

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    public JwtService jwtService() {
        return new JwtService(jwtSecret != null ? jwtSecret : SIGNING_KEY);
    }
}
