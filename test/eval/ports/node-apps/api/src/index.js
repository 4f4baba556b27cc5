const express = require('express');
const config = require('./config');

const app = express();
app.get('/health', (req, res) => res.send('ok'));

const port = process.env.PORT || config.port || 3000;
app.listen(port, () => console.log(`api on ${port}`));
