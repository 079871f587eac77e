import { startTelemetry } from '@club/platform-observability';

startTelemetry('points');
