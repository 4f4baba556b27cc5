const { WebClient } = require('@slack/web-api');
const https = require('https');

const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
const ALERTS_WEBHOOK = 'https://hooks.slack.com/services/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';
const OPS_CHANNEL = 'C04ABCD1234';

function postAlert(text) {
  const body = JSON.stringify({ text });
  const req = https.request(ALERTS_WEBHOOK, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  req.end(body);
}

async function notifyOps(text) {
  await slack.chat.postMessage({ channel: OPS_CHANNEL, text });
}

module.exports = { postAlert, notifyOps };
