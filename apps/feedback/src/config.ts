import { baseConfigSchema } from '@club/platform-config';

export const feedbackConfigSchema = baseConfigSchema;
export type FeedbackConfig = typeof feedbackConfigSchema._output;
