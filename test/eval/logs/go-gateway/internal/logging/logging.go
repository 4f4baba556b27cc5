// Package logging builds the gateway's loggers.
package logging

import (
	"io"
	"log/slog"
	"os"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"gopkg.in/natefinch/lumberjack.v2"
)

// New returns the structured logger used by handlers.
func New(level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level}))
}

// Access returns the access logger; it also keeps a local copy for the on-box debugging tool.
func Access() *logrus.Logger {
	l := logrus.New()
	l.SetFormatter(&logrus.JSONFormatter{})
	f, err := os.OpenFile("/var/log/gateway/access.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		l.SetOutput(os.Stdout)
		return l
	}
	l.SetOutput(io.MultiWriter(os.Stdout, f))
	return l
}

// Rotating returns a zap core writing to a rotating file.
func Rotating() zapcore.Core {
	w := zapcore.AddSync(&lumberjack.Logger{
		Filename:   "/var/log/gateway/gateway.log",
		MaxSize:    100,
		MaxBackups: 5,
	})
	return zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), w, zap.InfoLevel)
}

// Production returns zap's production logger, writing to stdout only.
func Production() (*zap.Logger, error) {
	cfg := zap.NewProductionConfig()
	cfg.OutputPaths = []string{"stdout"}
	cfg.ErrorOutputPaths = []string{"stderr"}
	return cfg.Build()
}

// Debug writes debug output into a file picked by the operator.
func Debug(path string) (*slog.Logger, error) {
	dbg, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return slog.New(slog.NewTextHandler(dbg, nil)), nil
}
