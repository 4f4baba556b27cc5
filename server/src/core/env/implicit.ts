/**
 * Variables that runtimes, frameworks and SDKs read by themselves, without the app's code naming them (the AWS SDK
 * reads AWS_ACCESS_KEY_ID, Spring binds SPRING_DATASOURCE_URL to spring.datasource.url, Rails reads
 * DATABASE_URL…). Declaring them in an env example file is right even though no code reads them, so
 * `config/env-unused-in-code` leaves them alone.
 */
export const IMPLICITLY_READ: ReadonlySet<string> = new Set([
  'DATABASE_URL', 'REDIS_URL', 'DEBUG', 'RAILS_ENV', 'RACK_ENV', 'RAILS_MASTER_KEY', 'SECRET_KEY_BASE',
  'RAILS_LOG_TO_STDOUT', 'RAILS_SERVE_STATIC_FILES', 'WEB_CONCURRENCY', 'RAILS_MAX_THREADS', 'DJANGO_SETTINGS_MODULE',
  'FLASK_APP', 'FLASK_ENV', 'FLASK_DEBUG', 'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE', 'GUNICORN_CMD_ARGS',
  'GIN_MODE', 'GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT', 'SENTRY_DSN', 'SENTRY_ENVIRONMENT',
  'SENTRY_RELEASE', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'STRIPE_API_KEY', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY',
  'NEW_RELIC_LICENSE_KEY', 'NEW_RELIC_APP_NAME', 'DD_API_KEY', 'DD_ENV', 'DD_SERVICE', 'DD_VERSION', 'APP_KEY',
  'APP_ENV', 'APP_DEBUG', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'JAVA_OPTS', 'JAVA_TOOL_OPTIONS', 'TZ',
]);

/** Prefixes of variable families consumed by a tool or framework as a whole. */
export const IMPLICITLY_READ_PREFIXES: readonly string[] = [
  'AWS_', 'AZURE_', 'SPRING_', 'SERVER_', 'MANAGEMENT_', 'LOGGING_', 'ASPNETCORE_', 'DOTNET_', 'COMPOSE_', 'DOCKER_',
  'POSTGRES_', 'PG', 'MYSQL_', 'MONGO_INITDB_', 'RUST_', 'CARGO_', 'NPM_CONFIG_', 'YARN_', 'PIP_', 'POETRY_', 'OTEL_',
  'NEXT_TELEMETRY_', 'GF_', 'RABBITMQ_', 'KAFKA_', 'ELASTIC_', 'MINIO_', 'KEYCLOAK_', 'UV_',
];

export function isImplicitlyRead(name: string): boolean {
  return IMPLICITLY_READ.has(name) || IMPLICITLY_READ_PREFIXES.some((p) => name.startsWith(p));
}
