Object.defineProperty(exports, '__esModule', { value: true });
exports.default = { params: () => ({ who: 'default export' }) };
