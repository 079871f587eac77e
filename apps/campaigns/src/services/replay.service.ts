import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { CampaignReplayRequest, CampaignReplayView, TenantContext } from '@club/contracts';
import { Clock, Ids, invalidArgument, JobWorker, LOGGER, notFound, rpcError, UnitOfWork } from '@club/platform-nest';
import { statusAt } from '../domain/campaign-lifecycle';
import { DRAFT_ID, EMPTY_TALLY, pageCounterKeys, replayContext, replayPage, type ReplaySets } from '../domain/replay';
import { compileCampaign, createRuleEnvironment, prepareCampaignSet, type CompiledCampaign, type RuleContext } from '../domain/rule-engine';
import { CampaignRepository } from '../repositories/campaign.repository';
import { CampaignSettingsRepository } from '../repositories/campaign-settings.repository';
import { ReplayRepository, type CampaignReplay, type ReplayPlan } from '../repositories/replay.repository';
import { tenantRules } from './campaign-cache.service';
import { toDefinition } from './campaign-check';

const LEASE_MS = 120_000;
const DAY_MS = 86_400_000;
/** Unfinished replays a club may have at once (each scans up to 90 days of checkouts). */
export const MAX_UNFINISHED_REPLAYS = 3;

export function toReplayView(r: CampaignReplay): CampaignReplayView {
  const t = r.report;
  return {
    id: r.id,
    status: r.status,
    campaignId: r.campaignId,
    name: r.plan.draft.definition.name,
    days: r.days,
    from: r.windowFrom.toISOString(),
    to: r.windowTo.toISOString(),
    liveCampaigns: r.plan.live.length,
    scanned: t.scanned,
    matched: t.matched,
    membersReached: t.membersReached,
    skipped: t.skipped,
    points: String(BigInt(t.campaign.points) - BigInt(t.displaced.points)),
    discount: String(BigInt(t.campaign.discount) - BigInt(t.displaced.discount)),
    campaign: t.campaign,
    displaced: t.displaced,
    rules: [...t.rules],
    budgetExhaustedAt: t.budgetExhaustedAt,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Replays of a draft (or a saved campaign) over the checkouts recorded in the last N days, to see
 * what it would cost before it goes live. A leased background job like the members passes: the
 * request fixes the plan (the draft, the live campaigns it stacks with, the club's group modes,
 * point value and declared attributes) and the window; a worker then replays one page of
 * checkouts per transaction in recorded order (keyset on (recorded at, transaction id)), committing
 * the cursor, the report and the runs' counters together, so a crashed replica's replay is
 * resumed by any replica after its lease with the same numbers. See `domain/replay.ts` for what
 * is computed.
 */
@Injectable()
export class ReplayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: JobWorker<CampaignReplay>;
  /** Compiled line-ups of the replays this process is running. */
  private readonly compiled = new Map<string, ReplaySets>();
  /** Checkouts per page (one transaction each). */
  pageSize = 1000;

  constructor(
    private readonly replays: ReplayRepository,
    private readonly campaigns: CampaignRepository,
    private readonly settings: CampaignSettingsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.worker = new JobWorker('campaign-replay', () => this.replays.claim(LEASE_MS), (r) => this.process(r), logger);
  }

  /** Starts a replay: 400 when the campaign does not compile against the club's rules, 429 beyond {@link MAX_UNFINISHED_REPLAYS}. */
  async request(tenant: TenantContext, req: CampaignReplayRequest, operator: string): Promise<CampaignReplayView> {
    if ((await this.replays.unfinished(tenant.tenantId)) >= MAX_UNFINISHED_REPLAYS) {
      throw rpcError(status.RESOURCE_EXHAUSTED, `at most ${MAX_UNFINISHED_REPLAYS} replays may run at once; wait for one to finish`);
    }
    const now = this.clock.now();
    const [published, setup] = await Promise.all([this.campaigns.listPublished(tenant.tenantId), this.settings.ruleSetup(tenant.tenantId)]);
    const rules = tenantRules(setup);
    let draft: ReplayPlan['draft'];
    let pointer: string;
    if (req.campaignId !== undefined) {
      const c = await this.campaigns.find(tenant.tenantId, req.campaignId);
      if (!c) throw notFound('campaign not found');
      draft = { id: c.id, version: c.version, definition: c.definition };
      pointer = '#/campaign';
    } else {
      draft = { id: DRAFT_ID, version: 1, definition: req.draft! };
      pointer = '#/draft';
    }
    const compiled = compileCampaign(toDefinition(draft.definition, draft.id, draft.version), rules.env);
    if (!compiled.ok) throw invalidArgument('the campaign does not compile', compiled.errors.map((e) => ({ pointer: `${pointer}${e.pointer.slice(1)}`, detail: e.detail })));
    const plan: ReplayPlan = {
      tenant: { timeZone: tenant.timezone, calendar: tenant.calendar },
      draft,
      live: published.filter((c) => c.id !== draft.id && statusAt(c.state, c.definition, now) === 'active').map((c) => ({ id: c.id, version: c.version, definition: c.definition })),
      groups: rules.groups,
      pointValue: rules.pointValue,
      attributes: setup.attributes,
    };
    const replay = await this.replays.create(tenant.tenantId, {
      id: this.ids.uuid(),
      campaignId: req.campaignId ?? null,
      days: req.days,
      // [from, to) in whole milliseconds while the database records microseconds: `to` is the next
      // millisecond, so a checkout recorded in the same millisecond as the request is inside.
      windowFrom: new Date(now.getTime() + 1 - req.days * DAY_MS),
      windowTo: new Date(now.getTime() + 1),
      plan,
      report: EMPTY_TALLY,
      requestedBy: operator,
    });
    this.worker.kick();
    return toReplayView(replay);
  }

  async get(tenant: TenantContext, id: string): Promise<CampaignReplayView> {
    const r = await this.replays.find(tenant.tenantId, id);
    if (!r) throw notFound('replay not found');
    return toReplayView(r);
  }

  /** Erasure: the member facts stored with the member's checkouts are deleted (the consumer's transaction). */
  async forgetMember(m: EntityManager, tenantId: string, memberId: string): Promise<void> {
    await this.replays.forgetMember(m, tenantId, memberId);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop(); // the page in hand commits; the rest resumes from the cursor after the lease
  }

  /** Processes claimable replays until none is left (tests call it directly). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  async process(r: CampaignReplay): Promise<void> {
    const started = Date.now();
    try {
      const outcome = await this.worker.settle(
        () => this.worker.steps(() => this.step(r.tenantId, r.id)),
        (s, error) => this.replays.finish(r.tenantId, r.id, s, error),
        { replay_id: r.id },
      );
      if (outcome === 'completed') this.logger.info({ replay_id: r.id, ms: Date.now() - started }, 'campaign replay completed');
    } finally {
      this.compiled.delete(r.id);
    }
  }

  /** One transaction: the next page of checkouts. False when none is left. */
  async step(tenantId: string, id: string): Promise<boolean> {
    return this.uow.run(async (m) => {
      const r = await this.replays.lock(m, tenantId, id);
      if (!r || r.status !== 'running') return false;
      const rows = await this.replays.page(m, r, this.pageSize);
      if (rows.length === 0) return false;
      const sets = this.setsOf(r);
      const contexts = rows.map((row): RuleContext | null => {
        try {
          return replayContext(row.facts, r.plan.tenant);
        } catch (err) {
          if (err instanceof RangeError) return null; // counted as skipped
          throw err;
        }
      });
      const keys = pageCounterKeys(
        sets,
        contexts.filter((c): c is RuleContext => c !== null),
      );
      const counters = { base: await this.replays.tallies(m, tenantId, id, 'base', keys.base), with: await this.replays.tallies(m, tenantId, id, 'with', keys.with) };
      const out = replayPage(sets, rows, contexts, counters, r.report);
      const newlyReached = await this.replays.reach(m, tenantId, id, out.reached);
      await this.replays.saveTallies(m, tenantId, id, 'base', [...out.touched.base].map((k) => [k, counters.base.get(k) ?? 0] as const));
      await this.replays.saveTallies(m, tenantId, id, 'with', [...out.touched.with].map((k) => [k, counters.with.get(k) ?? 0] as const));
      const last = rows[rows.length - 1];
      await this.replays.advance(m, tenantId, id, { at: last.recordedAt, transactionId: last.transactionId }, { ...out.tally, membersReached: out.tally.membersReached + newlyReached }, LEASE_MS);
      return rows.length === this.pageSize;
    });
  }

  /** The replay's line-ups, compiled once per process from its fixed plan. */
  private setsOf(r: CampaignReplay): ReplaySets {
    const cached = this.compiled.get(r.id);
    if (cached) return cached;
    const env = createRuleEnvironment(r.plan.attributes);
    const draft = compileCampaign(toDefinition(r.plan.draft.definition, r.plan.draft.id, r.plan.draft.version), env);
    if (!draft.ok) throw new Error(`the replayed campaign does not compile: ${draft.errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}`);
    const live: CompiledCampaign[] = [];
    for (const c of r.plan.live) {
      const compiled = compileCampaign(toDefinition(c.definition, c.id, c.version), env);
      if (compiled.ok) live.push(compiled.campaign);
      else this.logger.warn({ replay_id: r.id, campaign_id: c.id, version: c.version }, 'a live campaign does not compile; replayed without it');
    }
    const options = { groups: r.plan.groups, pointValue: r.plan.pointValue };
    const sets: ReplaySets = { base: prepareCampaignSet(live, options), with: prepareCampaignSet([...live, draft.campaign], options), draft: draft.campaign };
    this.compiled.set(r.id, sets);
    return sets;
  }
}
