package export

import (
	"encoding/json"
	"os"
)

// WriteRoutes dumps the routing table for the admin UI.
func WriteRoutes(path string, routes any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewEncoder(f).Encode(routes)
}

// Tail returns the end of a log file produced by an older release.
func Tail(path string) ([]byte, error) {
	return os.ReadFile(path)
}

// Cleanup removes stale log files.
func Cleanup() error {
	return os.Remove("/var/log/gateway/old.log")
}
