package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

const migrationsDSN = "postgres://ledger_migrator:WP6JHlkvMsiU3hHtyhRg@ledger-db.prod.internal:5432/ledger?sslmode=require"

type DB struct{ *pgxpool.Pool }

func Open(ctx context.Context, url string) (*DB, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return &DB{pool}, nil
}

func LocalDSN(user, password string) string {
	return fmt.Sprintf("postgres://%s:%s@localhost:5432/ledger?sslmode=disable", user, password)
}

const insertUser = `INSERT INTO users (email, password_hash) VALUES ($1, $2)`
