import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TenantContext } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { Clock, Ids, invalidArgument, LOGGER, notFound, UnitOfWork, PerTenantOnce } from '@club/platform-nest';
import { localDateOf } from '../domain/period';
import { compileRule, memberFactSchema, type FieldType } from '../domain/segment-rule';
import { tenureDays } from '../domain/tier-program';
import { MemberRepository } from '../repositories/member.repository';
import { SegmentsRepository, type MemberFactsRow, type SegmentRecord } from '../repositories/segments.repository';

const WRITE_BATCH = 2000;

const ATTRIBUTE_FIELD: Record<string, FieldType> = { string: 'string', enum: 'string', number: 'number', boolean: 'boolean', date: 'date' };

/**
 * Rule-based segments and persona rules over the member facts (profile, custom attributes, tier,
 * RFM, CIVILFORMD, journey stage, tenure). Rules are type-checked when saved (an unknown field or
 * a wrong value type is a 400 then, never a surprise later). A recompute evaluates every rule for
 * every member, applies the difference to the membership tables in batches and emits one
 * `members.segment-membership.changed.v1` per change; recomputing again changes nothing.
 */
@Injectable()
export class SegmentsService {
  private readonly once = new PerTenantOnce<{ members: number; joined: number; left: number }>();

  constructor(
    private readonly segments: SegmentsRepository,
    private readonly members: MemberRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async defineSegment(tenant: TenantContext, input: { kind: 'segment' | 'persona'; name: string; rule: unknown }): Promise<SegmentRecord> {
    const compiled = compileRule(input.rule, await this.schema(tenant));
    if (!compiled.ok) throw invalidArgument('invalid rule', compiled.errors.map((detail) => ({ pointer: '#/rule', detail })));
    return this.segments.upsertSegment(tenant.tenantId, { id: this.ids.uuid(), ...input });
  }

  listSegments(tenant: TenantContext): Promise<SegmentRecord[]> {
    return this.segments.listSegments(tenant.tenantId);
  }

  async listMembers(tenant: TenantContext, segmentId: string, cursor: string | null, limit: number) {
    if (!(await this.segments.segmentExists(tenant.tenantId, segmentId))) throw notFound('segment not found');
    const rows = await this.segments.listMembers(tenant.tenantId, segmentId, cursor, limit);
    return { items: rows.map((r) => ({ memberId: r.memberId, since: r.since.toISOString() })), nextCursor: rows.length === limit ? rows[rows.length - 1].memberId : null };
  }

  async memberSegments(tenant: TenantContext, memberId: string) {
    if (!(await this.members.findById(tenant.tenantId, memberId))) throw notFound('member not found');
    const rows = await this.segments.memberSegments(tenant.tenantId, memberId);
    return {
      segments: rows.filter((r) => r.kind === 'segment').map((r) => ({ id: r.id, name: r.name, since: r.since.toISOString() })),
      personas: rows.filter((r) => r.kind === 'persona').map((r) => r.name),
    };
  }

  recompute(tenant: TenantContext): Promise<{ members: number; joined: number; left: number }> {
    return this.once.run(tenant.tenantId, () => this.computeAll(tenant));
  }

  startRecompute(tenant: TenantContext): { status: 'started' } {
    this.recompute(tenant).catch((err: unknown) => this.logger.error({ err }, 'segment recompute failed'));
    return { status: 'started' };
  }

  private async schema(tenant: TenantContext) {
    const defs = await this.members.listAttributeDefinitions(tenant.tenantId);
    return memberFactSchema(Object.fromEntries(defs.map((d) => [d.key, ATTRIBUTE_FIELD[d.type]])));
  }

  private facts(row: MemberFactsRow, personas: string[], now: Date, timeZone: string): Record<string, unknown> {
    return {
      gender: row.gender ?? undefined,
      maritalStatus: row.marital_status ?? undefined,
      economicBand: row.economic_band ?? undefined,
      interests: row.interests,
      lifestyle: row.lifestyle,
      preferredChannels: row.preferred_channels,
      primaryNeed: row.primary_need ?? undefined,
      secondaryNeeds: row.secondary_needs,
      joinReason: row.join_reason ?? undefined,
      birthDate: row.birth_date ?? undefined,
      memberSince: localDateOf(row.created_at, timeZone),
      tenureDays: tenureDays(row.created_at, now),
      tier: row.tier ?? undefined,
      rfm: row.rfm ? { r: row.r, f: row.f, m: row.m, code: row.rfm } : undefined,
      civilformd: row.civilformd_total === null ? undefined : { total: row.civilformd_total },
      journeyStage: row.journey_stage,
      personas,
      attributes: row.attributes,
    };
  }

  private async computeAll(tenant: TenantContext): Promise<{ members: number; joined: number; left: number }> {
    const started = Date.now();
    const now = this.clock.now();
    const schema = await this.schema(tenant);
    const all = await this.segments.listSegments(tenant.tenantId);
    const compiled = all.flatMap((s) => {
      const c = compileRule(s.rule, schema);
      return c.ok ? [{ segment: s, evaluate: c.evaluate }] : []; // a rule invalidated by an attribute change is skipped (and logged below)
    });
    if (compiled.length < all.length) this.logger.warn({ skipped: all.length - compiled.length }, 'segments with rules no longer valid were skipped');
    const personas = compiled.filter((c) => c.segment.kind === 'persona');
    const plain = compiled.filter((c) => c.segment.kind === 'segment');
    const rows = await this.segments.loadFacts(tenant.tenantId);
    const target = new Set<string>();
    for (const row of rows) {
      const base = this.facts(row, [], now, tenant.timezone);
      const labels = personas.filter((p) => p.evaluate(base)).map((p) => p.segment);
      for (const p of labels) target.add(`${p.id}|${row.id}`);
      // Segment rules may use the personas just assigned.
      const withPersonas = { ...base, personas: labels.map((p) => p.name) };
      for (const s of plain) if (s.evaluate(withPersonas)) target.add(`${s.segment.id}|${row.id}`);
    }
    const current = new Set((await this.segments.currentMembership(tenant.tenantId)).map((r) => `${r.segment_id}|${r.member_id}`));
    const known = new Set(compiled.map((c) => c.segment.id));
    const joined = [...target].filter((k) => !current.has(k));
    const left = [...current].filter((k) => !target.has(k) && known.has(k.split('|')[0]));
    const names = new Map(all.map((s) => [s.id, s]));
    const split = (k: string) => {
      const [segmentId, memberId] = k.split('|');
      return { segmentId, memberId };
    };
    for (const [list, change] of [
      [joined, 'joined'],
      [left, 'left'],
    ] as const) {
      for (let at = 0; at < list.length; at += WRITE_BATCH) {
        const pairs = list.slice(at, at + WRITE_BATCH).map(split);
        await this.uow.run(async (m) => {
          const done =
            change === 'joined' ? await this.segments.addMembers(m, tenant.tenantId, pairs, now) : await this.segments.removeMembers(m, tenant.tenantId, pairs);
          const events: NewEvent<'members.segment-membership.changed.v1'>[] = pairs.filter((p) => done.has(`${p.segmentId}|${p.memberId}`)).map((p) => ({
            topic: 'members.segment-membership.changed.v1',
            tenantId: tenant.tenantId,
            subject: p.memberId,
            time: now,
            data: { memberId: p.memberId, segmentId: p.segmentId, kind: names.get(p.segmentId)!.kind, name: names.get(p.segmentId)!.name, change, at: now.toISOString() },
          }));
          await this.outbox.enqueueMany(m, events);
        });
      }
    }
    this.logger.info({ members: rows.length, joined: joined.length, left: left.length, ms: Date.now() - started }, 'segments recomputed');
    return { members: rows.length, joined: joined.length, left: left.length };
  }
}
