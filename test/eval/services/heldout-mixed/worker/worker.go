package main

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/segmentio/kafka-go"
)

const defaultDSN = "postgres://worker@localhost:5432/jobs?sslmode=disable"

func dsn() string {
	if v := os.Getenv("DATABASE_URL"); v != "" {
		return v
	}
	return defaultDSN
}

func main() {
	pool, _ := pgxpool.New(context.Background(), dsn())
	defer pool.Close()
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka.prod.internal:9092"}, Topic: "jobs"})
	defer r.Close()
	mc := memcache.New("memcached.internal:11211")
	_ = mc
}
