module.exports = {
  mongo: 'mongodb://mongo-0.mongo,mongo-1.mongo:27017/shop?replicaSet=rs0',
  sessionTtl: 3600,
};
