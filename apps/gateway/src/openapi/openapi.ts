import { z } from 'zod';
import { campaignInputSchema, campaignReplayRequestSchema, campaignReplaySchema, campaignSettingsInputSchema, campaignSettingsSchema, campaignViewSchema, simulationRequestSchema, couponBatchInputSchema, couponBatchViewSchema, couponCheckSchema, importJobSchema, journeyThresholdsSchema, ledgerJobRequestSchema, ledgerJobSchema, ledgerPolicySchema, liabilityReportSchema, memberPassSchema, manualFactorInputSchema, scoringWeightsSchema, segmentInputSchema } from '@club/contracts';
import { badgeInputSchema, badgeListSchema, badgeViewSchema, challengeInputSchema, challengeListSchema, challengeViewSchema, memberProgressSchema, streakInputSchema, streakListSchema, streakViewSchema } from '@club/contracts';
import { rewardInputSchema, rewardPageSchema, rewardRedemptionPageSchema, rewardViewSchema } from '@club/contracts';
import { customEventInputSchema, memberEventResultSchema } from '@club/contracts';
import { rewardRedemptionRequestSchema, rewardRedemptionResultSchema } from '../http/schemas';
import {
  checkoutResultSchema,
  attributeListSchema,
  attributeRequestSchema,
  cardActionSchema,
  cardListSchema,
  cardSchema,
  checkoutSchema,
  consentRequestSchema,
  memberPatchSchema,
  memberTierSchema,
  tierLadderInputSchema,
  tierLadderListSchema,
  tierLadderSchema,
  tierReviewRequestSchema,
  tierReviewSchema,
  earnRateInputSchema,
  earnRateSchema,
  createTenantSchema,
  enrolMemberSchema,
  inboxSchema,
  memberListSchema,
  memberSchema,
  pointsSchema,
  problemSchema,
  tenantSchema,
  adjustmentRequestSchema,
  adjustmentResultSchema,
  entryPageSchema,
  redemptionRequestSchema,
  redemptionResultSchema,
  returnRequestSchema,
  returnResultSchema,
} from '../http/schemas';

type Json = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output'): Json => {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
};

const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const json = (description: string, s: Json): Json => ({ description, content: { 'application/json': { schema: s } } });

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

const operatorHeader = {
  name: 'X-Operator',
  in: 'header',
  required: false,
  description: 'The person acting in the back office (recorded with the API key label in audit fields)',
  schema: { type: 'string', minLength: 1, maxLength: 100 },
};
const transactionParam = { name: 'transactionId', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } };
const redemptionParam = { name: 'redemptionId', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } };
const campaignIdParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const memberIdParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const codeParam = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' } };

const errors = (...codes: number[]): Json => {
  const text: Record<number, string> = {
    400: 'Invalid input (the offending fields are listed in `errors`) or malformed JSON',
    401: 'Missing or invalid credentials',
    404: 'Not found in this club (an unknown id, or another tenant’s)',
    409: 'Conflict (the phone is taken, or the transactionId was used for a different checkout)',
    422: 'Unprocessable: valid, but the current state refuses it (the reason is in `detail`, the fields in `errors`)',
    503: 'A service did not answer in time; retry the same request',
  };
  return Object.fromEntries(codes.map((c) => [String(c), problemResponse(text[c])]));
};

/** The gateway's OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(serverUrl?: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customer Club API',
      version: '1.0.0',
      description:
        'The public API of the customer club platform: tenants (admin), members, checkouts, points and the member inbox. ' +
        'Amounts are integers in the minor unit of the tenant currency; points are integers. Errors are RFC 9457 problem details.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A tenant API key' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The platform admin token (CLUB_ADMIN_TOKEN)' },
      },
      schemas: {
        Problem: schema(problemSchema),
        CreateTenant: schema(createTenantSchema, 'input'),
        Tenant: schema(tenantSchema),
        EnrolMember: schema(enrolMemberSchema, 'input'),
        Member: schema(memberSchema),
        MemberList: schema(memberListSchema),
        Checkout: schema(checkoutSchema, 'input'),
        CheckoutResult: schema(checkoutResultSchema),
        Points: schema(pointsSchema),
        Redemption: schema(redemptionResultSchema),
        MemberPatch: schema(memberPatchSchema, 'input'),
        TierLadderInput: schema(tierLadderInputSchema, 'input'),
        TierLadder: schema(tierLadderSchema),
        TierLadderList: schema(tierLadderListSchema),
        MemberTier: schema(memberTierSchema),
        ImportJob: schema(importJobSchema),
        TierReviewRequest: schema(tierReviewRequestSchema, 'input'),
        TierReview: schema(tierReviewSchema),
        MemberPass: schema(memberPassSchema),
        Consent: schema(consentRequestSchema, 'input'),
        AttributeDefinition: schema(attributeRequestSchema, 'input'),
        AttributeList: schema(attributeListSchema),
        Card: schema(cardSchema),
        CardList: schema(cardListSchema),
        CardAction: schema(cardActionSchema, 'input'),
        EarnRateInput: schema(earnRateInputSchema, 'input'),
        EarnRate: schema(earnRateSchema),
        Inbox: schema(inboxSchema),
      },
    },
    paths: {
      '/v1/admin/tenants': {
        post: {
          operationId: 'createTenant',
          summary: 'Create a tenant (a chain running its own club) and its first API key',
          security: [{ adminToken: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('CreateTenant') } } },
          responses: { '201': json('The tenant; `apiKey` is shown only here', ref('Tenant')), ...errors(400, 401) },
        },
      },
      '/v1/admin/tenants/{id}/earn-rate': {
        put: {
          operationId: 'setEarnRate',
          summary: 'Set the tenant’s flat earn rate (points per amount of minor currency units, rounded down)',
          security: [{ adminToken: [] }],
          parameters: [{ ...memberIdParam, description: 'Tenant id' }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('EarnRateInput') } } },
          responses: { '200': json('The rate now in force', ref('EarnRate')), ...errors(400, 401, 404) },
        },
        get: {
          operationId: 'getEarnRate',
          security: [{ adminToken: [] }],
          parameters: [{ ...memberIdParam, description: 'Tenant id' }],
          responses: { '200': json('The rate in force (isDefault while unset)', ref('EarnRate')), ...errors(401, 404) },
        },
      },
      '/v1/members': {
        post: {
          operationId: 'enrolMember',
          summary: 'Enrol a member; a loyalty card number is issued',
          requestBody: { required: true, content: { 'application/json': { schema: ref('EnrolMember') } } },
          responses: { '201': json('The new member', ref('Member')), ...errors(400, 401, 409) },
        },
        get: {
          operationId: 'findMembers',
          summary: 'Find a member by phone (any accepted form) or card number',
          parameters: [
            { name: 'phone', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'cardNumber', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'email', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: { '200': json('Zero or one member', ref('MemberList')), ...errors(400, 401) },
        },
      },
      '/v1/members/{id}': {
        get: {
          operationId: 'getMember',
          parameters: [memberIdParam],
          responses: { '200': json('The member with the whole profile', ref('Member')), ...errors(401, 404) },
        },
        patch: {
          operationId: 'updateMember',
          summary: 'Change the profile (RFC 7396 merge patch: absent = unchanged, null = cleared, arrays replaced, attributes merged)',
          parameters: [memberIdParam],
          requestBody: {
            required: true,
            content: { 'application/merge-patch+json': { schema: ref('MemberPatch') }, 'application/json': { schema: ref('MemberPatch') } },
          },
          responses: { '200': json('The member after the change', ref('Member')), ...errors(400, 401, 404, 409) },
        },
      },
      '/v1/members/{id}/consents': {
        post: {
          operationId: 'recordConsent',
          summary: 'Record a consent given or withdrawn for a channel (history is kept; the latest is in force)',
          parameters: [memberIdParam],
          requestBody: { required: true, content: { 'application/json': { schema: ref('Consent') } } },
          responses: { '201': json('The member with current consents', ref('Member')), ...errors(400, 401, 404) },
        },
      },
      '/v1/members/{id}/export': {
        get: {
          operationId: 'exportMember',
          summary: 'Everything held about the member (profile, cards, consent history, purchases, statistics, points, inbox)',
          parameters: [memberIdParam],
          responses: { '200': json('The export', { type: 'object' }), ...errors(401, 404) },
        },
      },
      '/v1/members/{id}/erasure': {
        post: {
          operationId: 'eraseMember',
          summary: 'Erase the member: personal data removed in every service, cards released, ledger and statistics kept anonymously',
          parameters: [memberIdParam],
          responses: {
            '200': json('Erased', { type: 'object', properties: { memberId: { type: 'string' }, erasedAt: { type: 'string' }, releasedCards: { type: 'integer' } } }),
            ...errors(401, 404),
          },
        },
      },
      '/v1/members/{id}/cards': {
        get: { operationId: 'listCards', parameters: [memberIdParam], responses: { '200': json('All the member’s cards', ref('CardList')), ...errors(401, 404) } },
        post: {
          operationId: 'issueCard',
          summary: 'Issue an additional card',
          parameters: [memberIdParam],
          responses: { '201': json('The new card', ref('Card')), ...errors(401, 404) },
        },
      },
      ...Object.fromEntries(
        (['replace', 'block', 'unblock'] as const).map((action) => [
          `/v1/cards/{cardNumber}/${action}`,
          {
            post: {
              operationId: `${action}Card`,
              summary:
                action === 'replace' ? 'Replace a card: the old number stops identifying the member at once' : `${action[0].toUpperCase()}${action.slice(1)} a card`,
              parameters: [{ name: 'cardNumber', in: 'path', required: true, schema: { type: 'string' } }],
              requestBody: { required: false, content: { 'application/json': { schema: ref('CardAction') } } },
              responses: {
                [action === 'replace' ? '201' : '200']: json(action === 'replace' ? 'The new card' : 'The card', ref('Card')),
                ...errors(400, 401, 404),
                '422': problemResponse('The card was already replaced'),
              },
            },
          },
        ]),
      ),
      '/v1/tier-ladders': {
        post: {
          operationId: 'defineTierLadder',
          summary: 'Define the tier ladder: a new version that takes effect at effectiveFrom (default now); history is never rewritten',
          description:
            'A version that renames or drops tier codes maps them in `formerCodes` (e.g. `{"silver": "argent"}`): every code of the version ' +
            'in force just before it that it no longer has must be mapped, or the answer is 400 with the pointer `#/formerCodes` naming the ' +
            'unmapped codes. Members on a former code are shown and judged in the mapped code from `effectiveFrom` on (through several ' +
            'versions: silver → argent → plata); a rename is not a tier move, a mapping onto a level of another rank is recorded as one ' +
            '(reason `ladder-change`).',
          requestBody: { required: true, content: { 'application/json': { schema: ref('TierLadderInput') } } },
          responses: { '201': json('The new version', ref('TierLadder')), ...errors(400, 401) },
        },
        get: { operationId: 'listTierLadders', responses: { '200': json('All versions', ref('TierLadderList')), ...errors(401) } },
      },
      '/v1/tier-reviews': {
        post: {
          operationId: 'startTierReview',
          summary: 'Start the periodic tier review (an asynchronous, resumable job; one per review instant); dryRun previews the moves',
          requestBody: { required: false, content: { 'application/json': { schema: ref('TierReviewRequest') } } },
          responses: { '202': json('The run (poll it)', ref('TierReview')), ...errors(400, 401) },
        },
      },
      '/v1/tier-reviews/{id}': {
        get: {
          operationId: 'getTierReview',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': json('Progress, counts and a preview of the moves', ref('TierReview')), ...errors(401, 404) },
        },
      },
      '/v1/members/{id}/tier': {
        get: {
          operationId: 'getMemberTier',
          summary: 'Tier, qualification window and metric, progress to the next tier, tenure and tier history',
          parameters: [memberIdParam],
          responses: { '200': json('The member’s standing', ref('MemberTier')), ...errors(401, 404) },
        },
      },
      '/v1/member-imports': {
        post: {
          operationId: 'importMembers',
          summary: 'Import members from a CSV (header row; phone required) or JSON Lines file: an asynchronous job; upsert by phone',
          parameters: [{ name: 'birthDateCalendar', in: 'query', required: false, schema: { type: 'string', enum: ['jalali', 'gregorian'] } }],
          requestBody: {
            required: true,
            content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
          },
          responses: { '202': json('The job (poll it)', { $ref: '#/components/schemas/ImportJob' }), ...errors(400, 401), '415': problemResponse('Not CSV or JSON Lines') },
        },
      },
      '/v1/member-imports/{id}': {
        get: {
          operationId: 'getMemberImport',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': json('Progress, counts and the line-numbered error report', { $ref: '#/components/schemas/ImportJob' }), ...errors(401, 404) },
        },
      },
      '/v1/members/{id}/scores': {
        get: { operationId: 'getMemberScores', summary: 'RFM and CIVILFORMD scores with the manual factors and weights', parameters: [memberIdParam], responses: { '200': json('Scores', { type: 'object' }), ...errors(401, 404) } },
      },
      '/v1/members/{id}/value-factors/{factor}': {
        put: {
          operationId: 'setValueFactor',
          summary: 'Set a CIVILFORMD factor only people know (impression, opportunity, debt), 1-5; recorded with the operator (X-Operator and the key label)',
          parameters: [memberIdParam, operatorHeader, { name: 'factor', in: 'path', required: true, schema: { type: 'string', enum: ['impression', 'opportunity', 'debt'] } }],
          requestBody: { required: true, content: { 'application/json': { schema: schema(manualFactorInputSchema, 'input') } } },
          responses: { '200': json('Scores', { type: 'object' }), ...errors(400, 401, 404) },
        },
      },
      '/v1/scoring/weights': {
        put: {
          operationId: 'setScoringWeights',
          summary: 'The club’s CIVILFORMD factor weights (integers, default 1)',
          requestBody: { required: true, content: { 'application/json': { schema: schema(scoringWeightsSchema, 'input') } } },
          responses: { '200': json('Weights in force', { type: 'object' }), ...errors(400, 401) },
        },
      },
      '/v1/scoring/recompute': {
        post: {
          operationId: 'recomputeScores',
          summary: 'Recompute every member’s scores now as a resumable job (also run daily by the scheduler); answers the pass started, or the one already running',
          responses: { '202': json('The pass', ref('MemberPass')), ...errors(401) },
        },
      },
      '/v1/segments': {
        post: {
          operationId: 'defineSegment',
          summary: 'Define (or redefine by name) a rule-based segment or persona; the rule is type-checked now',
          requestBody: { required: true, content: { 'application/json': { schema: schema(segmentInputSchema, 'input') } } },
          responses: { '201': json('The definition', { type: 'object' }), ...errors(400, 401) },
        },
        get: { operationId: 'listSegments', responses: { '200': json('Segments and personas', { type: 'object' }), ...errors(401) } },
      },
      '/v1/segments/{id}/members': {
        get: {
          operationId: 'listSegmentMembers',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: { '200': json('A page of members and the next cursor', { type: 'object' }), ...errors(400, 401, 404) },
        },
      },
      '/v1/segments/recompute': {
        post: {
          operationId: 'recomputeSegments',
          summary: 'Re-evaluate every rule for every member now as a resumable job (also run daily after scores); changes are emitted as events',
          responses: { '202': json('The pass', ref('MemberPass')), ...errors(401) },
        },
      },
      '/v1/journey/thresholds': {
        put: {
          operationId: 'setJourneyThresholds',
          requestBody: { required: true, content: { 'application/json': { schema: schema(journeyThresholdsSchema, 'input') } } },
          responses: { '200': json('Thresholds in force', { type: 'object' }), ...errors(400, 401) },
        },
      },
      '/v1/journey/recompute': {
        post: {
          operationId: 'runJourneyPass',
          summary: 'Run the daily journey pass now (at risk, lapsed, churned); the scheduler runs it every day',
          responses: { '202': json('The pass', ref('MemberPass')), ...errors(401) },
        },
      },
      '/v1/member-passes/{id}': {
        get: {
          operationId: 'getMemberPass',
          summary: 'Progress of a scores, segments or journey pass',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': json('The pass', ref('MemberPass')), ...errors(401, 404) },
        },
      },
      '/v1/members/{id}/segments': {
        get: { operationId: 'getMemberSegments', parameters: [memberIdParam], responses: { '200': json('Segments and personas of the member', { type: 'object' }), ...errors(401, 404) } },
      },
      '/v1/member-attributes': {
        get: { operationId: 'listMemberAttributes', responses: { '200': json('The club’s custom attributes', ref('AttributeList')), ...errors(401) } },
      },
      '/v1/member-attributes/{key}': {
        put: {
          operationId: 'defineMemberAttribute',
          summary: 'Declare (or change) a custom attribute with its type; profile values are validated against it',
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('AttributeDefinition') } } },
          responses: { '200': json('The definition', ref('AttributeDefinition')), ...errors(400, 401) },
        },
      },
      '/v1/members/{id}/points': {
        get: {
          operationId: 'getPoints',
          parameters: [memberIdParam],
          responses: { '200': json('Balance figures', ref('Points')), ...errors(401, 404) },
        },
      },
      '/v1/members/{id}/inbox': {
        get: {
          operationId: 'getInbox',
          parameters: [memberIdParam],
          responses: { '200': json('In-app messages, newest first', ref('Inbox')), ...errors(401, 404) },
        },
      },
      '/v1/checkouts': {
        post: {
          operationId: 'recordCheckout',
          summary: 'Record a checkout: identify the member, redeem coupons, apply the live campaigns, credit base + campaign points and spend redeemPoints (idempotent per transactionId)',
          description:
            'Answers the breakdown of every campaign effect (campaign, version, rule, kind, points or discount, receipt text) and the discount the till applies. A sale the ledger refuses (422) gives its coupons and campaign budgets back; a whole return restores its coupons and budgets, and reverses campaign points with the base points.',
          requestBody: { required: true, content: { 'application/json': { schema: ref('Checkout') } } },
          responses: {
            '201': json('Credited', ref('CheckoutResult')),
            '200': json('A retry of an identical checkout: the first response, nothing credited again', ref('CheckoutResult')),
            ...errors(400, 401, 404, 409, 422, 503),
          },
        },
      },
      '/v1/checkouts/{transactionId}/returns': {
        post: {
          operationId: 'recordReturn',
          summary: 'Return items (or an amount) of a recorded checkout: earned points reversed line by line, redeemed points refunded, by the club’s negative-balance policy',
          parameters: [transactionParam],
          requestBody: { required: true, content: { 'application/json': { schema: schema(returnRequestSchema, 'input') } } },
          responses: {
            '201': json('Applied', schema(returnResultSchema)),
            '200': json('A retry of the same return: the first response, nothing applied again', schema(returnResultSchema)),
            ...errors(400, 401, 404, 409, 422),
          },
        },
      },
      '/v1/checkouts/{transactionId}/accept': {
        post: {
          operationId: 'acceptPending',
          summary: 'Make a checkout’s pending points spendable now',
          parameters: [transactionParam],
          responses: { '200': json('Balance figures', ref('Points')), ...errors(401, 404) },
        },
      },
      '/v1/members/{id}/redemptions': {
        post: {
          operationId: 'redeem',
          summary: 'Spend points now, or hold them (capture or release later; a hold expires on its own)',
          parameters: [memberIdParam],
          requestBody: { required: true, content: { 'application/json': { schema: schema(redemptionRequestSchema, 'input') } } },
          responses: {
            '201': json('Captured or held', ref('Redemption')),
            '200': json('A retry of the same redemption: the first response', ref('Redemption')),
            ...errors(400, 401, 404, 409, 422),
          },
        },
      },
      '/v1/redemptions/{redemptionId}/capture': {
        post: {
          operationId: 'captureRedemption',
          parameters: [redemptionParam],
          responses: { '200': json('Captured (again: the same answer)', ref('Redemption')), ...errors(401, 404, 422) },
        },
      },
      '/v1/redemptions/{redemptionId}/release': {
        post: {
          operationId: 'releaseRedemption',
          parameters: [redemptionParam],
          responses: { '200': json('Released (again: the same answer)', ref('Redemption')), ...errors(401, 404, 422) },
        },
      },
      '/v1/members/{id}/points/adjustments': {
        post: {
          operationId: 'adjustPoints',
          summary: 'A manual credit or debit with a reason, recorded with the operator (X-Operator and the key label) in the audit log',
          parameters: [memberIdParam, operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(adjustmentRequestSchema, 'input') } } },
          responses: {
            '201': json('Applied', schema(adjustmentResultSchema)),
            '200': json('A retry of the same adjustment', schema(adjustmentResultSchema)),
            ...errors(400, 401, 404, 409, 422),
          },
        },
      },
      '/v1/members/{id}/points/entries': {
        get: {
          operationId: 'listPointEntries',
          summary: 'The member’s ledger entries, newest first',
          parameters: [
            memberIdParam,
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } },
          ],
          responses: { '200': json('A page of entries and the next cursor', schema(entryPageSchema)), ...errors(400, 401, 404) },
        },
      },
      '/v1/points/policy': {
        get: { operationId: 'getLedgerPolicy', responses: { '200': json('The club’s ledger policy (defaults where not set)', schema(ledgerPolicySchema)), ...errors(401) } },
        put: {
          operationId: 'setLedgerPolicy',
          summary: 'Pending period, expiry, negative-balance policy, hold TTL, expiry warnings, point value and earn rounding (audited)',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(ledgerPolicySchema, 'input') } } },
          responses: { '200': json('The policy in force', schema(ledgerPolicySchema)), ...errors(400, 401) },
        },
      },
      '/v1/points-jobs': {
        post: {
          operationId: 'startLedgerJob',
          summary: 'Activate pending points, expire lots and holds, release expired holds, or send expiry warnings now (the service also schedules them); dryRun previews count and value',
          requestBody: { required: true, content: { 'application/json': { schema: schema(ledgerJobRequestSchema, 'input') } } },
          responses: { '202': json('The job (or the one of that kind already running)', schema(ledgerJobSchema)), ...errors(400, 401) },
        },
      },
      '/v1/points-jobs/{id}': {
        get: {
          operationId: 'getLedgerJob',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': json('The job', schema(ledgerJobSchema)), ...errors(401, 404) },
        },
      },
      '/v1/campaigns': {
        post: {
          operationId: 'createCampaign',
          summary: 'A new draft campaign (version 1); rules are checked when it is published',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(campaignInputSchema, 'input') } } },
          responses: { '201': json('The campaign', schema(campaignViewSchema)), ...errors(400, 401) },
        },
        get: {
          operationId: 'listCampaigns',
          parameters: [{ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['draft', 'scheduled', 'active', 'paused', 'ended'] } }],
          responses: { '200': json('Campaigns, newest first', { type: 'object' }), ...errors(400, 401) },
        },
      },
      '/v1/campaigns/simulate': {
        post: {
          operationId: 'simulateCheckout',
          summary: 'A dry run of a checkout (member facts, cart, store, channel, time) against the live campaigns plus an optional draft: the breakdown; nothing is recorded or counted',
          requestBody: { required: true, content: { 'application/json': { schema: schema(simulationRequestSchema, 'input') } } },
          responses: { '200': json('The breakdown', { type: 'object' }), ...errors(400, 401) },
        },
      },
      '/v1/campaigns/replay': {
        post: {
          operationId: 'startCampaignReplay',
          summary:
            'What a draft (or a saved campaign) would have given over the checkouts recorded in the last 1–90 days, stacked with today’s live campaigns (its incremental points and discount, per rule, members reached, when its budget ran out); a background job, poll it',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(campaignReplayRequestSchema, 'input') } } },
          responses: {
            '202': json('The replay (pending)', schema(campaignReplaySchema)),
            ...errors(400, 401, 404),
            '429': problemResponse('The club already has 3 replays running'),
          },
        },
      },
      '/v1/campaign-replays/{id}': {
        get: {
          operationId: 'getCampaignReplay',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': json('The replay: progress, and the report once completed', schema(campaignReplaySchema)), ...errors(401, 404) },
        },
      },
      '/v1/campaign-settings': {
        get: {
          operationId: 'getCampaignSettings',
          responses: { '200': json('The settings in force (version 0: the defaults, never saved)', schema(campaignSettingsSchema)), ...errors(401) },
        },
        put: {
          operationId: 'setCampaignSettings',
          summary: 'Replace the evaluation groups’ stacking modes and priorities and the point value best-for-customer compares points with discounts by (a new version)',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(campaignSettingsInputSchema, 'input') } } },
          responses: { '200': json('The settings saved', schema(campaignSettingsSchema)), ...errors(400, 401) },
        },
      },
      '/v1/campaigns/{id}': {
        get: { operationId: 'getCampaign', parameters: [campaignIdParam], responses: { '200': json('The campaign with its history', schema(campaignViewSchema)), ...errors(401, 404) } },
        put: {
          operationId: 'saveCampaign',
          summary: 'Save a new version (a live campaign’s rules are checked first; an ended campaign cannot change)',
          parameters: [campaignIdParam, operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(campaignInputSchema, 'input') } } },
          responses: { '200': json('The campaign', schema(campaignViewSchema)), ...errors(400, 401, 404, 422) },
        },
      },
      '/v1/campaigns/{id}/{action}': {
        post: {
          operationId: 'campaignAction',
          summary: 'publish (rules checked), pause, resume or end',
          parameters: [campaignIdParam, { name: 'action', in: 'path', required: true, schema: { type: 'string', enum: ['publish', 'pause', 'resume', 'end'] } }, operatorHeader],
          responses: { '200': json('The campaign', schema(campaignViewSchema)), ...errors(400, 401, 404, 422) },
        },
      },
      '/v1/coupon-batches': {
        post: {
          operationId: 'createCouponBatch',
          summary: 'A batch of unique, non-guessable codes (single or multi use, validity window, per-member limit)',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(couponBatchInputSchema, 'input') } } },
          responses: { '201': json('The batch', schema(couponBatchViewSchema)), ...errors(400, 401) },
        },
      },
      '/v1/coupon-batches/{id}/codes': {
        get: {
          operationId: 'listCouponCodes',
          parameters: [
            campaignIdParam,
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: { '200': json('A page of codes with their use counts', { type: 'object' }), ...errors(400, 401, 404) },
        },
      },
      '/v1/coupons/{code}': {
        get: {
          operationId: 'checkCoupon',
          summary: 'Whether a code can be used now; a mistyped code (its check character fails) is a 400',
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'memberId', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: { '200': json('The check', schema(couponCheckSchema)), ...errors(400, 401) },
        },
      },
      '/v1/badges': {
        post: {
          operationId: 'defineBadge',
          summary: 'A badge (code, Persian and English name and description, https image): awarded at most once per member, by a campaign rule (award-badge), a completed challenge or a streak milestone',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(badgeInputSchema, 'input') } } },
          responses: { '201': json('The badge', schema(badgeViewSchema)), ...errors(400, 401), '409': problemResponse('A badge with this code exists in the club') },
        },
        get: { operationId: 'listBadges', responses: { '200': json('The club’s badges by code', schema(badgeListSchema)), ...errors(401) } },
      },
      '/v1/badges/{code}': {
        put: {
          operationId: 'saveBadge',
          summary: 'Change a badge’s name, description or image (members keep it)',
          parameters: [codeParam, operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(badgeInputSchema, 'input') } } },
          responses: { '200': json('The badge', schema(badgeViewSchema)), ...errors(400, 401, 404) },
        },
      },
      '/v1/challenges': {
        post: {
          operationId: 'defineChallenge',
          summary:
            'A challenge: a goal (purchase-count, distinct-categories, spend in minor units, or steps advanced by advance-challenge rule effects) per week, month or year of the club calendar ' +
            '(Jalali weeks start on Saturday; periods turn at local midnight in the club time zone) or over its window (period none); optional window, badge on completion, repeatable per period or once',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(challengeInputSchema, 'input') } } },
          responses: { '201': json('The challenge', schema(challengeViewSchema)), ...errors(400, 401), '409': problemResponse('A challenge with this code exists in the club') },
        },
        get: { operationId: 'listChallenges', responses: { '200': json('The club’s challenges by code, with their status now', schema(challengeListSchema)), ...errors(401) } },
      },
      '/v1/challenges/{code}': {
        put: {
          operationId: 'saveChallenge',
          summary: 'Change a challenge’s name, description, window or badge; its goal, period, calendar and repeat mode are fixed once defined (422): define a new challenge instead. Progress counted is kept.',
          parameters: [codeParam, operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(challengeInputSchema, 'input') } } },
          responses: { '200': json('The challenge', schema(challengeViewSchema)), ...errors(400, 401, 404, 422) },
        },
      },
      '/v1/streaks': {
        post: {
          operationId: 'defineStreak',
          summary: 'A streak: consecutive weeks or months of the club calendar with at least one qualifying purchase; milestones (run lengths) may award a badge and are events',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(streakInputSchema, 'input') } } },
          responses: { '201': json('The streak', schema(streakViewSchema)), ...errors(400, 401), '409': problemResponse('A streak with this code exists in the club') },
        },
        get: { operationId: 'listStreaks', responses: { '200': json('The club’s streaks by code', schema(streakListSchema)), ...errors(401) } },
      },
      '/v1/streaks/{code}': {
        put: {
          operationId: 'saveStreak',
          summary: 'Change a streak’s name, description, qualifying amount or milestones; its period and calendar are fixed once defined (422)',
          parameters: [codeParam, operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(streakInputSchema, 'input') } } },
          responses: { '200': json('The streak', schema(streakViewSchema)), ...errors(400, 401, 404, 422) },
        },
      },
      '/v1/members/{id}/progress': {
        get: {
          operationId: 'getMemberProgress',
          summary:
            'The member’s badges (when and why each was awarded), the challenges active now with progress, goal and period (current period; once-challenges stay completed) and streaks (current, longest). ' +
            'Progress is counted from checkouts asynchronously, usually within a second.',
          parameters: [memberIdParam],
          responses: { '200': json('Progress', schema(memberProgressSchema)), ...errors(401, 404) },
        },
      },
      '/v1/rewards': {
        post: {
          operationId: 'createReward',
          summary: 'A reward of the catalogue: code, Persian and/or English name and description, price in points, stock (null = unlimited), optional validity window and per-member limit',
          parameters: [operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(rewardInputSchema, 'input') } } },
          responses: { '201': json('The reward', schema(rewardViewSchema)), ...errors(400, 401), '409': problemResponse('A reward with this code exists in the club') },
        },
        get: {
          operationId: 'listRewards',
          summary: 'The catalogue by code, a page at a time',
          parameters: [
            { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['active', 'archived'] } },
            { name: 'available', in: 'query', required: false, description: 'true: only what can be redeemed now (active, inside its window, in stock)', schema: { type: 'string', enum: ['true', 'false'] } },
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } },
          ],
          responses: { '200': json('A page of rewards; nextCursor is null on the last page', schema(rewardPageSchema)), ...errors(400, 401) },
        },
      },
      '/v1/rewards/{id}': {
        get: { operationId: 'getReward', parameters: [campaignIdParam], responses: { '200': json('The reward with its stock, units in flight and units redeemed', schema(rewardViewSchema)), ...errors(401, 404) } },
        put: {
          operationId: 'saveReward',
          summary: 'Replace a reward’s definition (version + 1). `stock` is the units left from now on; redemptions in flight keep their unit and the price they were reserved at. Archive with status archived.',
          parameters: [campaignIdParam, operatorHeader],
          requestBody: { required: true, content: { 'application/json': { schema: schema(rewardInputSchema, 'input') } } },
          responses: { '200': json('The reward', schema(rewardViewSchema)), ...errors(400, 401, 404), '409': problemResponse('Another reward of the club has this code') },
        },
      },
      '/v1/members/{id}/events': {
        post: {
          operationId: 'recordMemberEvent',
          summary:
            'A custom event of the member: the club’s live campaigns with `custom-event` rules for this `name` are evaluated (conditions read `event.name` and `event.properties`; limits count) and their points credited in the ledger (operator `campaigns`). ' +
            '`eventId` is the idempotency key: the same event again answers the first result with `replayed: true`, crediting nothing twice. Badges, challenge steps and coupons of such rules are listed in `awards[].kinds`, not applied yet.',
          parameters: [memberIdParam],
          requestBody: { required: true, content: { 'application/json': { schema: schema(customEventInputSchema, 'input') } } },
          responses: {
            '200': json('What the rules gave (points credited), or the first answer again', schema(memberEventResultSchema)),
            ...errors(400, 401, 404),
            '409': problemResponse('The eventId was already used for another event (another member, name or properties)'),
            '503': problemResponse('A service did not answer in time; retry with the same eventId'),
          },
        },
      },
      '/v1/members/{id}/reward-redemptions': {
        post: {
          operationId: 'redeemReward',
          summary:
            'Redeem one unit of a reward for its price in points: a unit of stock is reserved, the points held and captured (points redemption `reward:<redemptionId>`). ' +
            '201 the first time; the same redemptionId again answers 200 with the same body, completing a redemption an earlier attempt left unfinished — never charging or taking stock twice.',
          parameters: [memberIdParam],
          requestBody: { required: true, content: { 'application/json': { schema: schema(rewardRedemptionRequestSchema, 'input') } } },
          responses: {
            '201': json('The fulfilled redemption and the member’s points', schema(rewardRedemptionResultSchema)),
            '200': json('The same redemption again (a retry)', schema(rewardRedemptionResultSchema)),
            ...errors(400, 401, 404),
            '409': problemResponse('The redemptionId was used for another reward or member, or this redemption was cancelled because it was not completed in time (redemption-expired: nothing was taken; redeem again with a new id)'),
            '422': problemResponse('Refused: not enough points (insufficient-points: the unit went back to stock, nothing was taken), or the reward is archived, outside its window, out of stock or the member reached its limit (`errors` names the reason)'),
            '503': problemResponse('A service did not answer in time; retry with the same redemptionId'),
          },
        },
        get: {
          operationId: 'listRewardRedemptions',
          summary: 'The member’s reward redemptions, newest first (reserved, held, fulfilled or released with the reason)',
          parameters: [
            memberIdParam,
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } },
          ],
          responses: { '200': json('A page of redemptions', schema(rewardRedemptionPageSchema)), ...errors(400, 401, 404) },
        },
      },
      '/v1/reports/points-liability': {
        get: {
          operationId: 'getPointsLiability',
          summary: 'Outstanding points (available, pending, held) and their value, now or at a past instant',
          parameters: [{ name: 'at', in: 'query', required: false, schema: { type: 'string', format: 'date-time' } }],
          responses: { '200': json('Liability', schema(liabilityReportSchema)), ...errors(400, 401) },
        },
      },
    },
  };
}
