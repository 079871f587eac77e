import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import type { EnrolRequest, IdentifyRequest, Member, TenantContext } from '@club/contracts';
import { invalidArgument, Tenant, validateRpc } from '@club/platform-nest';
import { MembersService } from '../services/members.service';
import type { MemberRecord } from '../repositories/member.repository';

const optional = (s: z.ZodType<string>) => z.union([z.literal(''), s]).transform((v) => (v === '' ? null : v));

const enrolSchema = z.object({
  phone: z.string().min(1, 'phone is required').max(40),
  firstName: optional(z.string().max(100)),
  lastName: optional(z.string().max(100)),
  email: optional(z.email().max(254)),
  birthDate: optional(z.iso.date()),
});

const memberIdSchema = z.object({ memberId: z.uuid() });

function toMessage(m: MemberRecord): Member {
  return {
    id: m.id,
    cardNumber: m.cardNumber,
    phone: m.phone,
    firstName: m.firstName ?? '',
    lastName: m.lastName ?? '',
    email: m.email ?? '',
    birthDate: m.birthDate ?? '',
    locale: m.locale,
    createdAt: m.createdAt.toISOString(),
  };
}

@Controller()
export class MembersGrpcController {
  constructor(private readonly members: MembersService) {}

  @GrpcMethod('MembersService', 'Enrol')
  async enrol(@Payload() req: EnrolRequest, @Tenant() tenant: TenantContext): Promise<Member> {
    return toMessage(await this.members.enrolMember(tenant, validateRpc(enrolSchema, req)));
  }

  @GrpcMethod('MembersService', 'GetMember')
  async getMember(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext): Promise<Member> {
    return toMessage(await this.members.getMember(tenant, validateRpc(memberIdSchema, req).memberId));
  }

  @GrpcMethod('MembersService', 'Identify')
  async identify(@Payload() req: IdentifyRequest & { by?: string }, @Tenant() tenant: TenantContext): Promise<Member> {
    const by =
      req.by === 'cardNumber' && req.cardNumber
        ? { cardNumber: req.cardNumber }
        : req.by === 'phone' && req.phone
          ? { phone: req.phone }
          : req.by === 'memberId' && req.memberId
            ? { memberId: validateRpc(memberIdSchema, { memberId: req.memberId }).memberId }
            : undefined;
    if (!by) throw invalidArgument('identify by exactly one of cardNumber, phone or memberId', [{ pointer: '#/member', detail: 'required' }]);
    return toMessage(await this.members.identifyMember(tenant, by));
  }
}
