import { Inject, Injectable } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { alreadyExists, Clock, CONFIG, Ids, internalError, invalidArgument, notFound, UnitOfWork } from '@club/platform-nest';
import type { MembersConfig } from '../config';
import { generateCardNumber, normaliseCardNumber } from '../domain/card-number';
import { normaliseIranianMobile } from '../domain/phone';
import { CardNumberSource } from '../repositories/card-number.source';
import { MemberRepository, type MemberRecord } from '../repositories/member.repository';

export interface EnrolMemberCommand {
  readonly phone: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly birthDate: string | null;
}

export type IdentifyBy = { cardNumber: string } | { phone: string } | { memberId: string };

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
    @Inject(CONFIG) private readonly config: MembersConfig,
  ) {}

  /** Enrols a member with a new card; the enrolment event commits with the member. */
  async enrolMember(tenant: TenantContext, cmd: EnrolMemberCommand): Promise<MemberRecord> {
    const phone = this.parsePhone(cmd.phone);
    return this.uow.run(async (m) => {
      for (let attempt = 1; attempt <= CARD_ATTEMPTS; attempt++) {
        const member: MemberRecord = {
          id: this.ids.uuid(),
          phone,
          cardNumber: generateCardNumber((n) => this.cards.digits(n), this.config.CARD_PREFIX),
          firstName: cmd.firstName,
          lastName: cmd.lastName,
          email: cmd.email,
          birthDate: cmd.birthDate,
          locale: tenant.locale,
          createdAt: this.clock.now(),
        };
        const outcome = await this.members.insertMember(m, tenant.tenantId, member);
        if (outcome === 'phone-taken') {
          throw alreadyExists('a member with this phone number already exists', [
            { pointer: '#/phone', detail: 'already enrolled in this club' },
          ]);
        }
        if (outcome === 'card-taken') continue; // a random collision: draw another number
        await this.outbox.enqueue(m, {
          topic: 'members.member.enrolled.v1',
          tenantId: tenant.tenantId,
          subject: member.id,
          time: member.createdAt,
          data: {
            memberId: member.id,
            phone: member.phone,
            firstName: member.firstName,
            lastName: member.lastName,
            locale: member.locale,
            enrolledAt: member.createdAt.toISOString(),
          },
        });
        return member;
      }
      throw internalError('could not allocate a unique card number');
    });
  }

  async getMember(tenant: TenantContext, memberId: string): Promise<MemberRecord> {
    const member = await this.members.findById(tenant.tenantId, memberId);
    if (!member) throw notFound('member not found');
    return member;
  }

  /** Identification at the till: one indexed lookup by card, phone or id. */
  async identifyMember(tenant: TenantContext, by: IdentifyBy): Promise<MemberRecord> {
    let member: MemberRecord | undefined;
    if ('cardNumber' in by) {
      const card = normaliseCardNumber(by.cardNumber);
      if (!card.ok) {
        throw invalidArgument('invalid card number', [
          {
            pointer: '#/cardNumber',
            detail: card.reason === 'check-digit' ? 'check digit does not match: the number was probably mistyped' : 'a card number has 16 digits',
          },
        ]);
      }
      member = await this.members.findByCard(tenant.tenantId, card.cardNumber);
    } else if ('phone' in by) {
      member = await this.members.findByPhone(tenant.tenantId, this.parsePhone(by.phone));
    } else {
      member = await this.members.findById(tenant.tenantId, by.memberId);
    }
    if (!member) throw notFound('member not found');
    return member;
  }

  private parsePhone(input: string): string {
    const phone = normaliseIranianMobile(input);
    if (!phone.ok) throw invalidArgument('invalid phone number', [{ pointer: '#/phone', detail: phone.reason }]);
    return phone.e164;
  }
}
