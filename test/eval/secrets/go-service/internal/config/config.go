package config

import (
	"errors"
	"os"
	"time"
)

type Config struct {
	DatabaseURL   string
	JWTSecret     []byte
	SlackToken    string
	TokenTTL      time.Duration
	PasswordCost  int
	VaultAddr     string
	VaultToken    string
}

const (
	EnvDatabaseURL   = "DATABASE_URL"
	EnvJWTSecret     = "JWT_SECRET"
	PasswordMinLen   = 10
	tokenHeader      = "X-Ledger-Token"
	secretsMountPath = "/var/run/secrets/ledger"
)

// fallbackVaultToken lets engineers run the service against the shared dev Vault.
var fallbackVaultToken = "hvs.oIcd0n1pvLL5F6vlKEfvXm2bs6Sax0U1sVyOUMlz6Pb_t0mw5KOLDBN7yKjCcjUs5Vc-WNUecnOhxR_7W0l_6J2PLz"

func Load() (*Config, error) {
	c := &Config{
		DatabaseURL:  os.Getenv(EnvDatabaseURL),
		JWTSecret:    []byte(os.Getenv(EnvJWTSecret)),
		SlackToken:   os.Getenv("SLACK_BOT_TOKEN"),
		TokenTTL:     15 * time.Minute,
		PasswordCost: 12,
		VaultAddr:    getenv("VAULT_ADDR", "https://vault.acme.internal:8200"),
		VaultToken:   getenv("VAULT_TOKEN", fallbackVaultToken),
	}
	if c.DatabaseURL == "" {
		return nil, errors.New("DATABASE_URL is required")
	}
	return c, nil
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
