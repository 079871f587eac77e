import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { credentials, loadPackageDefinition, Metadata, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { join } from 'node:path';
import { GRPC_SERVICES, PROTO_LOADER_OPTIONS, PROTO_ROOT, type AwardPointsRequest, type TenantContext } from '@club/contracts';
import { CONFIG, tenantToMetadata } from '@club/platform-nest';
import type { CampaignsConfig } from '../config';

type Unary = (req: unknown, md: Metadata, opts: { deadline: number }, cb: (err: ServiceError | null, res: unknown) => void) => void;

/** What became of a hold the sweep asked points to capture. */
export type CaptureOutcome = 'captured' | 'not-captured';

const DEADLINE_MS = 5000;
/** Calls of one award before giving up (the caller retries later with the same award id). */
const AWARD_ATTEMPTS = 3;
const RETRIABLE = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED, status.ABORTED]);

/**
 * Campaigns' calls to the points service: the reward sweep capturing a hold the gateway abandoned
 * between "held" and "fulfilled" (see RewardSweepService), and the points of event-triggered rules
 * (`AwardPoints`, see MemberEventsService). Not configured (no POINTS_GRPC_ADDR): such redemptions
 * wait for the client's retry, and awards fail (the event is retried).
 */
@Injectable()
export class PointsClient implements OnApplicationShutdown {
  private readonly client: Client | undefined;

  constructor(@Inject(CONFIG) config: Pick<CampaignsConfig, 'POINTS_GRPC_ADDR'>) {
    if (!config.POINTS_GRPC_ADDR) return;
    const svc = GRPC_SERVICES.points;
    const def = loadSync(join(PROTO_ROOT, svc.protoPath), { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    let node: unknown = loadPackageDefinition(def);
    for (const part of svc.package.split('.')) node = (node as Record<string, unknown>)[part];
    const Ctor = (node as Record<string, new (a: string, c: ReturnType<typeof credentials.createInsecure>, o: object) => Client>)[svc.service];
    this.client = new Ctor(config.POINTS_GRPC_ADDR, credentials.createInsecure(), { 'grpc.keepalive_time_ms': 30_000 });
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  onApplicationShutdown(): void {
    this.client?.close();
  }

  /**
   * CaptureRedemption, idempotent in points (`capture:<id>`: a capture made earlier answers again
   * as captured; a refusal is recorded and answered again). `not-captured`: points refused
   * (FAILED_PRECONDITION: the hold was released or expired — after its TTL it can never be
   * captured) or knows no such hold (NOT_FOUND). Anything else (unavailable, deadline) throws:
   * the next sweep asks again.
   */
  capture(tenant: TenantContext, pointsRedemptionId: string): Promise<CaptureOutcome> {
    const client = this.client as unknown as Record<string, Unary> | undefined;
    if (!client) return Promise.reject(new Error('POINTS_GRPC_ADDR is not configured'));
    const md = tenantToMetadata(tenant, new Metadata());
    return new Promise<CaptureOutcome>((resolve, reject) => {
      client.CaptureRedemption.call(client, { redemptionId: pointsRedemptionId }, md, { deadline: Date.now() + DEADLINE_MS }, (err) => {
        if (!err) resolve('captured');
        else if (err.code === status.FAILED_PRECONDITION || err.code === status.NOT_FOUND) resolve('not-captured');
        else reject(err);
      });
    });
  }

  /**
   * AwardPoints, idempotent in points per `awardId` (a repeat answers the first credit). A timeout
   * or an unavailable points service is retried here with the same id, then thrown: the caller's
   * retry (Kafka redelivery) calls again with the same id, so the points are credited once.
   */
  async award(tenant: TenantContext, req: AwardPointsRequest): Promise<void> {
    const client = this.client as unknown as Record<string, Unary> | undefined;
    if (!client) throw new Error('POINTS_GRPC_ADDR is not configured: event-triggered points cannot be credited');
    for (let attempt = 1; ; attempt++) {
      try {
        await new Promise<void>((resolve, reject) => {
          client.AwardPoints.call(client, { json: JSON.stringify(req) }, tenantToMetadata(tenant, new Metadata()), { deadline: Date.now() + DEADLINE_MS }, (err) => (err ? reject(err) : resolve()));
        });
        return;
      } catch (err) {
        if (attempt >= AWARD_ATTEMPTS || !RETRIABLE.has((err as ServiceError).code)) throw err;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }
}
