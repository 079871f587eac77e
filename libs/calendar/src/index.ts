/**
 * `@club/calendar`: the Jalali and Gregorian calendars and local dates in IANA time zones, pure
 * (no I/O, no clock). Used by members (birth dates, tier windows) and points (expiry dates).
 */
export * from './jalali';
export * from './dates';
export * from './zone';
export * from './periods';
