import {
  type CalendarName,
  gregorianToDayNumber,
  isGregorianLeapYear,
  isJalaliLeapYear,
  localDateTimeOf,
  parseIsoDate,
  toJalali,
} from '@club/calendar';
import { assertCount, toSafeNumber } from './amounts';

/**
 * The facts a rule sees, built by one pure function ({@link buildRuleContext}) from what the
 * service knows about a checkout or another event. Two views of the same facts:
 * - `facts`: the CEL activation (`cart`, `member`, `store`, `channel`, `time`, `event`), with CEL
 *   integers as BigInt, as the compiled conditions read it;
 * - plain numbers and strings for the effects, limits and stacking code.
 *
 * What CEL conditions can read (types as declared to the checker, see `rule-language.ts`):
 *
 * | variable | fields |
 * |---|---|
 * | `cart` | `amount` int (minor units), `currency` string, `itemCount` int (Σ quantities), `lines` list of Line |
 * | Line (`cart.lines[i]`, `line` in line filters) | `sku` string, `category` string ("" when unknown), `quantity` int, `unitPrice` int, `amount` int |
 * | `member` | `id`, `tier` ("" without a tier), `tenureDays` int, `segments` list<string>, `personas` list<string>, `journeyStage` ("" when unknown), `attributes` (the club's declared custom attributes, typed) |
 * | `store` | `id` ("" when not at a store), `tags` list<string> |
 * | `channel` | string, e.g. `pos`, `web`, `app` ("" when unknown) |
 * | `time` | see {@link TimeFacts} |
 * | `event` | `type` (the trigger), `name` (a custom event's name, else ""), `properties` map<string, dyn> |
 *
 * Guards against huge inputs (a RangeError from the builder; the edge validates the same bounds):
 * at most {@link MAX_LINES} lines, {@link MAX_LIST_ITEMS} segments / personas / tags / event
 * properties, strings of at most {@link MAX_TEXT_LENGTH} characters.
 */

export const TRIGGERS = [
  'purchase',
  'return',
  'enrolment',
  'birthday',
  'referral-completed',
  'survey-completed',
  'event-attended',
  'tier-changed',
  'custom-event',
  'schedule',
] as const;
/**
 * What starts an evaluation. `purchase` is the checkout; `return` a returned sale (the cart is the
 * returned lines); `schedule` a periodic run the service schedules (e.g. daily per member); the
 * others are member events (`tier-changed` carries `from`/`to` in `event.properties`,
 * `custom-event` a `name` and its properties).
 */
export type Trigger = (typeof TRIGGERS)[number];

export const MAX_LINES = 500;
export const MAX_LIST_ITEMS = 1000;
export const MAX_TEXT_LENGTH = 1000;

export interface CheckoutLineInput {
  readonly sku: string;
  readonly category?: string | null;
  readonly quantity: number;
  readonly unitPrice: number;
  /** The line's amount in minor units; default quantity × unitPrice (the till may send less, net of its own discounts). */
  readonly amount?: number;
}

export interface CartInput {
  /** The amount of the sale in minor units (what the customer is charged before campaign discounts). */
  readonly amount: number;
  readonly currency: string;
  readonly lines?: readonly CheckoutLineInput[];
}

export type AttributeValue = string | number | boolean;

export interface MemberInput {
  readonly id: string;
  readonly tier?: string | null;
  readonly tenureDays: number;
  readonly segments?: readonly string[];
  readonly personas?: readonly string[];
  readonly journeyStage?: string | null;
  /** Custom attribute values by key (only the club's declared keys are readable by rules). */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Gregorian ISO date (`YYYY-MM-DD`), however the member entered it. */
  readonly birthDate?: string | null;
}

export interface TenantSettings {
  /** IANA zone the club's days and hours are read in, e.g. `Asia/Tehran`. */
  readonly timeZone: string;
  /** The club's calendar: periods, birthdays and `time.jalali`/`time.gregorian` both stay available. */
  readonly calendar: CalendarName;
}

export interface RuleContextInput {
  readonly trigger: Trigger;
  /** When it happened (the checkout's time as the service received it; never read from a clock here). */
  readonly instant: Date;
  readonly tenant: TenantSettings;
  readonly member: MemberInput;
  /** The sale (purchase), the returned lines (return); absent for other triggers (an empty cart). */
  readonly cart?: CartInput;
  /** The points the tenant's base earn rate gives for this sale (what multipliers are a percentage of). */
  readonly basePoints?: number;
  readonly store?: { readonly id: string; readonly tags?: readonly string[] } | null;
  readonly channel?: string | null;
  /** The batches of the coupons redeemed with the checkout (coupon-gated campaigns). */
  readonly couponBatches?: readonly string[];
  /** A custom event's name. */
  readonly eventName?: string | null;
  readonly eventProperties?: Readonly<Record<string, AttributeValue>>;
}

/** A line as the effects see it: plain numbers. */
export interface ContextLine {
  readonly sku: string;
  readonly category: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly amount: number;
}

/**
 * Calendar facts of the instant in the tenant's zone (`time` in CEL):
 * - `hour` 0-23, `minute` 0-59: the local wall clock (DST as the IANA database had it then);
 * - `weekday`: ISO 8601 number, 1 = Monday … 5 = Friday (Jom'e) … 6 = Saturday (Shanbe) … 7 = Sunday;
 *   `weekdayName`: lower-case English (`friday`);
 * - `date`: the local Gregorian date `YYYY-MM-DD`; `gregorian` and `jalali` {year, month, day} of it;
 * - `isNowruz`: 1-4 Farvardin (Iran's Nowruz public holidays); a longer season is a condition on
 *   `time.jalali` (e.g. `time.jalali.month == 1 && time.jalali.day <= 13`);
 * - `isYalda`: Shab-e Yalda, the night from 30 Azar to 1 Dey: all of 30 Azar (the day whose
 *   evening begins the night, when the shopping happens) and 1 Dey until 06:00;
 * - `isBirthday`: the member's birthday in the club's calendar (Jalali clubs: same Jalali month
 *   and day; a member born on 30 Esfand celebrates on 29 Esfand in common years; Gregorian clubs:
 *   29 February celebrates on 28 February in common years); false without a birth date.
 */
export interface TimeFacts {
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
  readonly weekdayName: string;
  readonly date: string;
  readonly gregorian: { readonly year: number; readonly month: number; readonly day: number };
  readonly jalali: { readonly year: number; readonly month: number; readonly day: number };
  readonly isNowruz: boolean;
  readonly isYalda: boolean;
  readonly isBirthday: boolean;
}

/** The CEL activation; integers are BigInt as CEL wants them. Opaque to the service. */
export type CelFacts = Readonly<Record<string, unknown>>;

export interface RuleContext {
  readonly trigger: Trigger;
  readonly eventName: string;
  readonly instant: Date;
  readonly tenant: TenantSettings;
  readonly memberId: string;
  readonly tier: string;
  readonly segments: ReadonlySet<string>;
  readonly personas: ReadonlySet<string>;
  readonly journeyStage: string;
  readonly couponBatches: ReadonlySet<string>;
  readonly storeId: string | null;
  readonly channel: string;
  readonly currency: string;
  /** The cart amount (0 without a cart). */
  readonly cartAmount: number;
  readonly lines: readonly ContextLine[];
  readonly basePoints: number;
  readonly time: TimeFacts;
  /** The CEL activation without `line`. */
  readonly facts: CelFacts;
  /** `facts.cart.lines[i]`, the CEL view of line i (line filters bind it as `line`). */
  readonly celLines: readonly CelFacts[];
}

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** ISO weekday (1 = Monday … 7 = Sunday) of a Gregorian ISO date. */
export function isoWeekday(isoDate: string): number {
  const { gy, gm, gd } = parseIsoDate(isoDate);
  const day = gregorianToDayNumber(gy, gm, gd); // 0 = 1970-01-01, a Thursday
  return (((day + 3) % 7) + 7) % 7 + 1;
}

/** 1-4 Farvardin. */
export function isNowruzDate(jalali: { month: number; day: number }): boolean {
  return jalali.month === 1 && jalali.day <= 4;
}

/** 30 Azar all day, 1 Dey before 06:00 (see {@link TimeFacts}). */
export function isYaldaTime(jalali: { month: number; day: number }, hour: number): boolean {
  return (jalali.month === 9 && jalali.day === 30) || (jalali.month === 10 && jalali.day === 1 && hour < 6);
}

/**
 * Whether the local date `isoDate` is the birthday of someone born on `birthDate` (both Gregorian
 * ISO), in `calendar` (see {@link TimeFacts} for 29 February and 30 Esfand).
 */
export function isBirthdayOn(birthDate: string, isoDate: string, calendar: CalendarName): boolean {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(isoDate);
  if (calendar === 'gregorian') {
    if (b.gm === 2 && b.gd === 29 && !isGregorianLeapYear(d.gy)) return d.gm === 2 && d.gd === 28;
    return b.gm === d.gm && b.gd === d.gd;
  }
  const bj = toJalali(b.gy, b.gm, b.gd);
  const dj = toJalali(d.gy, d.gm, d.gd);
  if (bj.jm === 12 && bj.jd === 30 && !isJalaliLeapYear(dj.jy)) return dj.jm === 12 && dj.jd === 29;
  return bj.jm === dj.jm && bj.jd === dj.jd;
}

/** The calendar facts of an instant in the tenant's zone and calendar. RangeError on a bad zone or birth date. */
export function timeFacts(instant: Date, tenant: TenantSettings, birthDate?: string | null): TimeFacts {
  const local = localDateTimeOf(instant, tenant.timeZone);
  const g = parseIsoDate(local.date);
  const j = toJalali(g.gy, g.gm, g.gd);
  const weekday = isoWeekday(local.date);
  const jalali = { year: j.jy, month: j.jm, day: j.jd };
  return {
    hour: local.hour,
    minute: local.minute,
    weekday,
    weekdayName: WEEKDAY_NAMES[weekday - 1],
    date: local.date,
    gregorian: { year: g.gy, month: g.gm, day: g.gd },
    jalali,
    isNowruz: isNowruzDate(jalali),
    isYalda: isYaldaTime(jalali, local.hour),
    isBirthday: birthDate ? isBirthdayOn(birthDate, local.date, tenant.calendar) : false,
  };
}

function text(s: string | null | undefined, what: string): string {
  const v = s ?? '';
  if (typeof v !== 'string' || v.length > MAX_TEXT_LENGTH) throw new RangeError(`${what} must be a string of at most ${MAX_TEXT_LENGTH} characters`);
  return v;
}

function texts(xs: readonly string[] | undefined, what: string): string[] {
  const list = xs ?? [];
  if (list.length > MAX_LIST_ITEMS) throw new RangeError(`${what} has more than ${MAX_LIST_ITEMS} items`);
  return list.map((x, i) => text(x, `${what}[${i}]`));
}

/** A CEL value for a scalar: safe integers become CEL ints (BigInt), other numbers doubles. */
function dynValue(v: AttributeValue, what: string): unknown {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`${what} must be finite`);
    return Number.isSafeInteger(v) ? BigInt(v) : v;
  }
  return typeof v === 'string' ? text(v, what) : v;
}

function lineOf(l: CheckoutLineInput, i: number): ContextLine {
  assertCount(l.quantity, `lines[${i}].quantity`);
  assertCount(l.unitPrice, `lines[${i}].unitPrice`);
  const amount = l.amount ?? toSafeNumber(BigInt(l.quantity) * BigInt(l.unitPrice), `lines[${i}].amount`);
  assertCount(amount, `lines[${i}].amount`);
  return { sku: text(l.sku, `lines[${i}].sku`), category: text(l.category, `lines[${i}].category`), quantity: l.quantity, unitPrice: l.unitPrice, amount };
}

/**
 * Builds the context of one evaluation. Pure: the instant comes from the caller. Number
 * attributes are CEL doubles (compare with `>=`/`<=`, or `== 3.0`), dates ISO strings (they
 * compare chronologically), enums strings. Throws a RangeError on input beyond the bounds above,
 * negative or fractional amounts, an unknown zone.
 */
export function buildRuleContext(input: RuleContextInput): RuleContext {
  const cart = input.cart ?? { amount: 0, currency: '', lines: [] };
  assertCount(cart.amount, 'cart.amount');
  const rawLines = cart.lines ?? [];
  if (rawLines.length > MAX_LINES) throw new RangeError(`a cart has at most ${MAX_LINES} lines`);
  const lines = rawLines.map(lineOf);
  const itemCount = lines.reduce((s, l) => s + l.quantity, 0);
  assertCount(itemCount, 'cart.itemCount');
  const basePoints = input.basePoints ?? 0;
  assertCount(basePoints, 'basePoints');
  const m = input.member;
  assertCount(m.tenureDays, 'member.tenureDays');
  const segments = texts(m.segments, 'member.segments');
  const personas = texts(m.personas, 'member.personas');
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.attributes ?? {})) attributes[k] = typeof v === 'number' ? v : dynValue(v, `member.attributes.${k}`);
  const properties = new Map<string, unknown>();
  const props = Object.entries(input.eventProperties ?? {});
  if (props.length > MAX_LIST_ITEMS) throw new RangeError(`an event has at most ${MAX_LIST_ITEMS} properties`);
  for (const [k, v] of props) properties.set(k, dynValue(v, `event.properties.${k}`));
  const time = timeFacts(input.instant, input.tenant, m.birthDate);
  const storeId = input.store ? text(input.store.id, 'store.id') : null;
  const celLines = lines.map((l) => ({
    sku: l.sku,
    category: l.category,
    quantity: BigInt(l.quantity),
    unitPrice: BigInt(l.unitPrice),
    amount: BigInt(l.amount),
  }));
  const channel = text(input.channel, 'channel');
  const eventName = text(input.eventName, 'eventName');
  const facts = {
    cart: { amount: BigInt(cart.amount), currency: text(cart.currency, 'cart.currency'), itemCount: BigInt(itemCount), lines: celLines },
    member: {
      id: text(m.id, 'member.id'),
      tier: text(m.tier, 'member.tier'),
      tenureDays: BigInt(m.tenureDays),
      segments,
      personas,
      journeyStage: text(m.journeyStage, 'member.journeyStage'),
      attributes,
    },
    store: { id: storeId ?? '', tags: texts(input.store?.tags, 'store.tags') },
    channel,
    time: {
      hour: BigInt(time.hour),
      minute: BigInt(time.minute),
      weekday: BigInt(time.weekday),
      weekdayName: time.weekdayName,
      date: time.date,
      gregorian: { year: BigInt(time.gregorian.year), month: BigInt(time.gregorian.month), day: BigInt(time.gregorian.day) },
      jalali: { year: BigInt(time.jalali.year), month: BigInt(time.jalali.month), day: BigInt(time.jalali.day) },
      isNowruz: time.isNowruz,
      isYalda: time.isYalda,
      isBirthday: time.isBirthday,
    },
    event: { type: input.trigger, name: eventName, properties },
  };
  return {
    trigger: input.trigger,
    eventName,
    instant: input.instant,
    tenant: input.tenant,
    memberId: facts.member.id,
    tier: facts.member.tier,
    segments: new Set(segments),
    personas: new Set(personas),
    journeyStage: facts.member.journeyStage,
    couponBatches: new Set(texts(input.couponBatches, 'couponBatches')),
    storeId,
    channel,
    currency: facts.cart.currency,
    cartAmount: cart.amount,
    lines,
    basePoints,
    time,
    facts,
    celLines,
  };
}
