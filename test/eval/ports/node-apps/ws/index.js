const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ port: 8090 });
wss.on('connection', (ws) => ws.send('hi'));
