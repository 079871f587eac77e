import { startTelemetry } from '@club/platform-observability';

startTelemetry('feedback');
