import './instrumentation';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { loadConfigOrExit } from '@club/platform-config';
import { createLogger } from '@club/platform-observability';
import { bootstrapService } from '@club/platform-nest';
import { gatewayConfigSchema } from './config';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi/openapi';

const config = loadConfigOrExit(gatewayConfigSchema, 'gateway');
const logger = createLogger('gateway', config.LOG_LEVEL);

bootstrapService({
  service: 'gateway',
  module: AppModule.register(config, logger),
  config,
  logger,
  configureHttp: (app) => {
    const document = buildOpenApiDocument(config.PUBLIC_BASE_URL) as unknown as OpenAPIObject;
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  },
}).catch((err: unknown) => {
  logger.fatal({ err }, 'gateway failed to start');
  process.exit(1);
});
