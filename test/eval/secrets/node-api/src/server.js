const express = require('express');
const helmet = require('helmet');
const config = require('./config');

const app = express();
app.use(helmet());
app.use(express.json({ limit: '1mb' }));
app.use('/auth', require('./routes/auth'));

const BRAND = { primary: '#1a73e8', secondary: '#fbbc04', danger: '#d93025', background: '#ffffff' };
const FAVICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAABHNCSVQICAgIfAhkiAAAAAlwSFlzAAAOxAAADsQBlSsOGwAAABl0RVh0U29mdHdhcmUAd3d3Lmlua3NjYXBlLm9yZ5vuPBoAAAFJSURBVDiNpZOxSgNBEIa/2b2YIKYRBEEfQPABxMrOQhA7wUewtLISGztBfAILwUobO0HwGQQfwFIEC0GwEJQgl9vZsYgXY3JnoQNTzPzz/zO7sxNVZRFlpS4wGo3WRdxaFcxtFJyGGFrLPmBM3GLxDUAqZQBjK6/ptKEtCmBm5sz8opCd7uuW6u0Dg9v1M4dI0LnrmCMATB1G7ue0Mx3cmJgE0SmSfBnQlQvNUAXV3vL9Yj3HmFHKvNWi1lwR0fkuqaqsK+kKvXsSN+yO/4rMHD3g=';

app.get('/healthz', (req, res) => res.json({ status: 'ok', commit: process.env.GIT_SHA || 'dev' }));

app.listen(config.port, () => {
  console.log(`orders-api listening on ${config.port}`);
});
