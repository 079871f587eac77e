import type { z } from 'zod';
import { Injectable } from '@nestjs/common';
import { checkoutEvaluationRequestSchema, checkoutEvaluationSchema, importJobSchema, type EarnForCheckoutResponse, type ImportJobView, memberProfileSchema, memberTierSchema, tierLadderSchema, tierReviewSchema, type TierReviewView, type MemberTierView, type TierLadderInput, type TierLadderView, type AttributeDefinition, type AttributeMessage, type Balance, type CardMessage, type Member, type RedemptionResponse, type TenantContext, type CustomEventInput } from '@club/contracts';
import { requestHash } from '../domain/request-hash';
import { isGrpcError, notFoundProblem, problem } from '../http/problem';
import { tierLadderListSchema } from '../http/schemas';
import type {
  adjustmentRequestSchema,
  adjustmentResultSchema,
  CardView,
  CheckoutInput,
  CheckoutResult,
  EnrolMemberInput,
  entryPageSchema,
  MemberPatch,
  MemberView,
  pointsSchema,
  redemptionRequestSchema,
  redemptionResultSchema,
  returnRequestSchema,
  returnResultSchema,
} from '../http/schemas';
import { ServiceClients } from '../repositories/service-clients';
import { EarnRateCache } from './earn-rate.cache';
import { pointsForAmount } from '@club/money';
import { status } from '@grpc/grpc-js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toView(m: Member): MemberView {
  const profile = memberProfileSchema.parse(JSON.parse(m.profileJson));
  const { birthDate, ...rest } = profile;
  return {
    id: m.id,
    cardNumber: m.cardNumber,
    phone: m.phone,
    ...rest,
    birthDate: birthDate?.gregorian ?? null,
    birthDateJalali: birthDate?.jalali ?? null,
    referralCode: m.referralCode,
    referredBy: m.referredBy || null,
    journeyStage: m.journeyStage,
    createdAt: m.createdAt,
  };
}

function toCardView(c: CardMessage): CardView {
  return {
    cardNumber: c.cardNumber,
    memberId: c.memberId,
    status: c.status as CardView['status'],
    issuedAt: c.issuedAt,
    replacedBy: c.replacedBy || null,
    barcode: { format: 'code128', payload: c.barcodePayload },
    qr: { payload: c.qrPayload },
  };
}

function toAttribute(d: AttributeMessage): AttributeDefinition {
  return { key: d.key, type: d.type as AttributeDefinition['type'], label: d.label, ...(d.options.length > 0 ? { options: d.options } : {}) };
}

function requireMemberId(memberId: string): void {
  if (!UUID.test(memberId)) throw notFoundProblem('member not found');
}

/** The gateway's use cases: each one is a few gRPC calls to the services that own the data. */
@Injectable()
export class ClubService {
  constructor(
    private readonly services: ServiceClients,
    private readonly earnRates: EarnRateCache,
  ) {}

  async enrolMember(tenant: TenantContext, input: EnrolMemberInput): Promise<MemberView> {
    const { phone, referralCode, ...profile } = input;
    return toView(await this.services.enrol(tenant, { phone, profileJson: JSON.stringify(profile), referralCode: referralCode ?? '' }));
  }

  async updateMember(tenant: TenantContext, memberId: string, patch: MemberPatch): Promise<MemberView> {
    requireMemberId(memberId);
    return toView(await this.services.updateMember(tenant, memberId, JSON.stringify(patch)));
  }

  async recordConsent(tenant: TenantContext, memberId: string, consent: { channel: string; granted: boolean; source: string }): Promise<MemberView> {
    requireMemberId(memberId);
    return toView(await this.services.recordConsent(tenant, memberId, consent));
  }

  async defineAttribute(tenant: TenantContext, def: AttributeDefinition): Promise<AttributeDefinition> {
    const d = await this.services.defineAttribute(tenant, { ...def, options: def.options ?? [] });
    return toAttribute(d);
  }

  async listAttributes(tenant: TenantContext): Promise<{ items: AttributeDefinition[] }> {
    return { items: (await this.services.listAttributes(tenant)).attributes.map(toAttribute) };
  }

  async defineTierLadder(tenant: TenantContext, input: TierLadderInput): Promise<TierLadderView> {
    return tierLadderSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'DefineTierLadder', { json: JSON.stringify(input) })).json));
  }

  async listTierLadders(tenant: TenantContext): Promise<{ items: TierLadderView[] }> {
    return tierLadderListSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'ListTierLadders', {})).json));
  }

  async getMemberTier(tenant: TenantContext, memberId: string): Promise<MemberTierView> {
    requireMemberId(memberId);
    return memberTierSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'GetMemberTier', { memberId })).json));
  }

  async startTierReview(tenant: TenantContext, input: { reviewAt?: string; dryRun: boolean }): Promise<TierReviewView> {
    return tierReviewSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'StartTierReview', { json: JSON.stringify(input) })).json));
  }

  async getTierReview(tenant: TenantContext, id: string): Promise<TierReviewView> {
    if (!UUID.test(id)) throw notFoundProblem('tier review not found');
    return tierReviewSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'GetTierReview', { json: JSON.stringify({ id }) })).json));
  }

  /**
   * Uploads an import file to the members service in chunks (gRPC messages stay well under 4 MiB
   * even for three-byte Persian characters) and starts the job.
   */
  async startImport(tenant: TenantContext, input: { format: 'csv' | 'jsonl'; birthDateCalendar?: 'jalali' | 'gregorian' }, content: string): Promise<ImportJobView> {
    if (content.trim() === '') throw problem(400, 'validation', 'Bad Request', 'The file is empty.');
    const job = importJobSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'CreateImport', { json: JSON.stringify(input) })).json));
    const CHUNK = 512 * 1024;
    for (let seq = 0, at = 0; at < content.length; seq++, at += CHUNK) {
      await this.services.appendImportChunk(tenant, job.id, seq, content.slice(at, at + CHUNK));
    }
    return importJobSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'StartImport', { json: JSON.stringify({ id: job.id }) })).json));
  }

  async getImport(tenant: TenantContext, id: string): Promise<ImportJobView> {
    if (!UUID.test(id)) throw notFoundProblem('import not found');
    return importJobSchema.parse(JSON.parse((await this.services.membersJson(tenant, 'GetImport', { json: JSON.stringify({ id }) })).json));
  }

  /** Everything held about a member: the members service's data plus points and the inbox. */
  async exportMember(tenant: TenantContext, memberId: string): Promise<Record<string, unknown>> {
    requireMemberId(memberId);
    const members = JSON.parse((await this.services.exportMember(tenant, memberId)).json) as Record<string, unknown>;
    const [balance, inbox] = await Promise.all([this.services.getBalance(tenant, memberId), this.services.listInbox(tenant, memberId, 200)]);
    return { exportedAt: new Date().toISOString(), ...members, points: balance, inbox: inbox.messages };
  }

  async eraseMember(tenant: TenantContext, memberId: string): Promise<{ memberId: string; erasedAt: string; releasedCards: number }> {
    requireMemberId(memberId);
    return JSON.parse((await this.services.eraseMember(tenant, memberId)).json) as { memberId: string; erasedAt: string; releasedCards: number };
  }

  async getMemberScores(tenant: TenantContext, memberId: string): Promise<unknown> {
    requireMemberId(memberId);
    return JSON.parse((await this.services.membersJson(tenant, 'GetMemberScores', { memberId })).json);
  }

  async setManualFactor(tenant: TenantContext, memberId: string, factor: string, input: object): Promise<unknown> {
    requireMemberId(memberId);
    return JSON.parse((await this.services.membersJson(tenant, 'SetManualFactor', { json: JSON.stringify({ ...input, memberId, factor }) })).json);
  }

  async setScoringWeights(tenant: TenantContext, input: object): Promise<unknown> {
    return JSON.parse((await this.services.membersJson(tenant, 'SetScoringWeights', { json: JSON.stringify(input) })).json);
  }

  async recomputeScores(tenant: TenantContext): Promise<unknown> {
    return JSON.parse((await this.services.membersJson(tenant, 'RecomputeScores', { json: '{}' })).json);
  }

  /** Members RPCs answering a JSON document, forwarded as they are (validated by the members service). */
  async membersDocument(
    tenant: TenantContext,
    method: 'DefineSegment' | 'ListSegments' | 'ListSegmentMembers' | 'GetMemberSegments' | 'RecomputeSegments' | 'SetJourneyThresholds' | 'RunJourneyPass' | 'GetMemberPass',
    req: object,
  ): Promise<unknown> {
    if ('memberId' in req) requireMemberId(String(req.memberId));
    return JSON.parse((await this.services.membersJson(tenant, method, req)).json);
  }

  async listCards(tenant: TenantContext, memberId: string): Promise<{ items: CardView[] }> {
    requireMemberId(memberId);
    return { items: (await this.services.listCards(tenant, memberId)).cards.map(toCardView) };
  }

  async issueCard(tenant: TenantContext, memberId: string): Promise<CardView> {
    requireMemberId(memberId);
    return toCardView(await this.services.issueCard(tenant, memberId));
  }

  async changeCard(tenant: TenantContext, cardNumber: string, action: 'replace' | 'block' | 'unblock', reason?: string): Promise<CardView> {
    const rpc = action === 'replace' ? 'ReplaceCard' : action === 'block' ? 'BlockCard' : 'UnblockCard';
    return toCardView(await this.services.cardAction(tenant, rpc, cardNumber, reason ?? ''));
  }

  async getMember(tenant: TenantContext, memberId: string): Promise<MemberView> {
    requireMemberId(memberId);
    return toView(await this.services.getMember(tenant, memberId));
  }

  /** Lookup by phone or card: a list with zero or one member (never a 404 for a search). */
  async findMembers(tenant: TenantContext, by: { phone?: string; cardNumber?: string; email?: string }): Promise<{ items: MemberView[] }> {
    try {
      const m = await this.services.identify(
        tenant,
        by.phone !== undefined ? { phone: by.phone } : by.email !== undefined ? { email: by.email } : { cardNumber: by.cardNumber },
      );
      return { items: [toView(m)] };
    } catch (err) {
      if (isGrpcError(err) && err.code === Number(status.NOT_FOUND)) return { items: [] };
      throw err;
    }
  }

  async getPoints(tenant: TenantContext, memberId: string): Promise<PointsView> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    const [, balance] = await Promise.all([this.services.getMember(tenant, memberId), this.services.getBalance(tenant, memberId)]);
    return toPoints(balance);
  }

  /** Redeem (or hold) a member's points; 201 first, 200 with the same body on a retry. */
  async redeem(tenant: TenantContext, memberId: string, input: RedemptionInput): Promise<{ result: RedemptionView; replayed: boolean }> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    await this.services.getMember(tenant, memberId);
    const res = await this.services.redeem(tenant, { memberId, redemptionId: input.redemptionId, points: input.points, reason: input.reason ?? '', hold: input.hold });
    return { result: toRedemption(res), replayed: res.replayed };
  }

  async redemptionAction(tenant: TenantContext, action: 'capture' | 'release', redemptionId: string): Promise<RedemptionView> {
    const res = await this.services.redemptionAction(tenant, action === 'capture' ? 'CaptureRedemption' : 'ReleaseRedemption', redemptionId);
    return toRedemption(res);
  }

  async adjust(tenant: TenantContext, memberId: string, input: AdjustmentInput, operator: string): Promise<{ result: AdjustmentView; replayed: boolean }> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    await this.services.getMember(tenant, memberId);
    const res = await this.services.adjust(tenant, { memberId, adjustmentId: input.adjustmentId, points: input.points, reason: input.reason, operator });
    return { result: { adjustmentId: res.adjustmentId, memberId: res.memberId, points: res.points, balance: toPoints(res.balance) }, replayed: res.replayed };
  }

  async recordReturn(tenant: TenantContext, transactionId: string, input: ReturnInput): Promise<{ result: ReturnView; replayed: boolean }> {
    const res = await this.services.recordReturn(tenant, { transactionId, returnId: input.returnId, items: input.items ?? [], amount: input.amount ?? 0 });
    return {
      replayed: res.replayed,
      result: {
        transactionId: res.transactionId,
        returnId: res.returnId,
        memberId: res.memberId,
        pointsReversed: res.pointsReversed,
        pointsRefunded: res.pointsRefunded,
        pointsForgiven: res.pointsForgiven,
        pointsNegative: res.pointsNegative,
        balance: toPoints(res.balance),
      },
    };
  }

  async acceptPending(tenant: TenantContext, transactionId: string): Promise<PointsView> {
    return toPoints(await this.services.acceptPending(tenant, transactionId));
  }

  async listEntries(tenant: TenantContext, memberId: string, q: { cursor?: string; limit?: number }): Promise<EntryPageView> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    await this.services.getMember(tenant, memberId);
    const page = await this.services.listEntries(tenant, { memberId, cursor: q.cursor ?? '', limit: q.limit ?? 50 });
    return {
      items: page.items.map((e) => ({
        id: e.id,
        kind: e.kind,
        points: e.points,
        from: e.from || null,
        to: e.to || null,
        reference: e.reference,
        reason: e.reason || null,
        operator: e.operator || null,
        createdAt: e.createdAt,
      })),
      nextCursor: page.nextCursor || null,
    };
  }

  /** Campaigns RPCs answering a JSON document, forwarded as they are (validated by the campaigns service). */
  async campaignsDocument(tenant: TenantContext, method: CampaignsJsonMethod, doc: object): Promise<unknown> {
    return JSON.parse((await this.services.campaignsJson(tenant, method, { json: JSON.stringify(doc) })).json);
  }

  /** Gamification definitions (badges, challenges, streaks), forwarded as they are (validated by the campaigns service). */
  async gamificationDocument(tenant: TenantContext, method: Exclude<GamificationJsonMethod, 'GetMemberProgress'>, doc: object): Promise<unknown> {
    return JSON.parse((await this.services.gamificationJson(tenant, method, { json: JSON.stringify(doc) })).json);
  }

  /** A member's custom event, evaluated once per eventId by the campaigns service (404 for an unknown member). */
  async recordMemberEvent(tenant: TenantContext, memberId: string, event: CustomEventInput): Promise<unknown> {
    requireMemberId(memberId);
    await this.services.getMember(tenant, memberId);
    return JSON.parse((await this.services.campaignsJson(tenant, 'RecordMemberEvent', { json: JSON.stringify({ memberId, event }) })).json);
  }

  /** Badges earned, challenge progress and streaks of a member of this club (404 for an unknown member). */
  async getMemberProgress(tenant: TenantContext, memberId: string): Promise<unknown> {
    requireMemberId(memberId);
    const [, progress] = await Promise.all([this.services.getMember(tenant, memberId), this.services.gamificationJson(tenant, 'GetMemberProgress', { json: JSON.stringify({ memberId }) })]);
    return JSON.parse(progress.json);
  }

  async listCampaigns(tenant: TenantContext, status: string | undefined): Promise<{ items: { id: string; name: string; status: string; createdAt: string }[] }> {
    return { items: (await this.services.listCampaigns(tenant, status ?? '')).campaigns };
  }

  /** Points RPCs answering a JSON document (ledger policy, jobs, liability), forwarded as they are. */
  async pointsDocument(tenant: TenantContext, method: 'SetLedgerPolicy' | 'GetLedgerPolicy' | 'StartLedgerJob' | 'GetLedgerJob' | 'GetLiability', doc: object): Promise<unknown> {
    return JSON.parse((await this.services.pointsJson(tenant, method, { json: JSON.stringify(doc) })).json);
  }

  async getInbox(tenant: TenantContext, memberId: string): Promise<{ items: { id: string; kind: string; title: string; body: string; locale: 'fa' | 'en'; createdAt: string }[] }> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    const [, inbox] = await Promise.all([this.services.getMember(tenant, memberId), this.services.listInbox(tenant, memberId, 50)]);
    return {
      items: inbox.messages.map((m) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, locale: m.locale === 'en' ? 'en' : 'fa', createdAt: m.createdAt })),
    };
  }

  /**
   * The till's checkout: identify the member with the facts campaigns need, redeem the presented
   * coupons (all or none), evaluate the live campaigns (recorded once per transaction: budgets
   * count once), then credit base + campaign points and spend `redeemPoints` in the ledger (once
   * per transaction). Each step is idempotent per transaction id, so a till retry — also after a
   * crash between steps — completes the checkout and gets the first answer. When the ledger refuses
   * the sale (not enough points; a definitive answer it keeps giving), the campaigns' budgets and
   * the coupons are given back before the 422 goes out.
   */
  async recordCheckout(tenant: TenantContext, input: CheckoutInput): Promise<{ result: CheckoutResult; replayed: boolean }> {
    const ref = input.member;
    const [member, rate] = await Promise.all([
      this.services.identifyAtTill(tenant, ref.cardNumber !== undefined ? { cardNumber: ref.cardNumber } : ref.phone !== undefined ? { phone: ref.phone } : { memberId: ref.memberId }),
      this.earnRates.get(tenant),
    ]);
    const items = (input.items ?? []).map((i) => ({ sku: i.sku, category: i.category ?? '', quantity: i.quantity, unitPrice: i.unitPrice }));
    const hash = requestHash(input);
    const { codes, batches: couponBatches } = input.coupons?.length ? await this.redeemCoupons(tenant, input.transactionId, member.id, input.coupons) : { codes: [], batches: [] };
    const evaluation = checkoutEvaluationSchema.parse(
      JSON.parse(
        (
          await this.services.campaignsJson(tenant, 'EvaluateCheckout', {
            json: JSON.stringify({
              transactionId: input.transactionId,
              requestHash: hash,
              member: {
                id: member.id,
                tier: member.tier || null,
                tenureDays: member.tenureDays,
                segments: member.segments.slice(0, 200),
                personas: member.personas.slice(0, 50),
                journeyStage: member.journeyStage || null,
                attributes: JSON.parse(member.attributesJson || '{}') as Record<string, string | number | boolean>,
                birthDate: member.birthDate || null,
              },
              cart: { amount: input.amount, currency: input.currency, lines: items.map((i) => ({ ...i, category: i.category || null })) },
              basePoints: pointsForAmount(input.amount, rate),
              store: input.storeId,
              channel: input.channel,
              couponBatches,
            } satisfies CheckoutEvaluationInput),
          })
        ).json,
      ),
    );
    let res: EarnForCheckoutResponse;
    try {
      res = await this.services.earnForCheckout(tenant, {
        transactionId: input.transactionId,
        storeId: input.storeId,
        memberId: member.id,
        amount: input.amount,
        currency: input.currency,
        items,
        requestHash: hash,
        redeemPoints: input.redeemPoints ?? 0,
        campaignEffects: evaluation.effects.map((e) => ({ ...e, reference: e.reference ?? '' })),
        couponCodes: codes,
      });
    } catch (err) {
      // A refusal the ledger recorded (or a request it can never take): nothing of the sale happened.
      if (isGrpcError(err) && (err.code === Number(status.FAILED_PRECONDITION) || err.code === Number(status.INVALID_ARGUMENT))) {
        await this.services.campaignsJson(tenant, 'VoidCheckout', { json: JSON.stringify({ transactionId: input.transactionId }) });
      }
      throw err;
    }
    return {
      replayed: res.replayed,
      result: {
        transactionId: res.transactionId,
        memberId: res.memberId,
        pointsEarned: res.pointsEarned,
        basePoints: res.basePoints,
        campaignPoints: res.campaignPoints,
        pointsRedeemed: res.pointsRedeemed,
        discount: evaluation.totals.discount,
        breakdown: evaluation.effects.map((e) => ({
          campaignId: e.campaignId,
          version: e.version,
          ruleId: e.ruleId,
          kind: e.kind,
          ...(e.points > 0 ? { points: e.points } : {}),
          ...(e.discount > 0 ? { discount: e.discount } : {}),
          ...(e.reference !== null ? { reference: e.reference } : {}),
          description: e.description,
        })),
        coupons: codes,
        pending: res.pending,
        balance: { available: res.balance?.available ?? 0, pending: res.balance?.pending ?? 0 },
      },
    };
  }

  /**
   * Redeems the checkout's coupons (all or none, idempotent per transaction): the codes as stored
   * (upper case, sorted) and their batches, which gate campaigns.
   */
  private async redeemCoupons(tenant: TenantContext, transactionId: string, memberId: string, codes: readonly string[]): Promise<{ codes: string[]; batches: string[] }> {
    const res = JSON.parse((await this.services.campaignsJson(tenant, 'RedeemCoupons', { json: JSON.stringify({ transactionId, memberId, codes }) })).json) as {
      codes: { code: string; batchId: string | null }[];
    };
    return { codes: res.codes.map((c) => c.code), batches: [...new Set(res.codes.map((c) => c.batchId).filter((b): b is string => b !== null))] };
  }
}

type PointsView = z.infer<typeof pointsSchema>;
type CheckoutEvaluationInput = z.input<typeof checkoutEvaluationRequestSchema>;
type CampaignsJsonMethod = Parameters<ServiceClients['campaignsJson']>[1];
type GamificationJsonMethod = Parameters<ServiceClients['gamificationJson']>[1];
type RedemptionInput = z.infer<typeof redemptionRequestSchema>;
type RedemptionView = z.infer<typeof redemptionResultSchema>;
type AdjustmentInput = z.infer<typeof adjustmentRequestSchema>;
type AdjustmentView = z.infer<typeof adjustmentResultSchema>;
type ReturnInput = z.infer<typeof returnRequestSchema>;
type ReturnView = z.infer<typeof returnResultSchema>;
type EntryPageView = z.infer<typeof entryPageSchema>;

function toPoints(b: Balance | null | undefined): PointsView {
  return { available: b?.available ?? 0, pending: b?.pending ?? 0, held: b?.held ?? 0, lifetimeEarned: b?.lifetimeEarned ?? 0, spent: b?.spent ?? 0, expired: b?.expired ?? 0 };
}

function toRedemption(r: RedemptionResponse): RedemptionView {
  return {
    redemptionId: r.redemptionId,
    memberId: r.memberId,
    status: r.status as RedemptionView['status'],
    points: r.points,
    holdExpiresAt: r.holdExpiresAt || null,
    balance: toPoints(r.balance),
  };
}
