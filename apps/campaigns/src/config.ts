import { baseConfigSchema } from '@club/platform-config';

export const campaignsConfigSchema = baseConfigSchema;
export type CampaignsConfig = typeof campaignsConfigSchema._output;
