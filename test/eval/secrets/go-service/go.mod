module github.com/acme/ledger

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.0
	github.com/jackc/pgx/v5 v5.5.5
	github.com/slack-go/slack v0.12.5
)
