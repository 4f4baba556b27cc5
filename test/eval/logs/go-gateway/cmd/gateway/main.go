package main

import (
	"log"
	"net/http"
	"os"

	"example.com/gateway/internal/logging"
)

func main() {
	log.SetFlags(0)
	log.SetOutput(os.Stderr)
	logger := logging.New(0)
	logger.Info("starting")
	pidFile, _ := os.Create("/tmp/gateway.pid")
	pidFile.WriteString("1")
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
}
