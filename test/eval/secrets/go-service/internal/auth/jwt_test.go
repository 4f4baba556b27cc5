package auth

import (
	"testing"
	"time"
)

const testSecret = "unit-test-secret-do-not-use"

var sampleToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

func TestSignVerify(t *testing.T) {
	s := NewSigner([]byte(testSecret), time.Minute)
	tok, err := s.Sign("acc_123")
	if err != nil || tok == "" {
		t.Fatalf("sign: %v", err)
	}
	_ = sampleToken
}

func TestLoginRequest(t *testing.T) {
	req := LoginRequest{Email: "a@b.c", Password: "hunter2hunter2"}
	if req.Password == "" {
		t.Fatal("empty password")
	}
}
