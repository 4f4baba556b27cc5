package main

import (
	"net"
	"net/http"

	"github.com/labstack/echo/v4"
)

func main() {
	e := echo.New()
	ln, _ := net.Listen("tcp", ":7070")
	e.Listener = ln
	go http.ListenAndServe(":9100", promhttp.Handler())
	e.Logger.Fatal(e.Start(""))
}
