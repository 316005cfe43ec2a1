module.exports = {
  params: async () => {
    await null;
    return { later: 'resolved' };
  },
}
