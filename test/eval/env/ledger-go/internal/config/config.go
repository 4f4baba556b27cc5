package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config holds the service settings, all read from the environment.
type Config struct {
	DSN          string
	HTTPAddr     string
	JWKSURL      string
	NATSURL      string
	ReadTimeout  time.Duration
	MaxOpenConns int
	Debug        bool
}

func getenvDefault(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// Load reads the configuration. Required settings fail fast.
func Load() (*Config, error) {
	dsn := os.Getenv("LEDGER_DB_DSN")
	if dsn == "" {
		return nil, fmt.Errorf("LEDGER_DB_DSN is required")
	}
	rt, err := time.ParseDuration(getenvDefault("LEDGER_READ_TIMEOUT", "5s"))
	if err != nil {
		return nil, err
	}
	conns, _ := strconv.Atoi(os.Getenv("LEDGER_MAX_OPEN_CONNS"))
	_, debug := os.LookupEnv("LEDGER_DEBUG")
	return &Config{
		DSN:          dsn,
		HTTPAddr:     getenvDefault("LEDGER_HTTP_ADDR", ":8080"),
		JWKSURL:      os.Getenv("LEDGER_JWKS_URL"),
		NATSURL:      os.Getenv("NATS_URL"),
		ReadTimeout:  rt,
		MaxOpenConns: conns,
		Debug:        debug,
	}, nil
}
