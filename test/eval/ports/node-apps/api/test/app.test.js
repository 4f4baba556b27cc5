const app = require('../src/app');
let server;
before(() => { server = app.listen(4001); });
