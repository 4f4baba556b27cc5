package main

import (
	"errors"
	"os"

	"golang.org/x/crypto/bcrypt"
)

const tokenLength = 32

var (
	ErrBadPassword = errors.New("bad password")
	secretKey      = []byte(os.Getenv("GATEWAY_SECRET"))
	testVectorIV   = "000102030405060708090a0b0c0d0e0f"
)

func hash(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), 12)
}

type Upstream struct {
	URL      string
	Username string
	Password string
}

var upstreams = []Upstream{
	{URL: "https://billing.internal", Username: "gateway", Password: os.Getenv("BILLING_PASSWORD")},
	{URL: "https://legacy-crm.internal", Username: "gateway", Password: "Crm#Gw-5N8cXB9UJnCC"},
}
