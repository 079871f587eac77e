import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { CouponBatchInput, TenantContext } from '@club/contracts';
import { Clock, failedPrecondition, Ids, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import { CODE_ALPHABET, makeCode, RANDOM_LENGTH, readCode, refusal, type CouponRefusal } from '../domain/coupon-code';
import { CouponRepository, type CouponBatch } from '../repositories/coupon.repository';

const CHUNK = 5000;

export interface CouponCheck {
  readonly code: string;
  readonly valid: boolean;
  readonly reason: CouponRefusal | 'unknown' | null;
  readonly batchId: string | null;
  readonly campaignId: string | null;
}

const batchView = (b: CouponBatch) => ({
  id: b.id,
  name: b.name,
  campaignId: b.campaignId,
  prefix: b.prefix,
  count: b.count,
  maxUsesPerCode: b.maxUsesPerCode,
  perMemberLimit: b.perMemberLimit,
  validFrom: b.validFrom?.toISOString() ?? null,
  validUntil: b.validUntil?.toISOString() ?? null,
  createdAt: b.createdAt.toISOString(),
});

/**
 * Coupons: batches of unique codes from the operating system's CSPRNG (see domain/coupon-code),
 * checked and redeemed at checkout — all the checkout's codes or none, idempotently per code and
 * transaction id (a till retrying the checkout redeems nothing twice) — and restored by a return.
 */
@Injectable()
export class CouponsService {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  async createBatch(tenant: TenantContext, input: CouponBatchInput, operator: string) {
    if (input.validFrom !== null && input.validUntil !== null && Date.parse(input.validUntil) <= Date.parse(input.validFrom)) {
      throw invalidArgument('the validity window is empty', [{ pointer: '#/validUntil', detail: 'must be after validFrom' }]);
    }
    const id = this.ids.uuid();
    await this.uow.run(async (m) => {
      await this.coupons.insertBatch(
        m,
        tenant.tenantId,
        {
          id,
          campaignId: input.campaignId ?? null,
          name: input.name,
          prefix: input.prefix,
          count: input.count,
          maxUsesPerCode: input.maxUsesPerCode,
          perMemberLimit: input.perMemberLimit,
          validFrom: input.validFrom === null ? null : new Date(input.validFrom),
          validUntil: input.validUntil === null ? null : new Date(input.validUntil),
        },
        operator,
      );
      // A collision (~2^-45 per pair) is simply drawn again.
      for (let left = input.count; left > 0; ) {
        const codes = Array.from({ length: Math.min(left, CHUNK) }, () => makeCode(input.prefix, Array.from({ length: RANDOM_LENGTH }, () => randomInt(CODE_ALPHABET.length))));
        left -= await this.coupons.insertCodes(m, tenant.tenantId, id, [...new Set(codes)]);
      }
    });
    return batchView((await this.coupons.findBatch(tenant.tenantId, id))!);
  }

  async listCodes(tenant: TenantContext, batchId: string, cursor: string | null, limit: number) {
    if (!(await this.coupons.findBatch(tenant.tenantId, batchId))) throw notFound('coupon batch not found');
    const rows = await this.coupons.listCodes(tenant.tenantId, batchId, cursor, limit);
    return { items: rows, nextCursor: rows.length === limit ? rows[rows.length - 1].code : null };
  }

  /** Whether a code can be used now (by this member, when given). A mistyped code is a 400. */
  async check(tenant: TenantContext, input: string, memberId: string | null): Promise<CouponCheck> {
    const code = this.read(input, '#/code');
    const coupon = await this.coupons.findCoupon(tenant.tenantId, code);
    if (!coupon) return { code, valid: false, reason: 'unknown', batchId: null, campaignId: null };
    const memberUses = memberId === null ? 0 : await this.coupons.memberUses(undefined, tenant.tenantId, coupon.batch.id, memberId);
    const reason = refusal({ ...coupon.batch, uses: coupon.uses, maxUses: coupon.batch.maxUsesPerCode, memberUses }, this.clock.now());
    return { code, valid: reason === null, reason, batchId: coupon.batch.id, campaignId: coupon.batch.campaignId };
  }

  /**
   * Redeems a checkout's codes: all of them or none (FAILED_PRECONDITION naming the code and
   * why). The same transaction again answers the same codes without counting them twice; other
   * codes under the same transaction id are a conflict.
   */
  async redeem(tenant: TenantContext, input: { transactionId: string; memberId: string; codes: readonly string[] }): Promise<{ codes: CouponCheck[]; replayed: boolean }> {
    const codes = [...new Set(input.codes.map((c, i) => this.read(c, `#/coupons/${i}`)))].sort();
    return this.uow.run(async (m) => {
      const previous = await this.coupons.redemptionsOf(m, tenant.tenantId, input.transactionId);
      if (previous.length > 0) {
        const same = previous.map((p) => p.code).join() === codes.join() && previous.every((p) => p.memberId === input.memberId);
        if (!same) throw failedPrecondition('this transaction already redeemed other coupons', [{ pointer: '#/transactionId', detail: 'used with other coupons' }]);
        const locked = await this.coupons.lockCoupons(m, tenant.tenantId, codes);
        return { codes: locked.map((c) => ({ code: c.code, valid: true, reason: null, batchId: c.batch.id, campaignId: c.batch.campaignId })), replayed: true };
      }
      const locked = await this.coupons.lockCoupons(m, tenant.tenantId, codes);
      const now = this.clock.now();
      for (const [i, code] of codes.entries()) {
        const c = locked.find((l) => l.code === code);
        if (!c) throw failedPrecondition(`coupon ${code} does not exist`, [{ pointer: `#/coupons/${i}`, detail: 'unknown coupon' }]);
        const memberUses = await this.coupons.memberUses(m, tenant.tenantId, c.batch.id, input.memberId);
        const reason = refusal({ ...c.batch, uses: c.uses, maxUses: c.batch.maxUsesPerCode, memberUses }, now);
        if (reason !== null) throw failedPrecondition(`coupon ${code} cannot be used: ${reason}`, [{ pointer: `#/coupons/${i}`, detail: reason }]);
      }
      if (locked.length > 0) await this.coupons.redeem(m, tenant.tenantId, input.transactionId, input.memberId, locked);
      return { codes: locked.map((c) => ({ code: c.code, valid: true, reason: null, batchId: c.batch.id, campaignId: c.batch.campaignId })), replayed: false };
    });
  }

  /** A return gives the checkout's coupons back (idempotent: a second return restores nothing more). */
  async restore(tenant: TenantContext, transactionId: string): Promise<{ restored: string[] }> {
    return { restored: await this.uow.run((m) => this.coupons.restore(m, tenant.tenantId, transactionId)) };
  }

  private read(input: string, pointer: string): string {
    const read = readCode(input);
    if (!read.ok) throw invalidArgument(read.reason === 'check' ? 'the coupon code looks mistyped' : 'not a coupon code', [{ pointer, detail: read.reason === 'check' ? 'check character does not match' : 'not a coupon code' }]);
    return read.code;
  }
}
