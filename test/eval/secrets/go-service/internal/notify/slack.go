package notify

import (
	"os"

	"github.com/slack-go/slack"
)

const (
	channelPayments = "#payments-alerts"
	botToken        = "xoxb-135300191841-4587942600341-Q7R7NmXzFaNfvZN3QmvF4yEe"
)

var client = slack.New(botTokenFromEnv())

func botTokenFromEnv() string {
	if t := os.Getenv("SLACK_BOT_TOKEN"); t != "" {
		return t
	}
	return botToken
}

func Notify(text string) error {
	_, _, err := client.PostMessage(channelPayments, slack.MsgOptionText(text, false))
	return err
}
