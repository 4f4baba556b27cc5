import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.mjs';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, {
    logger: process.env.NODE_ENV === 'production' ? ['error', 'warn', 'log'] : undefined,
  });
  app.enableCors({ origin: process.env.PORTAL_ORIGIN?.split(',') ?? true });
  if (process.env.ENABLE_SHUTDOWN_HOOKS !== 'false') app.enableShutdownHooks();
  await app.listen(process.env.PORT || 3000);
}
void bootstrap();
