package store

import (
	"database/sql"
	"os"
	"path/filepath"
)

// MigrationsDir is where the SQL migrations live; overridable for packaging.
func MigrationsDir() string {
	if dir := os.Getenv("LEDGER_MIGRATIONS_DIR"); dir != "" {
		return dir
	}
	return filepath.Join(".", "migrations")
}

func Migrate(db *sql.DB) error {
	/* Previously: os.Getenv("LEDGER_SKIP_MIGRATIONS") */
	_, err := db.Exec("select 1")
	return err
}
