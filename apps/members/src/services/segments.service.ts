import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { localDateOf } from '@club/calendar';
import type { TenantContext } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { Ids, invalidArgument, notFound } from '@club/platform-nest';
import { compileRule, memberFactSchema, type FieldType } from '../domain/segment-rule';
import { ladderAt, standingResolver, type TierLadder } from '../domain/tier';
import { tenureDays, toLadder } from '../domain/tier-program';
import { ActivityRepository } from '../repositories/activity.repository';
import { MemberRepository } from '../repositories/member.repository';
import type { MemberPass } from '../repositories/member-pass.repository';
import { SegmentsRepository, type MemberFactsRow, type SegmentRecord } from '../repositories/segments.repository';
import type { PassHandler } from './member-pass.service';

const ATTRIBUTE_FIELD: Record<string, FieldType> = { string: 'string', enum: 'string', number: 'number', boolean: 'boolean', date: 'date' };

interface SegmentsState {
  readonly attributes: Record<string, FieldType>;
  /** Every version of the club's tier ladder: stored codes are read against the one in force (renamed codes mapped). */
  readonly ladders: readonly TierLadder[];
  readonly segments: readonly { id: string; kind: SegmentRecord['kind']; name: string; rule: unknown }[];
}

/**
 * Rule-based segments and persona rules over the member facts (profile, custom attributes, tier,
 * RFM, CIVILFORMD, journey stage, tenure). Rules are type-checked when saved (an unknown field or
 * a wrong value type is a 400 then, never a surprise later). A recompute evaluates every rule for
 * every member a page at a time (a `MemberPass`), applies the difference to the membership table
 * and emits one `members.segment-membership.changed.v1` per change; recomputing again changes
 * nothing. The rules are fixed when the pass starts.
 */
@Injectable()
export class SegmentsService implements PassHandler {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly members: MemberRepository,
    private readonly activity: ActivityRepository,
    private readonly outbox: OutboxRepository,
    private readonly ids: Ids,
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

  /** Fixes the rules (and the attribute types they are checked against) for the whole pass. */
  async prepare(m: EntityManager, pass: MemberPass): Promise<SegmentsState> {
    const defs = await this.members.listAttributeDefinitions(pass.tenantId);
    const all = await this.segments.listSegments(pass.tenantId);
    return {
      attributes: Object.fromEntries(defs.map((d) => [d.key, ATTRIBUTE_FIELD[d.type]])),
      ladders: (await this.activity.listLadders(m, pass.tenantId)).map(toLadder),
      segments: all.map((s) => ({ id: s.id, kind: s.kind, name: s.name, rule: s.rule })),
    };
  }

  /**
   * One page: evaluates personas then segments for each member, applies the difference to the
   * membership table and emits one `members.segment-membership.changed.v1` per change.
   */
  async batch(m: EntityManager, pass: MemberPass, limit: number): Promise<{ last: string | null; processed: number; changed: number }> {
    const state = pass.state as SegmentsState;
    const now = pass.asOf;
    const rows = await this.segments.pageFacts(m, pass.tenantId, pass.cursor, limit);
    if (rows.length === 0) return { last: null, processed: 0, changed: 0 };
    const schema = memberFactSchema(state.attributes);
    const compiled = state.segments.flatMap((s) => {
      const c = compileRule(s.rule, schema);
      return c.ok ? [{ segment: s, evaluate: c.evaluate }] : []; // a rule invalidated by an attribute change is skipped
    });
    const personas = compiled.filter((c) => c.segment.kind === 'persona');
    const plain = compiled.filter((c) => c.segment.kind === 'segment');
    const inForce = ladderAt(state.ladders, now.toISOString());
    const resolve = inForce ? standingResolver(state.ladders, inForce) : undefined;
    const tierOf = (row: MemberFactsRow): string | null =>
      row.tier === null || !resolve || row.tier_since === null || row.tier_version === null
        ? row.tier
        : resolve({ code: row.tier, since: row.tier_since.toISOString(), ladderVersion: row.tier_version }).standing.code;
    const target = new Set<string>();
    for (const row of rows) {
      const base = this.facts({ ...row, tier: tierOf(row) }, [], now, pass.timezone);
      const labels = personas.filter((p) => p.evaluate(base)).map((p) => p.segment);
      for (const p of labels) target.add(`${p.id}|${row.id}`);
      // Segment rules may use the personas just assigned.
      const withPersonas = { ...base, personas: labels.map((p) => p.name) };
      for (const s of plain) if (s.evaluate(withPersonas)) target.add(`${s.segment.id}|${row.id}`);
    }
    const current = await this.segments.membershipOf(m, pass.tenantId, rows.map((r) => r.id));
    const known = new Set(compiled.map((c) => c.segment.id));
    const split = (k: string) => {
      const [segmentId, memberId] = k.split('|');
      return { segmentId, memberId };
    };
    const joined = [...target].filter((k) => !current.has(k)).map(split);
    const left = [...current].filter((k) => !target.has(k) && known.has(k.split('|')[0])).map(split);
    const added = await this.segments.addMembers(m, pass.tenantId, joined, now);
    const removed = await this.segments.removeMembers(m, pass.tenantId, left);
    const names = new Map(state.segments.map((s) => [s.id, s]));
    const event = (p: { segmentId: string; memberId: string }, change: 'joined' | 'left'): NewEvent<'members.segment-membership.changed.v1'> => ({
      topic: 'members.segment-membership.changed.v1',
      tenantId: pass.tenantId,
      subject: p.memberId,
      time: now,
      data: { memberId: p.memberId, segmentId: p.segmentId, kind: names.get(p.segmentId)!.kind, name: names.get(p.segmentId)!.name, change, at: now.toISOString() },
    });
    const events = [
      ...joined.filter((p) => added.has(`${p.segmentId}|${p.memberId}`)).map((p) => event(p, 'joined')),
      ...left.filter((p) => removed.has(`${p.segmentId}|${p.memberId}`)).map((p) => event(p, 'left')),
    ];
    await this.outbox.enqueueMany(m, events);
    return { last: rows[rows.length - 1].id, processed: rows.length, changed: new Set(events.map((e) => e.subject)).size };
  }
}
