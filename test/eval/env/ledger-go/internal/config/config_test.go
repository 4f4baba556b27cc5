package config

import "testing"

func TestLoadRequiresDSN(t *testing.T) {
	t.Setenv("LEDGER_DB_DSN", "")
	if _, err := Load(); err == nil {
		t.Fatal("expected an error without LEDGER_DB_DSN")
	}
}
