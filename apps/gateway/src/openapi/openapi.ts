import { z } from 'zod';
import { campaignInputSchema, campaignViewSchema, simulationRequestSchema, couponBatchInputSchema, couponBatchViewSchema, couponCheckSchema, importJobSchema, journeyThresholdsSchema, ledgerJobRequestSchema, ledgerJobSchema, ledgerPolicySchema, liabilityReportSchema, memberPassSchema, manualFactorInputSchema, scoringWeightsSchema, segmentInputSchema } from '@club/contracts';
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

const errors = (...codes: number[]): Json => {
  const text: Record<number, string> = {
    400: 'Invalid input (the offending fields are listed in `errors`) or malformed JSON',
    401: 'Missing or invalid credentials',
    404: 'Not found in this club (an unknown id, or another tenant’s)',
    409: 'Conflict (the phone is taken, or the transactionId was used for a different checkout)',
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
          summary: 'Record a checkout and credit its points (idempotent per transactionId)',
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
