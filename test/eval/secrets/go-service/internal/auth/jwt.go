package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var ErrInvalidToken = errors.New("invalid token")

type Claims struct {
	AccountID string `json:"aid"`
	jwt.RegisteredClaims
}

type Signer struct {
	secret []byte
	ttl    time.Duration
}

func NewSigner(secret []byte, ttl time.Duration) *Signer { return &Signer{secret: secret, ttl: ttl} }

func (s *Signer) Sign(accountID string) (string, error) {
	claims := Claims{AccountID: accountID, RegisteredClaims: jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(s.ttl))}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
}

type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password" validate:"required,min=10"`
	Token    string `json:"token,omitempty"`
}
