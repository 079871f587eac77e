import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bothCalendars } from '@club/calendar';
import {
  CHANNELS,
  type AttributeDefinition,
  type Channel,
  type MemberProfile,
  type ProfileFields,
  type TenantContext,
} from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { alreadyExists, Clock, CONFIG, failedPrecondition, Ids, internalError, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import type { MembersConfig } from '../config';
import { generateCardNumber, normaliseCardNumber } from '../domain/card-number';
import { normaliseIranianMobile } from '../domain/phone';
import { applyPatch, cardPayloads, coerceAttribute, EMPTY_PROFILE, parseBirthDate, type ProfilePatch, type ProfileState } from '../domain/profile';
import { CardNumberSource } from '../repositories/card-number.source';
import { MemberRepository, type CardRecord, type ConsentRecord, type MemberRecord } from '../repositories/member.repository';
import { ActivityRepository } from '../repositories/activity.repository';

export interface EnrolMemberCommand {
  readonly phone: string;
  readonly profile: ProfileFields;
  /** The inviting member's referral code. */
  readonly referralCode?: string;
}

export type IdentifyBy = { cardNumber: string } | { phone: string } | { memberId: string } | { email: string };

export interface MemberView {
  readonly member: MemberRecord;
  readonly consents: readonly ConsentRecord[];
}

export interface CardView extends CardRecord {
  readonly barcode: string;
  readonly qr: string;
}

const CARD_ATTEMPTS = 5;

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: Ids,
    private readonly cards: CardNumberSource,
    private readonly activity: ActivityRepository,
    @Inject(CONFIG) private readonly config: MembersConfig,
  ) {}

  /** Enrols a member with a new card; the enrolment event commits with the member. */
  async enrolMember(tenant: TenantContext, cmd: EnrolMemberCommand): Promise<MemberView> {
    const phone = this.parsePhone(cmd.phone);
    const defs = await this.members.listAttributeDefinitions(tenant.tenantId);
    const patched = applyPatch({ ...EMPTY_PROFILE, locale: tenant.locale }, this.resolvePatch(tenant, cmd.profile), defs);
    if (!patched.ok) throw invalidArgument('invalid profile', patched.errors);
    const profile = patched.state;
    let referredBy: string | null = null;
    if (cmd.referralCode) {
      const referrer = await this.members.findByReferralCode(tenant.tenantId, cmd.referralCode.trim().toUpperCase());
      if (!referrer) throw invalidArgument('unknown referral code', [{ pointer: '#/referralCode', detail: 'no member of this club has this code' }]);
      if (referrer.phone === phone) throw invalidArgument('a member cannot refer themselves', [{ pointer: '#/referralCode', detail: 'self-referral' }]);
      referredBy = referrer.id;
    }
    await this.activity.rememberTenant(tenant.tenantId, tenant);
    const member = await this.uow.run(async (m) => {
      for (let attempt = 1; attempt <= CARD_ATTEMPTS; attempt++) {
        const now = this.clock.now();
        const record: MemberRecord = {
          ...profile,
          id: this.ids.uuid(),
          phone,
          cardNumber: this.newCardNumber(),
          referralCode: this.cards.referralCode(),
          referredBy,
          journeyStage: 'enrolled',
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        const outcome = await this.members.insertMember(m, tenant.tenantId, record);
        if (outcome === 'phone-taken') {
          throw alreadyExists('a member with this phone number already exists', [{ pointer: '#/phone', detail: 'already enrolled in this club' }]);
        }
        if (outcome === 'email-taken') {
          throw alreadyExists('a member with this e-mail already exists', [{ pointer: '#/email', detail: 'already used in this club' }]);
        }
        if (outcome === 'card-taken' || outcome === 'code-taken') continue; // a random collision: draw again
        await this.outbox.enqueue(m, {
          topic: 'members.member.enrolled.v1',
          tenantId: tenant.tenantId,
          subject: record.id,
          time: now,
          data: {
            memberId: record.id,
            phone: record.phone,
            firstName: record.firstName,
            lastName: record.lastName,
            locale: record.locale,
            enrolledAt: now.toISOString(),
          },
        });
        return record;
      }
      throw internalError('could not allocate a unique card number');
    });
    return { member, consents: [] };
  }

  /**
   * One imported row inside the import job's transaction: upsert by phone. A new phone enrols a
   * member (card, referral code, enrolment event); a known phone gets the row's fields merged in
   * (a change bumps the version and emits an update event; the same row again changes nothing).
   */
  async importMember(
    m: EntityManager,
    tenant: TenantContext,
    row: { phone: string; profile: ProfileFields },
    defs: readonly AttributeDefinition[],
  ): Promise<'imported' | 'updated' | 'unchanged' | { errors: { field: string; reason: string }[] }> {
    const attributes: Record<string, string | number | boolean | null> = {};
    const errors: { field: string; reason: string }[] = [];
    for (const [key, value] of Object.entries(row.profile.attributes ?? {})) {
      const coerced = coerceAttribute(defs.find((d) => d.key === key), value);
      if (coerced !== null && typeof coerced === 'object') errors.push({ field: `attributes.${key}`, reason: coerced.error });
      else attributes[key] = coerced;
    }
    if (errors.length > 0) return { errors };
    let patch: ProfilePatch;
    try {
      patch = this.resolvePatch(tenant, { ...row.profile, ...(row.profile.attributes ? { attributes } : {}) });
    } catch (err) {
      return { errors: problemFields(err) };
    }
    const existing = await this.members.lockByPhone(m, tenant.tenantId, row.phone);
    if (existing) {
      const result = applyPatch(existing, patch, defs);
      if (!result.ok) return { errors: result.errors.map((e) => ({ field: e.pointer.replace(/^#\//, '').replace(/\//g, '.'), reason: e.detail })) };
      if (result.changed.length === 0) return 'unchanged';
      const updated = await this.members.updateProfile(m, tenant.tenantId, existing.id, result.state, this.clock.now());
      if (updated === 'email-taken') return { errors: [{ field: 'email', reason: 'already used by another member of this club' }] };
      await this.emitUpdated(m, tenant, updated, await this.members.currentConsents(tenant.tenantId, existing.id, m), result.changed);
      return 'updated';
    }
    const created = applyPatch({ ...EMPTY_PROFILE, locale: tenant.locale }, patch, defs);
    if (!created.ok) return { errors: created.errors.map((e) => ({ field: e.pointer.replace(/^#\//, '').replace(/\//g, '.'), reason: e.detail })) };
    for (let attempt = 1; attempt <= CARD_ATTEMPTS; attempt++) {
      const now = this.clock.now();
      const record: MemberRecord = {
        ...created.state,
        id: this.ids.uuid(),
        phone: row.phone,
        cardNumber: this.newCardNumber(),
        referralCode: this.cards.referralCode(),
        referredBy: null,
        journeyStage: 'enrolled',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const outcome = await this.members.insertMember(m, tenant.tenantId, record);
      if (outcome === 'card-taken' || outcome === 'code-taken') continue;
      if (outcome === 'email-taken') return { errors: [{ field: 'email', reason: 'already used by another member of this club' }] };
      if (outcome === 'phone-taken') return { errors: [{ field: 'phone', reason: 'enrolled concurrently; run the import again' }] };
      await this.outbox.enqueue(m, {
        topic: 'members.member.enrolled.v1',
        tenantId: tenant.tenantId,
        subject: record.id,
        time: now,
        data: { memberId: record.id, phone: record.phone, firstName: record.firstName, lastName: record.lastName, locale: record.locale, enrolledAt: now.toISOString() },
      });
      return 'imported';
    }
    return { errors: [{ field: 'row', reason: 'could not allocate a unique card number' }] };
  }

  /** Everything the members service holds about a member, as JSON (the gateway adds points and inbox). */
  async exportMember(tenant: TenantContext, memberId: string): Promise<Record<string, unknown>> {
    const view = await this.getMember(tenant, memberId);
    const m = view.member;
    const [cards, consents, stats, purchases, extras] = await Promise.all([
      this.members.listCards(tenant.tenantId, memberId),
      this.members.consentHistory(tenant.tenantId, memberId),
      this.activity.findStats(tenant.tenantId, memberId),
      this.activity.listPurchases(tenant.tenantId, memberId),
      this.members.exportExtras(tenant.tenantId, memberId),
    ]);
    return {
      member: { id: m.id, phone: m.phone, cardNumber: m.cardNumber, referralCode: m.referralCode, referredBy: m.referredBy, journeyStage: m.journeyStage, createdAt: m.createdAt.toISOString() },
      profile: toProfile(view),
      cards: cards.map((c) => ({ ...withPayloads(c), issuedAt: c.issuedAt.toISOString() })),
      consentHistory: consents.map((c) => ({ ...c, recordedAt: c.recordedAt.toISOString() })),
      statistics: stats
        ? { ...stats, firstPurchaseAt: stats.firstPurchaseAt?.toISOString() ?? null, lastPurchaseAt: stats.lastPurchaseAt?.toISOString() ?? null }
        : null,
      purchases: purchases.map((p) => ({ transactionId: p.transactionId, storeId: p.storeId, amount: p.amount, tierPoints: p.tierPoints, occurredAt: p.occurredAt.toISOString() })),
      ...extras,
    };
  }

  /**
   * Erases a member: personal data removed, consents deleted, cards released; the id stays so the
   * ledger, statistics and tier history stay consistent. Other services act on members.member.erased.v1.
   */
  async eraseMember(tenant: TenantContext, memberId: string): Promise<{ memberId: string; erasedAt: string; releasedCards: number }> {
    return this.uow.run(async (m) => {
      if (!(await this.members.lockMember(m, tenant.tenantId, memberId))) throw notFound('member not found');
      const at = this.clock.now();
      const released = await this.members.eraseMember(m, tenant.tenantId, memberId, at);
      await this.outbox.enqueue(m, { topic: 'members.member.erased.v1', tenantId: tenant.tenantId, subject: memberId, time: at, data: { memberId, erasedAt: at.toISOString() } });
      return { memberId, erasedAt: at.toISOString(), releasedCards: released.length };
    });
  }

  async getMember(tenant: TenantContext, memberId: string): Promise<MemberView> {
    const member = await this.members.findById(tenant.tenantId, memberId);
    if (!member) throw notFound('member not found');
    return { member, consents: await this.members.currentConsents(tenant.tenantId, memberId) };
  }

  /** Identification at the till: one indexed lookup by card, phone, e-mail or id. */
  async identifyMember(tenant: TenantContext, by: IdentifyBy): Promise<MemberView> {
    let member: MemberRecord | undefined;
    if ('cardNumber' in by) {
      member = await this.members.findByCard(tenant.tenantId, this.parseCard(by.cardNumber));
    } else if ('phone' in by) {
      member = await this.members.findByPhone(tenant.tenantId, this.parsePhone(by.phone));
    } else if ('email' in by) {
      member = await this.members.findByEmail(tenant.tenantId, by.email.trim());
    } else {
      member = await this.members.findById(tenant.tenantId, by.memberId);
    }
    if (!member) throw notFound('member not found');
    // Consents are not needed at the till: identification stays one query.
    return { member, consents: [] };
  }

  /** The identification key as stored: a card number with its check digit verified, a phone in E.164. */
  normaliseIdentity(by: IdentifyBy): IdentifyBy {
    if ('cardNumber' in by) return { cardNumber: this.parseCard(by.cardNumber) };
    if ('phone' in by) return { phone: this.parsePhone(by.phone) };
    if ('email' in by) return { email: by.email.trim() };
    return by;
  }

  /** RFC 7396 merge patch of the profile; a change bumps the version and emits members.member.updated.v1. */
  async updateMember(tenant: TenantContext, memberId: string, patch: ProfileFields): Promise<MemberView> {
    const resolved = this.resolvePatch(tenant, patch);
    const defs = await this.members.listAttributeDefinitions(tenant.tenantId);
    return this.uow.run(async (m) => {
      const current = await this.members.lockMember(m, tenant.tenantId, memberId);
      if (!current) throw notFound('member not found');
      const result = applyPatch(current, resolved, defs);
      if (!result.ok) throw invalidArgument('invalid profile', result.errors);
      const consents = await this.members.currentConsents(tenant.tenantId, memberId, m);
      if (result.changed.length === 0) return { member: current, consents };
      const now = this.clock.now();
      const updated = await this.members.updateProfile(m, tenant.tenantId, memberId, result.state, now);
      if (updated === 'email-taken') {
        throw alreadyExists('a member with this e-mail already exists', [{ pointer: '#/email', detail: 'already used in this club' }]);
      }
      await this.emitUpdated(m, tenant, updated, consents, result.changed);
      return { member: updated, consents };
    });
  }

  /** Records a consent decision (append-only history); the latest per channel is in force. */
  async recordConsent(tenant: TenantContext, memberId: string, input: { channel: Channel; granted: boolean; source: string }): Promise<MemberView> {
    return this.uow.run(async (m) => {
      const current = await this.members.lockMember(m, tenant.tenantId, memberId);
      if (!current) throw notFound('member not found');
      const now = this.clock.now();
      await this.members.insertConsent(m, tenant.tenantId, { id: this.ids.uuid(), memberId, ...input, recordedAt: now });
      const updated = await this.members.touchMember(m, tenant.tenantId, memberId, now);
      const consents = await this.members.currentConsents(tenant.tenantId, memberId, m);
      await this.emitUpdated(m, tenant, updated, consents, [`consents.${input.channel}`]);
      return { member: updated, consents };
    });
  }

  /** Saves a definition; `members.attribute.defined.v1` (in the same transaction) declares it to campaign rules. */
  async defineAttribute(tenant: TenantContext, def: AttributeDefinition): Promise<AttributeDefinition> {
    await this.uow.run(async (m) => {
      const definedAt = await this.members.upsertAttributeDefinition(tenant.tenantId, def, m);
      await this.outbox.enqueue(m, {
        topic: 'members.attribute.defined.v1',
        tenantId: tenant.tenantId,
        subject: def.key,
        time: definedAt,
        data: { key: def.key, type: def.type, options: def.options ?? null, definedAt: definedAt.toISOString() },
      });
    });
    return def;
  }

  listAttributes(tenant: TenantContext): Promise<AttributeDefinition[]> {
    return this.members.listAttributeDefinitions(tenant.tenantId);
  }

  // --- cards ----------------------------------------------------------------------------------

  async listCards(tenant: TenantContext, memberId: string): Promise<CardView[]> {
    if (!(await this.members.findById(tenant.tenantId, memberId))) throw notFound('member not found');
    return (await this.members.listCards(tenant.tenantId, memberId)).map(withPayloads);
  }

  /** An additional active card for the member (e.g. a family card). */
  async issueCard(tenant: TenantContext, memberId: string): Promise<CardView> {
    return this.uow.run(async (m) => {
      if (!(await this.members.lockMember(m, tenant.tenantId, memberId))) throw notFound('member not found');
      const card = await this.insertNewCard(m, tenant.tenantId, memberId);
      await this.emitCardChanged(m, tenant, card, 'issued');
      return withPayloads(card);
    });
  }

  /** Replaces a card: the old one stops identifying the member at once; the new one becomes current. */
  async replaceCard(tenant: TenantContext, cardNumber: string, reason: string | null): Promise<CardView> {
    const number = this.parseCard(cardNumber);
    return this.uow.run(async (m) => {
      const old = await this.members.lockCard(m, tenant.tenantId, number);
      if (!old) throw notFound('card not found');
      if (old.status === 'replaced') throw failedPrecondition('this card was already replaced', [{ pointer: '#/cardNumber', detail: `replaced by another card` }]);
      await this.members.lockMember(m, tenant.tenantId, old.memberId);
      const card = await this.insertNewCard(m, tenant.tenantId, old.memberId);
      await this.members.setCardStatus(m, tenant.tenantId, number, 'replaced', reason, card.cardNumber);
      await this.members.setPrimaryCard(m, tenant.tenantId, old.memberId, card.cardNumber);
      await this.emitCardChanged(m, tenant, card, 'replaced', number);
      return withPayloads(card);
    });
  }

  async setCardBlocked(tenant: TenantContext, cardNumber: string, blocked: boolean, reason: string | null): Promise<CardView> {
    const number = this.parseCard(cardNumber);
    return this.uow.run(async (m) => {
      const card = await this.members.lockCard(m, tenant.tenantId, number);
      if (!card) throw notFound('card not found');
      if (card.status === 'replaced') throw failedPrecondition('a replaced card cannot be blocked or unblocked', [{ pointer: '#/cardNumber', detail: 'replaced' }]);
      const target = blocked ? 'blocked' : 'active';
      if (card.status === target) return withPayloads(card);
      const updated = await this.members.setCardStatus(m, tenant.tenantId, number, target, reason);
      await this.emitCardChanged(m, tenant, updated, blocked ? 'blocked' : 'unblocked');
      return withPayloads(updated);
    });
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Resolves the birth date (either calendar) into an ISO date; everything else passes through. */
  private resolvePatch(tenant: TenantContext, fields: ProfileFields): ProfilePatch {
    const { birthDate, ...rest } = fields;
    let iso: string | null | undefined;
    if (birthDate === null) iso = null;
    else if (birthDate !== undefined) {
      const parsed = parseBirthDate(birthDate, tenant.calendar, this.clock.now().toISOString().slice(0, 10));
      if (!parsed.ok) throw invalidArgument('invalid birth date', [{ pointer: '#/birthDate', detail: parsed.reason }]);
      iso = parsed.iso;
    }
    const email = rest.email === undefined || rest.email === null ? rest.email : rest.email.trim().toLowerCase();
    return { ...rest, ...(email !== undefined ? { email } : {}), ...(iso !== undefined ? { birthDate: iso } : {}) };
  }

  private async insertNewCard(m: EntityManager, tenantId: string, memberId: string): Promise<CardRecord> {
    for (let attempt = 1; attempt <= CARD_ATTEMPTS; attempt++) {
      const cardNumber = this.newCardNumber();
      const at = this.clock.now();
      if (await this.members.insertCard(m, tenantId, memberId, cardNumber, at)) {
        return { cardNumber, memberId, status: 'active', issuedAt: at, replacedBy: null };
      }
    }
    throw internalError('could not allocate a unique card number');
  }

  private newCardNumber(): string {
    return generateCardNumber((n) => this.cards.digits(n), this.config.CARD_PREFIX);
  }

  private async emitUpdated(m: EntityManager, tenant: TenantContext, member: MemberRecord, consents: readonly ConsentRecord[], changed: readonly string[]): Promise<void> {
    await this.outbox.enqueue(m, {
      topic: 'members.member.updated.v1',
      tenantId: tenant.tenantId,
      subject: member.id,
      time: member.updatedAt,
      data: {
        memberId: member.id,
        version: member.version,
        changedFields: [...changed],
        firstName: member.firstName,
        locale: member.locale,
        email: member.email,
        preferredChannels: member.preferredChannels.filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c)),
        consents: Object.fromEntries(consents.map((c) => [c.channel, c.granted])),
        updatedAt: member.updatedAt.toISOString(),
      },
    });
  }

  private async emitCardChanged(
    m: EntityManager,
    tenant: TenantContext,
    card: CardRecord,
    action: 'issued' | 'replaced' | 'blocked' | 'unblocked',
    previousCardNumber?: string,
  ): Promise<void> {
    const at = this.clock.now();
    await this.outbox.enqueue(m, {
      topic: 'members.card.changed.v1',
      tenantId: tenant.tenantId,
      subject: card.memberId,
      time: at,
      data: { memberId: card.memberId, action, cardNumber: card.cardNumber, previousCardNumber: previousCardNumber ?? null, status: card.status, at: at.toISOString() },
    });
  }

  private parseCard(input: string): string {
    const card = normaliseCardNumber(input);
    if (card.ok) return card.cardNumber;
    throw invalidArgument('invalid card number', [
      {
        pointer: '#/cardNumber',
        detail: card.reason === 'check-digit' ? 'check digit does not match: the number was probably mistyped' : 'a card number has 16 digits',
      },
    ]);
  }

  private parsePhone(input: string): string {
    const phone = normaliseIranianMobile(input);
    if (!phone.ok) throw invalidArgument('invalid phone number', [{ pointer: '#/phone', detail: phone.reason }]);
    return phone.e164;
  }
}

/** The offending fields of an RpcException thrown by validation, for a row report. */
function problemFields(err: unknown): { field: string; reason: string }[] {
  const e = err as { getError?: () => unknown };
  const payload = typeof e.getError === 'function' ? (e.getError() as { message?: string }) : undefined;
  try {
    const parsed = JSON.parse(payload?.message ?? '') as { detail: string; errors?: { pointer: string; detail: string }[] };
    return (parsed.errors ?? [{ pointer: '#/row', detail: parsed.detail }]).map((x) => ({ field: x.pointer.replace(/^#\//, '').replace(/\//g, '.'), reason: x.detail }));
  } catch {
    throw err;
  }
}

function withPayloads(card: CardRecord): CardView {
  const p = cardPayloads(card.cardNumber);
  return { ...card, barcode: p.barcode, qr: p.qr };
}

/** The profile as the API shows it: birth date in both calendars, consents per channel. */
export function toProfile(view: MemberView): MemberProfile {
  const m: ProfileState & { version: number; updatedAt: Date; birthDate: string | null } = view.member;
  return {
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    birthDate: m.birthDate ? bothCalendars(m.birthDate) : null,
    gender: m.gender as MemberProfile['gender'],
    maritalStatus: m.maritalStatus as MemberProfile['maritalStatus'],
    economicBand: m.economicBand as MemberProfile['economicBand'],
    interests: [...m.interests],
    lifestyle: [...m.lifestyle],
    preferredChannels: m.preferredChannels as Channel[],
    primaryNeed: m.primaryNeed,
    secondaryNeeds: [...m.secondaryNeeds],
    joinReason: m.joinReason,
    competitorExperience: m.competitorExperience,
    locale: m.locale,
    attributes: { ...m.attributes },
    consents: Object.fromEntries(view.consents.map((c) => [c.channel, { granted: c.granted, source: c.source, recordedAt: c.recordedAt.toISOString() }])),
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}
