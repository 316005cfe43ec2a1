const app = {};
module.exports = app;
