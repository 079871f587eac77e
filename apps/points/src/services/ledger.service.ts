import { Injectable } from '@nestjs/common';
import type { RpcException } from '@nestjs/microservices';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ledgerPolicySchema, type CheckoutEffect, type LedgerPolicy, type TenantContext, type TopicName } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { alreadyExists, Clock, failedPrecondition, Ids, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import { accountChanges, canonicalJson, partialAccount, runningBalances } from '../domain/account-changes';
import { defaultEarnRate, pointsForAmount, type EarnRate } from '../domain/earn';
import { assertExpiryPolicy } from '../domain/expiry';
import {
  type Account,
  applyOperation,
  type Balances,
  type Entry,
  type LedgerConfig,
  type LedgerError,
  type Operation,
  type OperationResult,
  type RedemptionStatus,
} from '../domain/ledger-model';
import type { Lot } from '../domain/lots';
import type { CheckoutLine, ReturnError, ReturnPlan } from '../domain/returns';
import {
  type AuditRecord,
  type CheckoutFacts,
  LedgerRepository,
  type LockedAccount,
  type StatementEntry,
  type StoredResult,
} from '../repositories/ledger.repository';

export interface CheckoutItemInput {
  readonly sku: string;
  readonly category?: string;
  readonly quantity: number;
  /** Minor units per unit. */
  readonly unitPrice: number;
}

export interface EarnForCheckoutCommand {
  readonly transactionId: string;
  readonly storeId: string;
  readonly memberId: string;
  readonly amount: number;
  readonly currency: string;
  readonly requestHash: string;
  readonly items?: readonly CheckoutItemInput[];
  /** Points spent on this checkout first (all or nothing). */
  readonly redeemPoints?: number;
  /** The campaigns' effects (EvaluateCheckout): their points are credited with the base points. */
  readonly campaignEffects?: readonly CheckoutEffect[];
  /** Coupons redeemed with the checkout, for the recorded event. */
  readonly couponCodes?: readonly string[];
}

export interface RedeemCommand {
  readonly memberId: string;
  readonly redemptionId: string;
  readonly points: number;
  readonly reason?: string;
  /** Hold (capture or release later) rather than spend now. */
  readonly hold: boolean;
}

/** Items or an amount (minor units), not both. */
export interface ReturnCommand {
  readonly transactionId: string;
  readonly returnId: string;
  readonly items?: readonly { readonly sku: string; readonly quantity: number }[];
  readonly amount?: number;
}

export interface AdjustCommand {
  readonly memberId: string;
  readonly adjustmentId: string;
  /** Non-zero: positive credits a new active lot, negative takes available points soonest-expiring first. */
  readonly points: number;
  readonly reason: string;
  readonly operator: string;
}

export interface EarnResult {
  readonly transactionId: string;
  readonly memberId: string;
  readonly pointsEarned: number;
  readonly pointsRedeemed: number;
  readonly pending: boolean;
  /** ISO instant the pending points activate; '' when active at once or waiting for an accept. */
  readonly activatesAt: string;
  readonly balance: Balances;
  /** What the earn rate gave; pointsEarned = basePoints + campaignPoints. */
  readonly basePoints: number;
  readonly campaignPoints: number;
}

export interface RedemptionResult {
  readonly redemptionId: string;
  readonly memberId: string;
  readonly status: RedemptionStatus;
  readonly points: number;
  /** ISO instant while held, else ''. */
  readonly holdExpiresAt: string;
  readonly balance: Balances;
}

export interface ReturnResult {
  readonly transactionId: string;
  readonly returnId: string;
  readonly memberId: string;
  /** Earned points the returned lines carried: taken back, forgiven or owed. */
  readonly pointsReversed: number;
  /** Redeemed points given back. */
  readonly pointsRefunded: number;
  /** Of pointsReversed, what the negative-balance policy did not take. */
  readonly pointsForgiven: number;
  /** Of pointsReversed, what was taken beyond the balance (allow-negative). */
  readonly pointsNegative: number;
  readonly balance: Balances;
}

/** Points a campaign rule awards outside a checkout (an event-triggered rule): a positive adjustment by `campaigns`. */
export interface AwardCommand {
  /** Idempotency key chosen by campaigns: one per (event, campaign, rule). */
  readonly awardId: string;
  readonly memberId: string;
  /** Positive. */
  readonly points: number;
  readonly reason: string;
  readonly provenance: EarnProvenance;
}

export interface AdjustResult {
  readonly adjustmentId: string;
  readonly memberId: string;
  readonly points: number;
  readonly balance: Balances;
}

export interface EntryPageResult {
  readonly items: readonly StatementEntry[];
  readonly nextCursor: string | null;
}

export type Replayable<T> = T & { readonly replayed: boolean };

/** The field pointers an operation's errors name. */
interface Pointers {
  readonly id: string;
  /** The checkout a return is against (for its messages). */
  readonly transactionId?: string;
  readonly points?: string;
  readonly items?: readonly { readonly sku: string }[];
}

interface OperationContext {
  readonly memberId: string;
  readonly locked: LockedAccount;
  readonly at: Date;
  readonly policy: LedgerPolicy;
  readonly cfg: LedgerConfig;
}

/** What the model is asked, and how its answer becomes rows, events and a response. */
interface Decision {
  readonly before: Account;
  readonly op: Operation;
  readonly entryFacts: {
    readonly transactionId: string | null;
    readonly storeId: string | null;
    readonly reason: string | null;
    readonly operator: string | null;
    /** Where an earn entry's points came from (base rate and campaigns); null for other operations. */
    readonly provenance?: EarnProvenance | null;
  };
  readonly respond: (after: Account, result: Extract<OperationResult, { ok: true }>) => object;
  readonly newCheckout?: CheckoutFacts;
  readonly audit?: (memberId: string) => AuditRecord[];
  readonly events?: (after: Account, result: Extract<OperationResult, { ok: true }>) => NewEvent<TopicName>[];
}

interface OperationRequest {
  readonly key: string;
  /** Hashed with the key's kind; binds the key to this request. */
  readonly payload: object;
  /** Another stored hash that also counts as this request (checkouts recorded before issue 4). */
  readonly legacyHash?: string;
  /** The member the operation is about, found inside the transaction; undefined: NOT_FOUND. */
  readonly member: (m: EntityManager) => Promise<string | undefined>;
  readonly notFound: string;
  readonly pointers: Pointers;
  readonly decide: (m: EntityManager, ctx: OperationContext) => Promise<Decision>;
}

type Settled = { readonly kind: 'done'; readonly response: object; readonly replayed: boolean } | { readonly kind: 'error'; readonly error: RpcException };

const UNIQUE_VIOLATION = '23505';
const MAX_ATTEMPTS = 3;

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  return e?.code === UNIQUE_VIOLATION || e?.driverError?.code === UNIQUE_VIOLATION;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const isoOrEmpty = (d: Date | null | undefined) => (d ? d.toISOString() : '');
const sumPoints = (entries: readonly Entry[], pred: (e: Entry) => boolean) => entries.filter(pred).reduce((s, e) => s + e.points, 0);

/** The rejection a return error becomes: malformed requests are 400, returns the checkout cannot take 422. */
function returnProblem(error: ReturnError, transactionId: string, pointers: Pointers): RpcException {
  const itemIndex = (sku: string) => Math.max(0, pointers.items?.findIndex((i) => i.sku === sku) ?? 0);
  switch (error.code) {
    case 'empty-return':
      return invalidArgument('a return needs items or an amount', [{ pointer: '#/items', detail: 'give at least one item, or an amount' }]);
    case 'invalid-quantity':
      return invalidArgument(`invalid quantity for sku ${error.sku}`, [{ pointer: `#/items/${itemIndex(error.sku)}/quantity`, detail: 'must be a positive integer' }]);
    case 'invalid-amount':
      return invalidArgument('invalid amount', [{ pointer: '#/amount', detail: 'must be a positive integer (minor units)' }]);
    case 'unknown-sku':
      return failedPrecondition(`sku ${error.sku} was not bought in checkout ${transactionId}`, [
        { pointer: `#/items/${itemIndex(error.sku)}/sku`, detail: 'not in the checkout' },
      ]);
    case 'exceeds-purchase':
      return failedPrecondition(
        `cannot return ${error.requested} of sku ${error.sku}: ${error.bought} bought, ${error.returnable} still returnable`,
        [{ pointer: `#/items/${itemIndex(error.sku)}/quantity`, detail: `at most ${error.returnable}` }],
      );
    case 'exceeds-amount':
      return failedPrecondition(`cannot return ${error.requested}: only ${error.returnable} of checkout ${transactionId} is still returnable`, [
        { pointer: '#/amount', detail: `at most ${error.returnable}` },
      ]);
  }
}

/** The gRPC error a model rejection becomes (the same one on every replay). */
function ledgerProblem(error: LedgerError, key: string, pointers: Pointers): RpcException {
  switch (error.code) {
    case 'invalid':
      return invalidArgument(error.reason);
    case 'conflict':
      return alreadyExists(`${key} is already used for another request`, [{ pointer: pointers.id, detail: 'already used for another request' }]);
    case 'insufficient-points':
      return failedPrecondition(`not enough points: ${error.shortfall} short`, [{ pointer: pointers.points ?? '#/points', detail: `${error.shortfall} points short` }]);
    case 'unknown-redemption':
      return notFound('redemption not found');
    case 'not-held':
      return failedPrecondition(`the redemption is ${error.status}, not held`, [{ pointer: pointers.id, detail: `status ${error.status}` }]);
    case 'hold-expired':
      return failedPrecondition('the hold has expired', [{ pointer: pointers.id, detail: 'expired' }]);
    case 'unknown-checkout':
      return notFound('checkout not found');
    case 'return-rejected':
      return returnProblem(error.error, pointers.transactionId ?? '', pointers);
  }
}

/** Keyset cursor over a member's entries: the `seq` of the last entry shown. */
function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^s(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw invalidArgument('invalid cursor', [{ pointer: '#/cursor', detail: 'use the nextCursor of the previous page' }]);
  return Number(m[1]);
}

/** An earn entry's provenance: the base rate's part and each campaign effect that gave points. */
export interface EarnProvenance {
  readonly basePoints: number;
  readonly campaigns: readonly { readonly campaignId: string; readonly version: number; readonly ruleId: string; readonly kind: string; readonly points: number }[];
}

function earnProvenance(basePoints: number, effects: readonly CheckoutEffect[]): EarnProvenance {
  return {
    basePoints,
    campaigns: effects.filter((e) => e.points > 0).map((e) => ({ campaignId: e.campaignId, version: e.version, ruleId: e.ruleId, kind: e.kind, points: e.points })),
  };
}

/**
 * The member-facing ledger operations. Each runs in one transaction: lock the member's account
 * row and look the operation up by key in one statement (`<kind>:<id>`; same payload → the
 * stored answer, another → ALREADY_EXISTS), load the part of the account it needs, let the
 * reference model (`domain/ledger-model.ts`) decide, and persist the difference with the outcome
 * and one `points.ledger-entry.created.v1` event per entry in one more statement. Rejections
 * (not enough points, over-returns …) are recorded too, so a retry gets the same answer.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  /**
   * Credits a checkout exactly once per tenant and transaction id, spending `redeemPoints`
   * first (all or nothing: not enough points is FAILED_PRECONDITION and nothing is earned).
   * Points come from the amount at the tenant's rate and are attributed to the lines (one line
   * for the whole amount when no items are given), which returns reverse later.
   */
  async earnPoints(tenant: TenantContext, cmd: EarnForCheckoutCommand): Promise<Replayable<EarnResult>> {
    if (cmd.currency !== tenant.currency) {
      throw invalidArgument(`currency must be the tenant currency ${tenant.currency}`, [{ pointer: '#/currency', detail: `expected ${tenant.currency}` }]);
    }
    const items = cmd.items ?? [];
    const redeemPoints = cmd.redeemPoints ?? 0;
    const lines: CheckoutLine[] = items.length > 0 ? items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPrice: i.unitPrice })) : [{ sku: '*', quantity: 1, unitPrice: cmd.amount }];
    const lotId = `lot:${cmd.transactionId}`;
    const effects = cmd.campaignEffects ?? [];
    const couponCodes = cmd.couponCodes ?? [];
    const campaignPoints = effects.reduce((sum, e) => sum + e.points, 0);
    if (!Number.isSafeInteger(campaignPoints)) throw invalidArgument('campaign points overflow', [{ pointer: '#/campaignEffects', detail: 'too many points' }]);
    return this.execute<EarnResult>(tenant, {
      key: `earn:${cmd.transactionId}`,
      payload: {
        memberId: cmd.memberId,
        storeId: cmd.storeId,
        amount: cmd.amount,
        currency: cmd.currency,
        items: items.map((i) => ({ sku: i.sku, category: i.category ?? '', quantity: i.quantity, unitPrice: i.unitPrice })),
        redeemPoints,
        requestHash: cmd.requestHash,
        // Absent when empty, so checkouts recorded before campaigns keep their hash.
        ...(effects.length > 0 ? { campaignEffects: effects } : {}),
        ...(couponCodes.length > 0 ? { couponCodes } : {}),
      },
      legacyHash: `request:${cmd.requestHash}`,
      member: () => Promise.resolve(cmd.memberId),
      notFound: 'member not found',
      pointers: { id: '#/transactionId', points: '#/redeemPoints' },
      decide: async (m, ctx) => {
        const rate: EarnRate = { ...(ctx.locked.earnRate ?? defaultEarnRate(tenant.currency)), rounding: ctx.policy.earnRounding };
        const basePoints = pointsForAmount(cmd.amount, rate);
        const points = basePoints + campaignPoints;
        if (!Number.isSafeInteger(points)) throw invalidArgument('points overflow', [{ pointer: '#/amount', detail: 'too many points' }]);
        // The till's hot path: a plain earn with no debt touches no lot.
        const lots = redeemPoints > 0 || ctx.locked.debt > 0 ? await this.spendableLots(m, tenant, ctx, redeemPoints) : [];
        return {
          before: partialAccount({ lots, redemptions: [], checkouts: [], balances: ctx.locked.balances, debt: ctx.locked.debt }),
          op: { kind: 'earn', id: cmd.transactionId, at: ctx.at, points, lines, redeemPoints: redeemPoints || undefined },
          entryFacts: {
            transactionId: cmd.transactionId,
            storeId: cmd.storeId,
            reason: null,
            operator: null,
            provenance: effects.length > 0 ? earnProvenance(basePoints, effects) : null,
          },
          newCheckout: { requestHash: cmd.requestHash, storeId: cmd.storeId, amount: cmd.amount, currency: cmd.currency, campaignPoints, campaignEffects: effects },
          respond: (after, result) => {
            const lot = after.lots.find((l) => l.id === lotId);
            const pending = lot?.status === 'pending';
            return {
              transactionId: cmd.transactionId,
              memberId: cmd.memberId,
              pointsEarned: points,
              pointsRedeemed: redeemPoints,
              pending,
              activatesAt: pending ? isoOrEmpty(lot.activatesAt) : '',
              balance: result.balances,
              basePoints,
              campaignPoints,
            } satisfies EarnResult;
          },
          events: () => [
            {
              topic: 'points.checkout.recorded.v1',
              tenantId: tenant.tenantId,
              subject: cmd.memberId,
              time: ctx.at,
              data: {
                memberId: cmd.memberId,
                transactionId: cmd.transactionId,
                storeId: cmd.storeId,
                amount: cmd.amount,
                currency: cmd.currency,
                pointsEarned: points,
                itemCount: items.length,
                recordedAt: ctx.at.toISOString(),
                categories: [...new Set(items.map((i) => i.category ?? '').filter((c) => c !== ''))],
                campaignPoints,
                campaignEffects: [...effects],
                couponCodes: [...couponCodes],
              },
            },
          ],
        };
      },
    });
  }

  /** Spends points now, or holds them (capture or release later; the hold expires after the policy's holdTtlSeconds). */
  async redeemPoints(tenant: TenantContext, cmd: RedeemCommand): Promise<Replayable<RedemptionResult>> {
    if (cmd.redemptionId.startsWith('checkout:')) {
      throw invalidArgument('redemption ids starting with "checkout:" are reserved', [{ pointer: '#/redemptionId', detail: 'reserved prefix' }]);
    }
    const reason = cmd.reason || null;
    return this.execute<RedemptionResult>(tenant, {
      key: `${cmd.hold ? 'hold' : 'redeem'}:${cmd.redemptionId}`,
      payload: { memberId: cmd.memberId, points: cmd.points, reason: reason ?? '' },
      member: () => Promise.resolve(cmd.memberId),
      notFound: 'member not found',
      pointers: { id: '#/redemptionId', points: '#/points' },
      decide: async (m, ctx) => {
        const existing = await this.ledger.findRedemption(m, tenant.tenantId, cmd.redemptionId);
        // An id already used is a conflict whatever the balance: the model answers it without lots.
        const lots = existing ? [] : await this.spendableLots(m, tenant, ctx, cmd.points);
        const op: Operation = cmd.hold
          ? { kind: 'hold', id: cmd.redemptionId, at: ctx.at, points: cmd.points, ttlMs: ctx.policy.holdTtlSeconds * 1000 }
          : { kind: 'redeem', id: cmd.redemptionId, at: ctx.at, points: cmd.points };
        return {
          before: partialAccount({ lots, redemptions: existing ? [existing.redemption] : [], checkouts: [], balances: ctx.locked.balances, debt: ctx.locked.debt }),
          op,
          entryFacts: { transactionId: null, storeId: null, reason, operator: null },
          respond: (after, result) => this.redemptionResult(after, cmd.redemptionId, ctx.memberId, result.balances),
        };
      },
    });
  }

  /** Captures a held redemption (FAILED_PRECONDITION once it is not held or its hold has expired). */
  captureRedemption(tenant: TenantContext, redemptionId: string): Promise<Replayable<RedemptionResult>> {
    return this.endHold(tenant, 'capture', redemptionId);
  }

  /** Releases a held redemption: its points go back to their lots (as expired points where a lot expired meanwhile). */
  releaseRedemption(tenant: TenantContext, redemptionId: string): Promise<Replayable<RedemptionResult>> {
    return this.endHold(tenant, 'release', redemptionId);
  }

  /**
   * A return against a recorded checkout: reverses earned points line by line and refunds
   * redeemed points on the returned lines, by the tenant's negative-balance policy.
   */
  async recordReturn(tenant: TenantContext, cmd: ReturnCommand): Promise<Replayable<ReturnResult>> {
    if ((cmd.items === undefined || cmd.items.length === 0) === (cmd.amount === undefined)) {
      throw invalidArgument('give either items or an amount', [{ pointer: '#/items', detail: 'items or amount, not both' }]);
    }
    const request = cmd.items && cmd.items.length > 0 ? { items: cmd.items.map((i) => ({ sku: i.sku, quantity: i.quantity })) } : { amount: cmd.amount ?? 0 };
    return this.execute<ReturnResult>(tenant, {
      key: `return:${cmd.returnId}`,
      payload: { transactionId: cmd.transactionId, request },
      member: (m) => this.checkoutMember(m, tenant, cmd.transactionId),
      notFound: `checkout ${cmd.transactionId} not found`,
      pointers: { id: '#/returnId', transactionId: cmd.transactionId, items: 'items' in request ? request.items : [] },
      decide: async (m, ctx) => {
        const found = await this.ledger.findCheckout(m, tenant.tenantId, cmd.transactionId);
        const redemption = found?.checkout.redemptionId ? await this.ledger.findRedemption(m, tenant.tenantId, found.checkout.redemptionId) : undefined;
        const ids = [...(found?.checkout.lotId ? [found.checkout.lotId] : []), ...(redemption?.redemption.allocations.map((a) => a.lotId) ?? [])];
        const lots = found ? await this.ledger.loadLots(m, tenant.tenantId, ctx.memberId, ids, { at: ctx.at, need: null }) : [];
        return {
          before: partialAccount({
            lots,
            redemptions: redemption ? [redemption.redemption] : [],
            checkouts: found ? [found.checkout] : [],
            balances: ctx.locked.balances,
            debt: ctx.locked.debt,
          }),
          op: { kind: 'return', id: cmd.returnId, at: ctx.at, transactionId: cmd.transactionId, request },
          entryFacts: { transactionId: cmd.transactionId, storeId: found?.storeId ?? null, reason: null, operator: null },
          respond: (_, result) => {
            const plan = result.plan as ReturnPlan;
            return {
              transactionId: cmd.transactionId,
              returnId: cmd.returnId,
              memberId: ctx.memberId,
              pointsReversed: plan.pointsReversed,
              pointsRefunded: plan.pointsRefunded,
              pointsForgiven: sumPoints(result.entries, (e) => e.kind === 'forgive'),
              pointsNegative: sumPoints(result.entries, (e) => e.kind === 'reverse' && e.lotId === null),
              balance: result.balances,
            } satisfies ReturnResult;
          },
          events: (_, result) => {
            const plan = result.plan as ReturnPlan;
            if (!found) return [];
            return [
              {
                topic: 'points.checkout.returned.v1',
                tenantId: tenant.tenantId,
                subject: ctx.memberId,
                time: ctx.at,
                data: {
                  memberId: ctx.memberId,
                  transactionId: cmd.transactionId,
                  returnId: cmd.returnId,
                  storeId: found.storeId,
                  amountReturned: plan.lines.reduce((s, l) => s + l.amount, 0),
                  pointsReversed: plan.pointsReversed,
                  pointsRefunded: plan.pointsRefunded,
                  purchasedAt: found.recordedAt.toISOString(),
                  returnedAt: ctx.at.toISOString(),
                },
              },
            ];
          },
        };
      },
    });
  }

  /** A manual ± adjustment by an operator with a reason, in the audit log too; a debit never goes beyond the available points. */
  async adjustPoints(tenant: TenantContext, cmd: AdjustCommand): Promise<Replayable<AdjustResult>> {
    return this.execute<AdjustResult>(tenant, {
      key: `adjust:${cmd.adjustmentId}`,
      payload: { memberId: cmd.memberId, points: cmd.points, reason: cmd.reason, operator: cmd.operator },
      member: () => Promise.resolve(cmd.memberId),
      notFound: 'member not found',
      pointers: { id: '#/adjustmentId', points: '#/points' },
      decide: async (m, ctx) => {
        const lots = cmd.points < 0 || ctx.locked.debt > 0 ? await this.spendableLots(m, tenant, ctx, Math.max(0, -cmd.points)) : [];
        return {
          before: partialAccount({ lots, redemptions: [], checkouts: [], balances: ctx.locked.balances, debt: ctx.locked.debt }),
          op: { kind: 'adjust', id: cmd.adjustmentId, at: ctx.at, points: cmd.points, reason: cmd.reason, operator: cmd.operator },
          entryFacts: { transactionId: null, storeId: null, reason: cmd.reason, operator: cmd.operator },
          audit: (memberId) => [
            { id: this.ids.uuid(), operator: cmd.operator, action: 'points.adjusted', memberId, details: { adjustmentId: cmd.adjustmentId, points: cmd.points, reason: cmd.reason } },
          ],
          respond: (_, result) => ({ adjustmentId: cmd.adjustmentId, memberId: ctx.memberId, points: cmd.points, balance: result.balances }) satisfies AdjustResult,
        };
      },
    });
  }

  /**
   * Credits the points an event-triggered campaign rule gives: the ledger model's positive
   * `adjust` (a new active lot) under the key `adjust:award:<awardId>`, operator `campaigns`, the
   * credit entry carrying the rule's provenance. Idempotent: the same award again answers the
   * first result (`replayed`); a different payload under the same id is ALREADY_EXISTS.
   */
  async awardPoints(tenant: TenantContext, cmd: AwardCommand): Promise<Replayable<AdjustResult>> {
    const id = `award:${cmd.awardId}`;
    const operator = 'campaigns';
    return this.execute<AdjustResult>(tenant, {
      key: `adjust:${id}`,
      payload: { memberId: cmd.memberId, points: cmd.points, reason: cmd.reason, operator, provenance: cmd.provenance },
      member: () => Promise.resolve(cmd.memberId),
      notFound: 'member not found',
      pointers: { id: '#/awardId', points: '#/points' },
      decide: async (m, ctx) => {
        const lots = ctx.locked.debt > 0 ? await this.spendableLots(m, tenant, ctx, 0) : [];
        return {
          before: partialAccount({ lots, redemptions: [], checkouts: [], balances: ctx.locked.balances, debt: ctx.locked.debt }),
          op: { kind: 'adjust', id, at: ctx.at, points: cmd.points, reason: cmd.reason, operator },
          entryFacts: { transactionId: null, storeId: null, reason: cmd.reason, operator, provenance: cmd.provenance },
          audit: (memberId) => [{ id: this.ids.uuid(), operator, action: 'points.awarded', memberId, details: { awardId: cmd.awardId, points: cmd.points, reason: cmd.reason } }],
          respond: (_, result) => ({ adjustmentId: id, memberId: ctx.memberId, points: cmd.points, balance: result.balances }) satisfies AdjustResult,
        };
      },
    });
  }

  /** Makes one checkout's pending points spendable now (its expiry clock starts now); a no-op when they already are. */
  async acceptPending(tenant: TenantContext, transactionId: string): Promise<Replayable<Balances>> {
    return this.execute<Balances>(tenant, {
      key: `activate:${transactionId}`,
      payload: { transactionId },
      member: (m) => this.checkoutMember(m, tenant, transactionId),
      notFound: `checkout ${transactionId} not found`,
      pointers: { id: '#/transactionId' },
      decide: async (m, ctx) => {
        const found = await this.ledger.findCheckout(m, tenant.tenantId, transactionId);
        const ids = found?.checkout.lotId ? [found.checkout.lotId] : [];
        const lots = await this.ledger.loadLots(m, tenant.tenantId, ctx.memberId, ids, ctx.locked.debt > 0 ? { at: ctx.at, need: null } : null);
        return {
          before: partialAccount({ lots, redemptions: [], checkouts: found ? [found.checkout] : [], balances: ctx.locked.balances, debt: ctx.locked.debt }),
          op: { kind: 'activate', id: transactionId, at: ctx.at, transactionId },
          entryFacts: { transactionId, storeId: found?.storeId ?? null, reason: null, operator: null },
          respond: (_, result) => result.balances,
        };
      },
    });
  }

  getBalance(tenant: TenantContext, memberId: string): Promise<Balances> {
    return this.ledger.findBalance(tenant.tenantId, memberId);
  }

  /** A member's statement, newest first; `cursor` is the previous page's nextCursor. */
  async listEntries(tenant: TenantContext, memberId: string, cursor: string | null, limit: number): Promise<EntryPageResult> {
    const before = cursor ? decodeCursor(cursor) : null;
    const rows = await this.ledger.listEntries(tenant.tenantId, memberId, before, limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].seq) : null };
  }

  /** The tenant's ledger policy, defaults filled in. */
  async getLedgerPolicy(tenant: TenantContext): Promise<LedgerPolicy> {
    return ledgerPolicySchema.parse((await this.ledger.findPolicy(tenant.tenantId)) ?? {});
  }

  /** Validates (schema and expiry rules) and saves the policy, auditing the change with the operator. */
  async setLedgerPolicy(tenant: TenantContext, input: unknown, operator: string): Promise<LedgerPolicy> {
    const parsed = ledgerPolicySchema.safeParse(input);
    if (!parsed.success) {
      throw invalidArgument(
        'invalid ledger policy',
        parsed.error.issues.map((i) => ({ pointer: `#/policy/${i.path.join('/')}`, detail: i.message })),
      );
    }
    const policy = parsed.data;
    try {
      assertExpiryPolicy(policy.expiry);
    } catch (e) {
      throw invalidArgument('invalid expiry policy', [{ pointer: '#/policy/expiry', detail: (e as Error).message }]);
    }
    await this.uow.run((m) =>
      this.ledger.savePolicy(m, tenant.tenantId, policy, this.clock.now(), { id: this.ids.uuid(), operator, action: 'points.policy.set', memberId: null }),
    );
    return policy;
  }

  /** The tenant's flat earn rate, or the currency default when none was set. */
  /** The rate with the policy's rounding: what a checkout's base points are (the gateway computes them with it for the campaigns). */
  async getEarnRate(tenant: TenantContext): Promise<Required<EarnRate> & { isDefault: boolean }> {
    const [rate, policy] = await Promise.all([this.ledger.findEarnRate(tenant.tenantId), this.ledger.findPolicy(tenant.tenantId)]);
    const rounding = ledgerPolicySchema.parse(policy ?? {}).earnRounding;
    return rate ? { ...rate, rounding, isDefault: false } : { ...defaultEarnRate(tenant.currency), rounding, isDefault: true };
  }

  async setEarnRate(tenant: TenantContext, rate: EarnRate): Promise<Required<EarnRate> & { isDefault: boolean }> {
    await this.ledger.upsertEarnRate(tenant.tenantId, rate);
    return this.getEarnRate(tenant);
  }

  // -------------------------------------------------------------------------------------------

  private endHold(tenant: TenantContext, kind: 'capture' | 'release', redemptionId: string): Promise<Replayable<RedemptionResult>> {
    return this.execute<RedemptionResult>(tenant, {
      key: `${kind}:${redemptionId}`,
      payload: { redemptionId },
      member: async (m) =>
        (await this.ledger.findRedemption(m, tenant.tenantId, redemptionId))?.memberId ??
        (await this.ledger.findOperationMember(m, tenant.tenantId, [`hold:${redemptionId}`, `redeem:${redemptionId}`])),
      notFound: 'redemption not found',
      pointers: { id: '#/redemptionId' },
      decide: async (m, ctx) => {
        const found = await this.ledger.findRedemption(m, tenant.tenantId, redemptionId);
        const ids = kind === 'release' && found ? found.redemption.allocations.map((a) => a.lotId) : [];
        const lots = await this.ledger.loadLots(m, tenant.tenantId, ctx.memberId, ids, ctx.locked.debt > 0 ? { at: ctx.at, need: null } : null);
        return {
          before: partialAccount({ lots, redemptions: found ? [found.redemption] : [], checkouts: [], balances: ctx.locked.balances, debt: ctx.locked.debt }),
          op: { kind, id: redemptionId, at: ctx.at },
          entryFacts: { transactionId: null, storeId: null, reason: found?.reason ?? null, operator: null },
          respond: (after, result) => this.redemptionResult(after, redemptionId, ctx.memberId, result.balances),
        };
      },
    });
  }

  private redemptionResult(after: Account, redemptionId: string, memberId: string, balance: Balances): RedemptionResult {
    const r = after.redemptions[redemptionId];
    return { redemptionId, memberId, status: r.status, points: r.points, holdExpiresAt: r.status === 'held' ? isoOrEmpty(r.holdExpiresAt) : '', balance };
  }

  /** The checkout's member, or the member a rejected checkout under that id was for. */
  private async checkoutMember(m: EntityManager, tenant: TenantContext, transactionId: string): Promise<string | undefined> {
    return (await this.ledger.findCheckout(m, tenant.tenantId, transactionId))?.memberId ?? (await this.ledger.findOperationMember(m, tenant.tenantId, [`earn:${transactionId}`]));
  }

  /**
   * The spendable lots a debit of `points` can touch: the soonest-expiring ones holding at least
   * `points` plus any debt — all of them when in debt (the settlement after the operation may
   * use any).
   */
  private spendableLots(m: EntityManager, tenant: TenantContext, ctx: OperationContext, points: number): Promise<Lot[]> {
    return this.ledger.loadLots(m, tenant.tenantId, ctx.memberId, [], { at: ctx.at, need: ctx.locked.debt > 0 ? null : points });
  }

  private config(tenant: TenantContext, policy: LedgerPolicy): LedgerConfig {
    return { timeZone: tenant.timezone, expiry: policy.expiry, pendingDays: policy.pendingDays, negativeBalance: policy.negativeBalance };
  }

  /** Runs an operation exactly once (see the class comment); retried when a concurrent first writer of the same id wins the race. */
  private async execute<R extends object>(tenant: TenantContext, req: OperationRequest): Promise<Replayable<R>> {
    const payloadHash = sha256(canonicalJson({ key: req.key, ...req.payload }));
    for (let attempt = 1; ; attempt++) {
      let settled: Settled;
      try {
        settled = await this.uow.run((m) => this.attempt(m, tenant, req, payloadHash));
      } catch (err) {
        // Another member's transaction took the same operation or redemption id first: run again
        // to answer what it recorded.
        if (isUniqueViolation(err) && attempt < MAX_ATTEMPTS) continue;
        throw err;
      }
      if (settled.kind === 'error') throw settled.error;
      return { ...(settled.response as R), replayed: settled.replayed };
    }
  }

  private async attempt(m: EntityManager, tenant: TenantContext, req: OperationRequest, payloadHash: string): Promise<Settled> {
    const memberId = await req.member(m);
    if (memberId === undefined) return { kind: 'error', error: notFound(req.notFound) };
    const locked = await this.ledger.lockAccount(m, tenant.tenantId, memberId, req.key);
    const stored = locked.operation;
    if (stored) {
      if (stored.payloadHash !== payloadHash && stored.payloadHash !== req.legacyHash) {
        return { kind: 'error', error: alreadyExists(`${req.key} was already used for a different request`, [{ pointer: req.pointers.id, detail: 'already used for a different request' }]) };
      }
      return this.answer(stored.result, req, true);
    }
    const policy = ledgerPolicySchema.parse(locked.policy ?? {});
    const at = this.clock.now();
    const ctx: OperationContext = { memberId, locked, at, policy, cfg: this.config(tenant, policy) };
    const decision = await req.decide(m, ctx);
    const { account: after, result } = applyOperation(decision.before, ctx.cfg, decision.op);
    if (!result.ok) {
      // A malformed operation is refused alike every time and not recorded (as in the model).
      if (result.error.code === 'invalid') return { kind: 'error', error: invalidArgument(result.error.reason) };
      const stored: StoredResult = { ok: false, error: result.error };
      await this.ledger.insertOperation(m, tenant.tenantId, memberId, at, { key: req.key, payloadHash, result: stored });
      return this.answer(stored, req, false);
    }
    const response = decision.respond(after, result) as Record<string, unknown>;
    const changes = accountChanges(decision.before, after);
    const entryIds = result.entries.map(() => this.ids.uuid());
    const facts = decision.entryFacts;
    const newLotTransaction = decision.op.kind === 'earn' ? decision.op.id : null;
    const balances = runningBalances(locked.balances, result.entries);
    const entryEvents = result.entries.map(
      (e, i): NewEvent<'points.ledger-entry.created.v1'> => ({
        topic: 'points.ledger-entry.created.v1',
        tenantId: tenant.tenantId,
        subject: memberId,
        time: at,
        data: {
          entryId: entryIds[i],
          memberId,
          kind: e.kind,
          points: e.points,
          from: e.from,
          to: e.to,
          operation: e.operation,
          lotId: e.lotId,
          transactionId: facts.transactionId,
          storeId: facts.storeId,
          balance: balances[i],
          createdAt: at.toISOString(),
        },
      }),
    );
    // The events go out with the write, in the same statement (one round trip fewer).
    const events = this.outbox.prepareInsert<TopicName>([...entryEvents, ...(decision.events?.(after, result) ?? [])]);
    await this.ledger.applyChanges(m, tenant.tenantId, memberId, {
      at,
      entries: result.entries.map((e, i) => ({
        id: entryIds[i],
        kind: e.kind,
        points: e.points,
        from: e.from,
        to: e.to,
        operation: e.operation,
        lotId: e.lotId,
        transactionId: facts.transactionId,
        reason: facts.reason,
        operator: facts.operator,
        provenance: e.kind === 'earn' || (e.kind === 'adjust' && e.points > 0) ? (facts.provenance ?? null) : null,
      })),
      newLots: changes.newLots.map((l) => ({ ...l, transactionId: newLotTransaction })),
      changedLots: changes.changedLots,
      newRedemptions: changes.newRedemptions.map((r) => ({ ...r, reason: r.id.startsWith('checkout:') ? 'checkout' : facts.reason })),
      changedRedemptions: changes.changedRedemptions,
      newCheckouts: changes.newCheckouts.map((c) => {
        if (!decision.newCheckout) throw new Error(`${req.key} recorded a checkout without its facts`);
        return { ...c, ...decision.newCheckout };
      }),
      changedCheckouts: changes.changedCheckouts,
      balanceDelta: changes.balanceDelta,
      debtDelta: changes.debtDelta,
      operation: { key: req.key, payloadHash, result: { ok: true, response } },
      audit: decision.audit?.(memberId) ?? [],
      events,
    });
    return { kind: 'done', response, replayed: false };
  }

  private answer(result: StoredResult, req: OperationRequest, replayed: boolean): Settled {
    return result.ok ? { kind: 'done', response: result.response, replayed } : { kind: 'error', error: ledgerProblem(result.error, req.key, req.pointers) };
  }
}
