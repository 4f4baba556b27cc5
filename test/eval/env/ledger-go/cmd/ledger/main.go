package main

import (
	"log/slog"
	"net/http"
	"os"

	"example.test/ledger/internal/config"
)

func main() {
	level := slog.LevelInfo
	if os.Getenv("LOG_FORMAT") == "debug" {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level}))
	cfg, err := config.Load()
	if err != nil {
		logger.Error("config", "err", err)
		os.Exit(1)
	}
	hostname, _ := os.Hostname()
	logger.Info("starting", "addr", cfg.HTTPAddr, "host", hostname, "version", os.Getenv("GIT_COMMIT"))
	if err := http.ListenAndServe(cfg.HTTPAddr, nil); err != nil {
		logger.Error("serve", "err", err)
	}
}
