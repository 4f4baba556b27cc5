module.exports = {
  port: Number(process.env.PORT ?? 3000),
  db: { port: 5432 },
};
