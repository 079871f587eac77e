import { baseConfigSchema } from '@club/platform-config';

export const pointsConfigSchema = baseConfigSchema;
export type PointsConfig = typeof pointsConfigSchema._output;
