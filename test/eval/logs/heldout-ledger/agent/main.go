package main

import (
	"log"
	"os"

	"github.com/rs/zerolog"
)

type Config struct{ LogPath string }

func main() {
	cfg := Config{LogPath: os.Getenv("AGENT_LOG")}
	f, err := os.OpenFile(cfg.LogPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		log.Fatal(err)
	}
	std := log.New(f, "agent ", log.LstdFlags)
	std.Println("started")

	zf, _ := os.OpenFile("agent-events.json", os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	zl := zerolog.New(zf).With().Timestamp().Logger()
	zl.Info().Msg("ready")

	state, _ := os.Create("state.json")
	defer state.Close()
}
