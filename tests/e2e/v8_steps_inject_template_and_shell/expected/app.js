const app = {};
app.use(require('./src/auth'));
module.exports = app;
