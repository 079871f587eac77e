import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import { ledgerJobRefSchema, ledgerJobRequestSchema, liabilityRequestSchema, type TenantContext } from '@club/contracts';
import { invalidArgument, Tenant, validateRpc } from '@club/platform-nest';
import { LedgerJobService } from '../services/ledger-job.service';
import { LiabilityService } from '../services/liability.service';

/** Parses a JsonDocument's JSON with the shared contract schema (an empty document is `{}`). */
function parseDocument<S extends z.ZodType>(schema: S, req: { json?: string }): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(req.json || '{}');
  } catch {
    throw invalidArgument('the document is not valid JSON');
  }
  return validateRpc(schema, value) as z.infer<S>;
}

/** The ledger jobs and the liability report (JSON documents validated by libs/contracts schemas). */
@Controller()
export class LedgerJobsGrpcController {
  constructor(
    private readonly jobs: LedgerJobService,
    private readonly liability: LiabilityService,
  ) {}

  @GrpcMethod('PointsService', 'StartLedgerJob')
  async startLedgerJob(@Payload() req: { json?: string }, @Tenant() tenant: TenantContext): Promise<{ json: string }> {
    return { json: JSON.stringify(await this.jobs.startJob(tenant, parseDocument(ledgerJobRequestSchema, req))) };
  }

  @GrpcMethod('PointsService', 'GetLedgerJob')
  async getLedgerJob(@Payload() req: { json?: string }, @Tenant() tenant: TenantContext): Promise<{ json: string }> {
    return { json: JSON.stringify(await this.jobs.getJob(tenant, parseDocument(ledgerJobRefSchema, req).id)) };
  }

  @GrpcMethod('PointsService', 'GetLiability')
  async getLiability(@Payload() req: { json?: string }, @Tenant() tenant: TenantContext): Promise<{ json: string }> {
    return { json: JSON.stringify(await this.liability.getLiability(tenant, parseDocument(liabilityRequestSchema, req))) };
  }
}
