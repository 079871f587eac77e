import './instrumentation';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { runService } from '@club/platform-nest';
import { gatewayConfigSchema } from './config';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi/openapi';

runService({
  service: 'gateway',
  configSchema: gatewayConfigSchema,
  module: (config, logger) => AppModule.register(config, logger),
  configureHttp: (app, config) => {
    // PATCH bodies may use the RFC 7396 media type.
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
    // Import files arrive as text, up to 64 MiB (the API's JSON bodies stay limited to 1 MiB).
    fastify.addContentTypeParser(['text/csv', 'application/x-ndjson', 'application/jsonl'], { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    const document = buildOpenApiDocument(config.PUBLIC_BASE_URL) as unknown as OpenAPIObject;
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  },
});
