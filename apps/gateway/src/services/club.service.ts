import { Injectable } from '@nestjs/common';
import type { Member, TenantContext } from '@club/contracts';
import { requestHash } from '../domain/request-hash';
import { isGrpcError, notFoundProblem } from '../http/problem';
import type { CheckoutInput, CheckoutResult, EnrolMemberInput, MemberView } from '../http/schemas';
import { ServiceClients } from '../repositories/service-clients';
import { status } from '@grpc/grpc-js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toView(m: Member): MemberView {
  return {
    id: m.id,
    cardNumber: m.cardNumber,
    phone: m.phone,
    firstName: m.firstName || null,
    lastName: m.lastName || null,
    email: m.email || null,
    birthDate: m.birthDate || null,
    locale: m.locale === 'en' ? 'en' : 'fa',
    createdAt: m.createdAt,
  };
}

/** The gateway's use cases: each one is a few gRPC calls to the services that own the data. */
@Injectable()
export class ClubService {
  constructor(private readonly services: ServiceClients) {}

  async enrolMember(tenant: TenantContext, input: EnrolMemberInput): Promise<MemberView> {
    return toView(
      await this.services.enrol(tenant, {
        phone: input.phone,
        firstName: input.firstName ?? '',
        lastName: input.lastName ?? '',
        email: input.email ?? '',
        birthDate: input.birthDate ?? '',
      }),
    );
  }

  async getMember(tenant: TenantContext, memberId: string): Promise<MemberView> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    return toView(await this.services.getMember(tenant, memberId));
  }

  /** Lookup by phone or card: a list with zero or one member (never a 404 for a search). */
  async findMembers(tenant: TenantContext, by: { phone?: string; cardNumber?: string }): Promise<{ items: MemberView[] }> {
    try {
      const m = await this.services.identify(tenant, by.phone !== undefined ? { phone: by.phone } : { cardNumber: by.cardNumber });
      return { items: [toView(m)] };
    } catch (err) {
      if (isGrpcError(err) && err.code === Number(status.NOT_FOUND)) return { items: [] };
      throw err;
    }
  }

  async getPoints(tenant: TenantContext, memberId: string): Promise<{ available: number; pending: number; lifetimeEarned: number }> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    const [, balance] = await Promise.all([this.services.getMember(tenant, memberId), this.services.getBalance(tenant, memberId)]);
    return { available: balance.available, pending: balance.pending, lifetimeEarned: balance.lifetimeEarned };
  }

  async getInbox(tenant: TenantContext, memberId: string): Promise<{ items: { id: string; kind: string; title: string; body: string; locale: 'fa' | 'en'; createdAt: string }[] }> {
    if (!UUID.test(memberId)) throw notFoundProblem('member not found');
    const [, inbox] = await Promise.all([this.services.getMember(tenant, memberId), this.services.listInbox(tenant, memberId, 50)]);
    return {
      items: inbox.messages.map((m) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, locale: m.locale === 'en' ? 'en' : 'fa', createdAt: m.createdAt })),
    };
  }

  /**
   * Identifies the member, then credits the checkout once (points is idempotent per
   * transactionId). Returns whether this was a replay of an earlier identical request.
   */
  async recordCheckout(tenant: TenantContext, input: CheckoutInput): Promise<{ result: CheckoutResult; replayed: boolean }> {
    const ref = input.member;
    const member = await this.services.identify(
      tenant,
      ref.cardNumber !== undefined ? { cardNumber: ref.cardNumber } : ref.phone !== undefined ? { phone: ref.phone } : { memberId: ref.memberId },
    );
    const items = (input.items ?? []).map((i) => ({ sku: i.sku, category: i.category ?? '', quantity: i.quantity, unitPrice: i.unitPrice }));
    const res = await this.services.earnForCheckout(tenant, {
      transactionId: input.transactionId,
      storeId: input.storeId,
      memberId: member.id,
      amount: input.amount,
      currency: input.currency,
      items,
      requestHash: requestHash(input),
    });
    return {
      replayed: res.replayed,
      result: {
        transactionId: res.transactionId,
        memberId: res.memberId,
        pointsEarned: res.pointsEarned,
        balance: { available: res.balance?.available ?? 0, pending: res.balance?.pending ?? 0 },
      },
    };
  }
}
