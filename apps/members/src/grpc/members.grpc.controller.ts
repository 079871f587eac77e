import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import {
  attributeDefinitionSchema,
  consentInputSchema,
  profileFieldsSchema,
  tierLadderInputSchema,
  tierReviewRequestSchema,
  importRequestSchema,
  manualFactorRpcSchema,
  scoringWeightsSchema,
  segmentInputSchema,
  journeyThresholdsSchema,
  type EnrolRequest,
  type IdentifyRequest,
  type Member,
  type TenantContext,
  type TillMember,
} from '@club/contracts';
import { invalidArgument, Tenant, validateRpc } from '@club/platform-nest';
import { MembersService, toProfile, type CardView, type IdentifyBy, type MemberView } from '../services/members.service';
import { TillService } from '../services/till.service';
import { TiersService } from '../services/tiers.service';
import { TierReviewService } from '../services/tier-review.service';
import { ImportService } from '../services/import.service';
import { ScoresService } from '../services/scores.service';
import { SegmentsService } from '../services/segments.service';
import { JourneyService } from '../services/journey.service';
import { MemberPassService } from '../services/member-pass.service';

const enrolSchema = z.object({
  phone: z.string().min(1, 'phone is required').max(40),
  profileJson: z.string().max(100_000),
});

const memberIdSchema = z.object({ memberId: z.uuid() });
const referralSchema = z.object({ referralCode: z.string().trim().min(4).max(16) });

/** Parses a JSON string field of a gRPC request with the shared contract schema. */
function parseJsonField<S extends z.ZodType>(schema: S, json: string, empty: z.infer<S>): z.infer<S> {
  if (json === '') return empty;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw invalidArgument('profile is not valid JSON');
  }
  return validateRpc(schema, value) as z.infer<S>;
}

function toMessage(view: MemberView): Member {
  const m = view.member;
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
    profileJson: JSON.stringify(toProfile(view)),
    referralCode: m.referralCode,
    referredBy: m.referredBy ?? '',
    journeyStage: m.journeyStage,
  };
}

function toCardMessage(c: CardView) {
  return {
    cardNumber: c.cardNumber,
    memberId: c.memberId,
    status: c.status,
    issuedAt: c.issuedAt.toISOString(),
    barcodePayload: c.barcode,
    qrPayload: c.qr,
    replacedBy: c.replacedBy ?? '',
  };
}

/** The one key an IdentifyRequest carries (a oneof). */
function identifyBy(req: IdentifyRequest & { by?: string }): IdentifyBy {
  const by =
    req.by === 'cardNumber' && req.cardNumber
      ? { cardNumber: req.cardNumber }
      : req.by === 'phone' && req.phone
        ? { phone: req.phone }
        : req.by === 'email' && req.email
          ? { email: req.email }
          : req.by === 'memberId' && req.memberId
            ? { memberId: validateRpc(memberIdSchema, { memberId: req.memberId }).memberId }
            : undefined;
  if (!by) throw invalidArgument('identify by exactly one of cardNumber, phone, email or memberId', [{ pointer: '#/member', detail: 'required' }]);
  return by;
}

@Controller()
export class MembersGrpcController {
  constructor(
    private readonly members: MembersService,
    private readonly tiers: TiersService,
    private readonly reviews: TierReviewService,
    private readonly importer: ImportService,
    private readonly scores: ScoresService,
    private readonly segmentsService: SegmentsService,
    private readonly journey: JourneyService,
    private readonly passes: MemberPassService,
    private readonly till: TillService,
  ) {}

  @GrpcMethod('MembersService', 'DefineTierLadder')
  async defineTierLadder(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const input = parseJsonField(tierLadderInputSchema, req.json || '{}', undefined as never);
    return { json: JSON.stringify(await this.tiers.defineLadder(tenant, input)) };
  }

  @GrpcMethod('MembersService', 'ListTierLadders')
  async listTierLadders(@Payload() _req: unknown, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify({ items: await this.tiers.listLadders(tenant) }) };
  }

  @GrpcMethod('MembersService', 'StartTierReview')
  async startTierReview(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const input = parseJsonField(tierReviewRequestSchema, req.json || '{}', undefined as never);
    return { json: JSON.stringify(await this.reviews.requestReview(tenant, input)) };
  }

  @GrpcMethod('MembersService', 'GetTierReview')
  async getTierReview(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id } = parseJsonField(z.object({ id: z.uuid() }), req.json || '{}', undefined as never);
    return { json: JSON.stringify(await this.reviews.getReview(tenant, id)) };
  }

  @GrpcMethod('MembersService', 'CreateImport')
  async createImport(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.importer.createImport(tenant, parseJsonField(importRequestSchema, req.json || '{}', undefined as never))) };
  }

  @GrpcMethod('MembersService', 'AppendImportChunk')
  async appendImportChunk(@Payload() req: { importId: string; seq: number; content: string }, @Tenant() tenant: TenantContext) {
    const { importId } = validateRpc(z.object({ importId: z.uuid() }), { importId: req.importId });
    await this.importer.appendChunk(tenant, importId, req.seq, req.content);
    return { json: '{}' };
  }

  @GrpcMethod('MembersService', 'StartImport')
  async startImport(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id } = parseJsonField(z.object({ id: z.uuid() }), req.json || '{}', undefined as never);
    return { json: JSON.stringify(await this.importer.startImport(tenant, id)) };
  }

  @GrpcMethod('MembersService', 'GetImport')
  async getImport(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id } = parseJsonField(z.object({ id: z.uuid() }), req.json || '{}', undefined as never);
    return { json: JSON.stringify(await this.importer.getImport(tenant, id)) };
  }

  @GrpcMethod('MembersService', 'ExportMember')
  async exportMember(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.members.exportMember(tenant, validateRpc(memberIdSchema, req).memberId)) };
  }

  @GrpcMethod('MembersService', 'EraseMember')
  async eraseMember(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.members.eraseMember(tenant, validateRpc(memberIdSchema, req).memberId)) };
  }

  @GrpcMethod('MembersService', 'GetMemberScores')
  async getMemberScores(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.scores.getMemberScores(tenant, validateRpc(memberIdSchema, req).memberId)) };
  }

  @GrpcMethod('MembersService', 'SetManualFactor')
  async setManualFactor(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const input = parseJsonField(
      manualFactorRpcSchema.extend({ memberId: z.uuid(), factor: z.enum(['impression', 'opportunity', 'debt']) }),
      req.json || '{}',
      undefined as never,
    );
    await this.scores.setManualFactor(tenant, input.memberId, input);
    return { json: JSON.stringify(await this.scores.getMemberScores(tenant, input.memberId)) };
  }

  @GrpcMethod('MembersService', 'SetScoringWeights')
  async setScoringWeights(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { weights } = parseJsonField(scoringWeightsSchema, req.json || '{}', undefined as never);
    return { json: JSON.stringify({ weights: await this.scores.setWeights(tenant, weights) }) };
  }

  @GrpcMethod('MembersService', 'RecomputeScores')
  async recomputeScores(@Payload() _req: unknown, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.passes.request(tenant, 'scores')) };
  }

  @GrpcMethod('MembersService', 'DefineSegment')
  async defineSegment(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const input = parseJsonField(segmentInputSchema, req.json || '{}', undefined as never);
    const s = await this.segmentsService.defineSegment(tenant, input);
    return { json: JSON.stringify({ ...s, updatedAt: s.updatedAt.toISOString() }) };
  }

  @GrpcMethod('MembersService', 'ListSegments')
  async listSegments(@Payload() _req: unknown, @Tenant() tenant: TenantContext) {
    const items = (await this.segmentsService.listSegments(tenant)).map((s) => ({ ...s, updatedAt: s.updatedAt.toISOString() }));
    return { json: JSON.stringify({ items }) };
  }

  @GrpcMethod('MembersService', 'ListSegmentMembers')
  async listSegmentMembers(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const q = parseJsonField(
      z.object({ segmentId: z.uuid(), cursor: z.uuid().nullable().default(null), limit: z.number().int().min(1).max(1000).default(100) }),
      req.json || '{}',
      undefined as never,
    );
    return { json: JSON.stringify(await this.segmentsService.listMembers(tenant, q.segmentId, q.cursor, q.limit)) };
  }

  @GrpcMethod('MembersService', 'GetMemberSegments')
  async getMemberSegments(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.segmentsService.memberSegments(tenant, validateRpc(memberIdSchema, req).memberId)) };
  }

  @GrpcMethod('MembersService', 'RecomputeSegments')
  async recomputeSegments(@Payload() _req: unknown, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.passes.request(tenant, 'segments')) };
  }

  @GrpcMethod('MembersService', 'SetJourneyThresholds')
  async setJourneyThresholds(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.journey.setThresholds(tenant, parseJsonField(journeyThresholdsSchema, req.json || '{}', undefined as never))) };
  }

  @GrpcMethod('MembersService', 'RunJourneyPass')
  async runJourneyPass(@Payload() _req: unknown, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.passes.request(tenant, 'journey')) };
  }

  @GrpcMethod('MembersService', 'GetMemberPass')
  async getMemberPass(@Payload() req: { json: string }, @Tenant() tenant: TenantContext) {
    const { id } = parseJsonField(z.object({ id: z.uuid() }), req.json || '{}', undefined as never);
    return { json: JSON.stringify(await this.passes.get(tenant, id)) };
  }

  @GrpcMethod('MembersService', 'GetMemberTier')
  async getMemberTier(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext) {
    return { json: JSON.stringify(await this.tiers.getMemberTier(tenant, validateRpc(memberIdSchema, req).memberId)) };
  }

  @GrpcMethod('MembersService', 'Enrol')
  async enrol(@Payload() req: EnrolRequest, @Tenant() tenant: TenantContext): Promise<Member> {
    const { phone, profileJson } = validateRpc(enrolSchema, req);
    const profile = parseJsonField(profileFieldsSchema, profileJson, {});
    // Simple clients may send the flat fields only.
    const flat = {
      ...(req.firstName ? { firstName: req.firstName } : {}),
      ...(req.lastName ? { lastName: req.lastName } : {}),
      ...(req.email ? { email: req.email } : {}),
      ...(req.birthDate ? { birthDate: { calendar: 'gregorian' as const, date: req.birthDate } } : {}),
    };
    const referralCode = req.referralCode ? validateRpc(referralSchema, { referralCode: req.referralCode }).referralCode : undefined;
    return toMessage(
      await this.members.enrolMember(tenant, { phone, profile: { ...validateRpc(profileFieldsSchema, flat), ...profile }, ...(referralCode ? { referralCode } : {}) }),
    );
  }

  @GrpcMethod('MembersService', 'GetMember')
  async getMember(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext): Promise<Member> {
    return toMessage(await this.members.getMember(tenant, validateRpc(memberIdSchema, req).memberId));
  }

  @GrpcMethod('MembersService', 'Identify')
  async identify(@Payload() req: IdentifyRequest & { by?: string }, @Tenant() tenant: TenantContext): Promise<Member> {
    return toMessage(await this.members.identifyMember(tenant, identifyBy(req)));
  }

  @GrpcMethod('MembersService', 'IdentifyAtTill')
  async identifyAtTill(@Payload() req: IdentifyRequest & { by?: string }, @Tenant() tenant: TenantContext): Promise<TillMember> {
    const m = await this.till.identify(tenant, identifyBy(req));
    return {
      id: m.id,
      tier: m.tier ?? '',
      tenureDays: m.tenureDays,
      segments: [...m.segments],
      personas: [...m.personas],
      journeyStage: m.journeyStage,
      attributesJson: JSON.stringify(m.attributes),
      birthDate: m.birthDate ?? '',
    };
  }

  @GrpcMethod('MembersService', 'UpdateMember')
  async updateMember(@Payload() req: { memberId: string; mergePatch: string }, @Tenant() tenant: TenantContext): Promise<Member> {
    const { memberId } = validateRpc(memberIdSchema, req);
    return toMessage(await this.members.updateMember(tenant, memberId, parseJsonField(profileFieldsSchema, req.mergePatch, {})));
  }

  @GrpcMethod('MembersService', 'RecordConsent')
  async recordConsent(
    @Payload() req: { memberId: string; channel: string; granted: boolean; source: string },
    @Tenant() tenant: TenantContext,
  ): Promise<Member> {
    const { memberId } = validateRpc(memberIdSchema, req);
    const input = validateRpc(consentInputSchema, { channel: req.channel, granted: req.granted, source: req.source });
    return toMessage(await this.members.recordConsent(tenant, memberId, input));
  }

  @GrpcMethod('MembersService', 'DefineAttribute')
  defineAttribute(@Payload() req: { key: string; type: string; label: string; options: string[] }, @Tenant() tenant: TenantContext) {
    const def = validateRpc(attributeDefinitionSchema, {
      key: req.key,
      type: req.type,
      label: req.label,
      ...(req.options.length > 0 ? { options: req.options } : {}),
    });
    return this.members.defineAttribute(tenant, def).then((d) => ({ ...d, options: d.options ?? [] }));
  }

  @GrpcMethod('MembersService', 'ListAttributes')
  async listAttributes(@Payload() _req: unknown, @Tenant() tenant: TenantContext) {
    return { attributes: (await this.members.listAttributes(tenant)).map((d) => ({ ...d, options: d.options ?? [] })) };
  }

  @GrpcMethod('MembersService', 'ListCards')
  async listCards(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext) {
    return { cards: (await this.members.listCards(tenant, validateRpc(memberIdSchema, req).memberId)).map(toCardMessage) };
  }

  @GrpcMethod('MembersService', 'IssueCard')
  async issueCard(@Payload() req: { memberId: string }, @Tenant() tenant: TenantContext) {
    return toCardMessage(await this.members.issueCard(tenant, validateRpc(memberIdSchema, req).memberId));
  }

  @GrpcMethod('MembersService', 'ReplaceCard')
  async replaceCard(@Payload() req: { cardNumber: string; reason: string }, @Tenant() tenant: TenantContext) {
    return toCardMessage(await this.members.replaceCard(tenant, req.cardNumber, req.reason || null));
  }

  @GrpcMethod('MembersService', 'BlockCard')
  async blockCard(@Payload() req: { cardNumber: string; reason: string }, @Tenant() tenant: TenantContext) {
    return toCardMessage(await this.members.setCardBlocked(tenant, req.cardNumber, true, req.reason || null));
  }

  @GrpcMethod('MembersService', 'UnblockCard')
  async unblockCard(@Payload() req: { cardNumber: string; reason: string }, @Tenant() tenant: TenantContext) {
    return toCardMessage(await this.members.setCardBlocked(tenant, req.cardNumber, false, req.reason || null));
  }
}
