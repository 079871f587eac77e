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
    const document = buildOpenApiDocument(config.PUBLIC_BASE_URL) as unknown as OpenAPIObject;
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  },
});
