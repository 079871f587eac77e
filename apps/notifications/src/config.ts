import { baseConfigSchema } from '@club/platform-config';

export const notificationsConfigSchema = baseConfigSchema;
export type NotificationsConfig = typeof notificationsConfigSchema._output;
