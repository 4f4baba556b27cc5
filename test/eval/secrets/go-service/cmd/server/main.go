package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"

	"github.com/acme/ledger/internal/config"
	"github.com/acme/ledger/internal/store"
)

const defaultAddr = ":8080"

func main() {
	cfg, err := config.Load()
	if err != nil {
		slog.Error("config", "err", err)
		os.Exit(1)
	}
	db, err := store.Open(context.Background(), cfg.DatabaseURL)
	if err != nil {
		slog.Error("db", "err", err)
		os.Exit(1)
	}
	defer db.Close()
	srv := &http.Server{Addr: defaultAddr, Handler: routes(db, cfg)}
	slog.Info("listening", "addr", srv.Addr)
	_ = srv.ListenAndServe()
}
