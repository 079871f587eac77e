import type { CalendarName } from '@club/calendar';
import { parseDateInput, type DateInput } from './date-input';
import { normaliseDigits } from './digits';

/**
 * The member profile as state, and RFC 7396 merge-patch semantics over it: a field absent from
 * the patch stays, `null` clears it, arrays are replaced whole (de-duplicated), and the
 * `attributes` object merges key by key — each value validated against the tenant's declared
 * attribute type. Pure: the caller resolves the birth date into an ISO date first.
 */
export type AttributeType = 'string' | 'number' | 'boolean' | 'date' | 'enum';
export type AttributeValue = string | number | boolean;

export interface AttributeDef {
  readonly key: string;
  readonly type: AttributeType;
  readonly options?: readonly string[];
}

export interface ProfileState {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly birthDate: string | null;
  readonly gender: string | null;
  readonly maritalStatus: string | null;
  readonly economicBand: string | null;
  readonly interests: readonly string[];
  readonly lifestyle: readonly string[];
  readonly preferredChannels: readonly string[];
  readonly primaryNeed: string | null;
  readonly secondaryNeeds: readonly string[];
  readonly joinReason: string | null;
  readonly competitorExperience: string | null;
  readonly locale: 'fa' | 'en';
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** A validated patch: every field optional; scalars may be null; attributes merge per key. */
export type ProfilePatch = Partial<Omit<ProfileState, 'attributes' | 'locale'>> & {
  readonly locale?: 'fa' | 'en';
  readonly attributes?: Readonly<Record<string, AttributeValue | null>>;
};

export interface FieldError {
  readonly pointer: string;
  readonly detail: string;
}

export type PatchResult =
  | { readonly ok: true; readonly state: ProfileState; readonly changed: readonly string[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export const EMPTY_PROFILE: ProfileState = {
  firstName: null,
  lastName: null,
  email: null,
  birthDate: null,
  gender: null,
  maritalStatus: null,
  economicBand: null,
  interests: [],
  lifestyle: [],
  preferredChannels: [],
  primaryNeed: null,
  secondaryNeeds: [],
  joinReason: null,
  competitorExperience: null,
  locale: 'fa',
  attributes: {},
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a custom attribute value against its declared type. */
export function checkAttribute(def: AttributeDef | undefined, key: string, value: AttributeValue): string | undefined {
  if (!def) return `attribute "${key}" is not defined for this club`;
  switch (def.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? undefined
        : 'must be an ISO date YYYY-MM-DD';
    case 'enum':
      return typeof value === 'string' && (def.options ?? []).includes(value) ? undefined : `must be one of ${(def.options ?? []).join(', ')}`;
  }
}

const dedupe = (xs: readonly string[]): string[] => [...new Set(xs)];

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function applyPatch(state: ProfileState, patch: ProfilePatch, defs: readonly AttributeDef[]): PatchResult {
  const errors: FieldError[] = [];
  const next: Record<string, unknown> = { ...state };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof ProfilePatch, unknown][]) {
    if (value === undefined) continue;
    if (field === 'attributes') {
      const attrs: Record<string, AttributeValue> = { ...state.attributes };
      for (const [key, v] of Object.entries(value as Record<string, AttributeValue | null>)) {
        if (v === null) {
          if (key in attrs) {
            delete attrs[key];
            changed.push(`attributes.${key}`);
          }
          continue;
        }
        const problem = checkAttribute(
          defs.find((d) => d.key === key),
          key,
          v,
        );
        if (problem) {
          errors.push({ pointer: `#/attributes/${key}`, detail: problem });
          continue;
        }
        if (!sameValue(attrs[key], v)) {
          attrs[key] = v;
          changed.push(`attributes.${key}`);
        }
      }
      next.attributes = attrs;
      continue;
    }
    const normalised = Array.isArray(value) ? dedupe(value as string[]) : value;
    if (field === 'locale' && normalised === null) {
      errors.push({ pointer: '#/locale', detail: 'locale cannot be cleared' });
      continue;
    }
    if (!sameValue(state[field as keyof ProfileState], normalised)) {
      next[field] = normalised;
      changed.push(field);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, state: next as unknown as ProfileState, changed };
}

/** Payloads printed on a loyalty card: Code 128 carries the number; the QR a typed URI. */
export function cardPayloads(cardNumber: string): { barcode: string; qr: string } {
  return { barcode: cardNumber, qr: `club:card:${cardNumber}` };
}

/**
 * A birth date as tills and forms send it. A bare `YYYY-MM-DD` is read in the tenant's calendar,
 * except that a year no living person's birth year can have in that calendar is read in the other
 * one (Jalali birth years are about 1290-1410, Gregorian ones about 1900-2030), so a Gregorian
 * date sent to a Jalali club is not turned into the year 2617. An explicit `{calendar, date}` is
 * taken as given. The date must lie within the last 130 years and not in the future.
 */
export function parseBirthDate(
  input: DateInput,
  tenantCalendar: CalendarName,
  todayIso: string,
): { ok: true; iso: string } | { ok: false; reason: string } {
  let resolved: DateInput = input;
  if (typeof input === 'string') {
    const year = Number(/^\s*(\d{4})/.exec(normaliseDigits(input))?.[1] ?? NaN);
    const other: CalendarName = tenantCalendar === 'jalali' ? 'gregorian' : 'jalali';
    const plausible = (cal: CalendarName): boolean => (cal === 'jalali' ? year >= 1250 && year <= 1500 : year >= 1850 && year <= 2100);
    resolved = { calendar: !plausible(tenantCalendar) && plausible(other) ? other : tenantCalendar, date: input };
  }
  const parsed = parseDateInput(resolved, tenantCalendar);
  if (!parsed.ok) return parsed;
  if (parsed.iso > todayIso) return { ok: false, reason: 'a birth date cannot be in the future' };
  const oldest = `${Number(todayIso.slice(0, 4)) - 130}${todayIso.slice(4)}`;
  if (parsed.iso < oldest) return { ok: false, reason: 'a birth date more than 130 years ago is not plausible' };
  return parsed;
}

/**
 * Converts an imported attribute cell (always text in CSV) to the attribute's declared type:
 * numbers in ASCII, Persian or Arabic digits; booleans as true/false/yes/no/1/0. Other types stay text
 * and are checked by {@link checkAttribute}. Unknown keys are left for it to reject.
 */
export function coerceAttribute(def: AttributeDef | undefined, value: AttributeValue | null): AttributeValue | null | { error: string } {
  if (!def || typeof value !== 'string') return value;
  const text = normaliseDigits(value).trim();
  switch (def.type) {
    case 'number': {
      const n = Number(text.replace(/٫/g, '.'));
      return text !== '' && Number.isFinite(n) ? n : { error: 'must be a number' };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (['true', 'yes', '1', 'بله'].includes(t)) return true;
      if (['false', 'no', '0', 'خیر'].includes(t)) return false;
      return { error: 'must be true or false' };
    }
    case 'string':
    case 'date':
    case 'enum':
      return text;
  }
}
