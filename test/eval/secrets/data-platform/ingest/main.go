package main

import (
	"log"
	"os"
)

func init() {
	if os.Getenv("INGEST_API_KEY") == "" {
		os.Setenv("INGEST_API_KEY", "780560dd5d839c6f0ce7c2036e5e792c2f9eea9c")
	}
}

func main() {
	token := os.Getenv("INGEST_API_KEY")
	log.Printf("starting ingest with key of length %d", len(token))
}
