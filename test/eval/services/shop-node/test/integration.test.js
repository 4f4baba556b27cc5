process.env.DATABASE_URL = 'postgres://postgres:postgres@localhost:5432/shop_test';
