import { z } from 'zod';

/**
 * Gamification as clubs define it and members see it (shared by the gateway and the campaigns
 * service): badges, challenges with progress and streaks. Codes are what campaign rules name in
 * their `award-badge` and `advance-challenge` effects, matched exactly.
 */
const isoTime = z.iso.datetime({ offset: true });

export const gamificationCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, - and _ (up to 64), starting with a letter or digit')
  .describe('Unique in the club; campaign rules refer to it');

const localizedName = z
  .object({ fa: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .strict()
  .describe('Persian and English');
const localizedText = z
  .object({ fa: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) })
  .partial()
  .strict();
const calendar = z.enum(['jalali', 'gregorian']);
const category = z.string().trim().min(1).max(100);

export const badgeInputSchema = z
  .object({
    code: gamificationCodeSchema,
    name: localizedName,
    description: localizedText.nullable().default(null),
    imageUrl: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .nullable()
      .default(null)
      .describe('An https URL of the badge image'),
  })
  .strict();
export type BadgeInput = z.infer<typeof badgeInputSchema>;

export const badgeViewSchema = badgeInputSchema.extend({ createdAt: isoTime, updatedAt: isoTime });
export type BadgeView = z.infer<typeof badgeViewSchema>;

export const CHALLENGE_GOAL_KINDS = ['purchase-count', 'distinct-categories', 'spend', 'steps'] as const;

export const challengeGoalSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('purchase-count'),
      target: z.number().int().min(1).max(10_000).describe('Checkouts within the period'),
      minAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('A checkout counts when its amount (minor units) is at least this'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('distinct-categories'),
      target: z.number().int().min(1).max(100).describe('Different line categories bought within the period'),
      categories: z.array(category).min(1).max(200).nullable().default(null).describe('Only these categories count; null = any'),
    })
    .strict()
    .refine((g) => g.categories === null || new Set(g.categories).size >= g.target, { message: 'fewer distinct categories listed than the target', path: ['target'] }),
  z
    .object({
      kind: z.literal('spend'),
      target: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('Amount spent within the period, in minor units of the club currency'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('steps'),
      target: z.number().int().min(1).max(1_000_000).describe('Steps, advanced only by the advance-challenge effects of campaign rules'),
    })
    .strict(),
]);
export type ChallengeGoal = z.infer<typeof challengeGoalSchema>;

export const CHALLENGE_PERIODS = ['none', 'week', 'month', 'year'] as const;

export const challengeInputSchema = z
  .object({
    code: gamificationCodeSchema,
    name: localizedName,
    description: localizedText.nullable().default(null),
    goal: challengeGoalSchema,
    period: z
      .enum(CHALLENGE_PERIODS)
      .default('month')
      .describe('Progress resets every week (Saturday–Friday in the Jalali calendar, ISO Monday–Sunday in the Gregorian), month or year of the calendar, in the club time zone; none = one window from startsAt to endsAt'),
    calendar: calendar.optional().describe('Default: the club calendar'),
    startsAt: isoTime.nullable().default(null).describe('Default: when it is defined (checkouts before do not count)'),
    endsAt: isoTime.nullable().default(null).describe('Exclusive; null = open-ended'),
    repeat: z.enum(['per-period', 'once']).default('per-period').describe('per-period: can be completed again in every period; once: a member completes it at most once'),
    badgeCode: gamificationCodeSchema.nullable().default(null).describe('A badge (already defined) awarded on completion'),
  })
  .strict()
  .refine((c) => c.startsAt === null || c.endsAt === null || Date.parse(c.endsAt) > Date.parse(c.startsAt), { message: 'must be after startsAt', path: ['endsAt'] });
export type ChallengeInput = z.infer<typeof challengeInputSchema>;

export const challengeViewSchema = z.object({
  code: z.string(),
  name: localizedName,
  description: localizedText.nullable(),
  goal: challengeGoalSchema,
  period: z.enum(CHALLENGE_PERIODS),
  calendar,
  startsAt: isoTime,
  endsAt: isoTime.nullable(),
  repeat: z.enum(['per-period', 'once']),
  badgeCode: z.string().nullable(),
  status: z.enum(['scheduled', 'active', 'ended']),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type ChallengeView = z.infer<typeof challengeViewSchema>;

export const streakInputSchema = z
  .object({
    code: gamificationCodeSchema,
    name: localizedName,
    description: localizedText.nullable().default(null),
    period: z.enum(['week', 'month']).describe('A streak is a run of consecutive weeks or months of the calendar with at least one qualifying purchase'),
    calendar: calendar.optional().describe('Default: the club calendar'),
    minAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('A checkout qualifies when its amount (minor units) is at least this'),
    milestones: z
      .array(
        z
          .object({
            length: z.number().int().min(2).max(1000).describe('Consecutive periods'),
            badgeCode: gamificationCodeSchema.nullable().default(null).describe('A badge (already defined) awarded when a run reaches this length'),
          })
          .strict(),
      )
      .max(20)
      .default([])
      .refine((ms) => new Set(ms.map((m) => m.length)).size === ms.length, 'milestone lengths must be unique'),
  })
  .strict();
export type StreakInput = z.infer<typeof streakInputSchema>;

export const streakViewSchema = z.object({
  code: z.string(),
  name: localizedName,
  description: localizedText.nullable(),
  period: z.enum(['week', 'month']),
  calendar,
  minAmount: z.number().int(),
  milestones: z.array(z.object({ length: z.number().int(), badgeCode: z.string().nullable() })),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type StreakView = z.infer<typeof streakViewSchema>;

const periodView = z.object({
  key: z.string().describe('e.g. jalali-month:1404-01, gregorian-week:2025-03-24 (its first day), lifetime'),
  start: isoTime.nullable(),
  end: isoTime.nullable().describe('Exclusive'),
});

export const memberProgressSchema = z.object({
  memberId: z.uuid(),
  at: isoTime,
  badges: z.array(
    z.object({
      code: z.string(),
      name: localizedName,
      description: localizedText.nullable(),
      imageUrl: z.string().nullable(),
      awardedAt: isoTime,
      source: z.enum(['rule', 'challenge', 'streak']),
      reference: z.string().describe('The campaign and rule (campaign:<id>/rule:<ruleId>), challenge code or streak code that awarded it'),
    }),
  ),
  challenges: z.array(
    z.object({
      code: z.string(),
      name: localizedName,
      description: localizedText.nullable(),
      goal: challengeGoalSchema,
      period: periodView.extend({ unit: z.enum(CHALLENGE_PERIODS) }),
      repeat: z.enum(['per-period', 'once']),
      progress: z.number().int().describe('Towards the goal in the current period (spend: minor units)'),
      target: z.number().int(),
      percent: z.number().int().min(0).max(100),
      categories: z.array(z.string()).describe('distinct-categories: the categories counted so far'),
      completed: z.boolean().describe('In the current period (once: ever)'),
      completedAt: isoTime.nullable(),
      completions: z.number().int().describe('Periods the member completed it in'),
      badgeCode: z.string().nullable(),
    }),
  ),
  streaks: z.array(
    z.object({
      code: z.string(),
      name: localizedName,
      description: localizedText.nullable(),
      period: periodView.extend({ unit: z.enum(['week', 'month']) }),
      current: z.number().int().describe('Consecutive periods up to this one or the last one (0 once a period is missed)'),
      longest: z.number().int(),
      activeThisPeriod: z.boolean().describe('A qualifying purchase was made in the current period'),
      lastActivePeriod: z.string().nullable(),
      nextMilestone: z.number().int().nullable(),
    }),
  ),
});
export type MemberProgress = z.infer<typeof memberProgressSchema>;

export const badgeListSchema = z.object({ items: z.array(badgeViewSchema) });
export const challengeListSchema = z.object({ items: z.array(challengeViewSchema) });
export const streakListSchema = z.object({ items: z.array(streakViewSchema) });
