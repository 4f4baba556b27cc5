package internal

import "github.com/gin-gonic/gin"

func StartAdmin() error {
	r := gin.New()
	return r.Run(":9091")
}
