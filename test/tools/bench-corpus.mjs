// The benchmark corpus: a fixed list of popular npm packages (pinned by major version so the corpus stays
// comparable between runs), installed with `npm install --ignore-scripts` into the git-ignored `.bench/corpus`.
export const CORPUS_PACKAGES = [
  'lodash@4', 'express@4', 'react@18', 'react-dom@18', 'typescript@5', 'webpack@5', '@babel/core@7',
  'eslint@8', 'prettier@3', 'rxjs@7', 'moment@2', 'axios@1', 'commander@12', 'yargs@17', 'uuid@9',
  'mongoose@8', 'sequelize@6', 'aws-sdk@2', '@aws-sdk/client-s3@3', 'vue@3', '@angular/core@17', 'three@0.160',
  'd3@7', 'socket.io@4', 'pg@8', 'mysql2@3', 'ioredis@5', 'knex@3', 'typeorm@0.3', 'graphql@16', 'date-fns@3',
  'core-js@3', 'handlebars@4', 'jsdom@24', 'googleapis@131', 'firebase@10', 'bootstrap@5', 'jquery@3',
  'winston@3', 'pino@8', 'joi@17', 'zod@3', 'fastify@4', 'koa@2', 'mocha@10',
];
