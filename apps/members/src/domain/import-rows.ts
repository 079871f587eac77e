import { profileFieldsSchema, type ProfileFields } from '@club/contracts';
import { normaliseIranianMobile } from './phone';

/**
 * The pure part of bulk member import (issue 3, "Import and privacy"): an existing customer base
 * arrives as CSV or JSON Lines, is read in chunks, and every row is validated on its own — good
 * rows become {@link ImportRow}s, bad rows are reported with their line number and reasons.
 *
 * The import job (a service) streams the upload through {@link CsvReader} or
 * {@link JsonLinesReader}, calls {@link analyseHeader} once on a CSV header, {@link mapImportRow}
 * per record, and upserts good rows by {@link importRowKey}. Nothing here does I/O.
 *
 * Privacy: rows carry personal data, but no error reason produced here repeats a cell's value
 * (phone, name, e-mail …), so a row report can be stored and logged by line number and reason.
 */

// ─── CSV ─────────────────────────────────────────────────────────────────────────────────────────

export type CsvDelimiter = ',' | ';' | '\t';

/** One CSV record; `line` is the 1-based physical line where it starts (the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** Set when the record is malformed (text after a closing quote, a quote never closed). */
  readonly problem?: string;
}

export interface CsvReaderOptions {
  /** Fixes the delimiter; by default it is detected from the header line (see {@link detectDelimiter}). */
  readonly delimiter?: CsvDelimiter;
  /**
   * Skip records whose every field is empty — empty lines and the `,,,` rows spreadsheets leave
   * at the end of an export. Default true; line numbers of later records are unaffected.
   */
  readonly skipBlankRecords?: boolean;
  /**
   * Upper bound, in characters, of one record. A quote that is never closed swallows the rest of
   * the file into one field; this bounds the memory that costs. Default 1 000 000.
   */
  readonly maxRecordLength?: number;
}

/** The file cannot be read further (a record longer than `maxRecordLength`). */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t']; // ties go to the earlier one

/**
 * Picks the delimiter a header line uses: whichever of `,` `;` and tab occurs most often outside
 * quotes; `,` when none does (a one-column file).
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Parser states. */
const FIELD_START = 0; // at the start of a field (or of a record)
const UNQUOTED = 1; // inside an unquoted field
const QUOTED = 2; // inside a quoted field
const QUOTE_IN_QUOTED = 3; // just read a `"` inside a quoted field: a closing or the first of a doubled one
type State = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED;

/**
 * An incremental RFC 4180 reader. `push` any slice of the text and get back the records it
 * completed; `end` flushes the last one. Chunk boundaries may fall anywhere — inside a quoted
 * field, between the CR and LF of a line end — and the records are the same as for the whole text.
 *
 * Accepted beyond the RFC: LF or a lone CR as line ends (as well as CRLF), a UTF-8 BOM at the
 * start, `;` or tab as the delimiter, a missing final line end. A `"` inside an unquoted field is
 * kept as text (`12" pizza`). Text after a closing quote is kept too but marks the record with a
 * `problem`, as does a quote that is never closed; the importer reports such records as bad rows.
 * Line ends inside quoted fields are kept verbatim and counted, so `line` stays physical.
 */
export class CsvReader {
  private readonly skipBlank: boolean;
  private readonly maxRecordLength: number;
  private delimiterChar: CsvDelimiter | undefined;
  private delimiterCode = 0;

  private started = false; // the first non-empty chunk (and its BOM) was seen
  private ended = false;
  private header = ''; // text held back until the header line is complete (delimiter detection)
  private headerScan = 0;
  private headerInQuotes = false;

  private state: State = FIELD_START;
  private field = '';
  private fields: string[] = [];
  private fieldsLength = 0;
  private recordStarted = false;
  private problem: string | undefined;
  private prevCR = false;
  private line = 1; // physical line of the next character
  private recordLine = 1;
  private quoteLine = 1;

  constructor(options: CsvReaderOptions = {}) {
    this.skipBlank = options.skipBlankRecords ?? true;
    this.maxRecordLength = options.maxRecordLength ?? 1_000_000;
    if (options.delimiter !== undefined) this.useDelimiter(options.delimiter);
  }

  /** The delimiter in use: given, or detected once the header line is complete. */
  get delimiter(): CsvDelimiter | undefined {
    return this.delimiterChar;
  }

  push(chunk: string): CsvRecord[] {
    if (this.ended) throw new Error('CsvReader: push() after end()');
    if (!this.started) {
      if (chunk === '') return [];
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) chunk = chunk.slice(1);
    }
    if (this.delimiterChar === undefined) {
      this.header += chunk;
      const end = this.findHeaderEnd();
      if (end < 0) {
        if (this.header.length > this.maxRecordLength) throw this.tooLong();
        return [];
      }
      this.useDelimiter(detectDelimiter(this.header.slice(0, end)));
      chunk = this.header;
      this.header = '';
    }
    const out: CsvRecord[] = [];
    this.consume(chunk, out);
    return out;
  }

  end(): CsvRecord[] {
    if (this.ended) return [];
    this.ended = true;
    const out: CsvRecord[] = [];
    if (this.delimiterChar === undefined) {
      this.useDelimiter(detectDelimiter(this.header));
      this.consume(this.header, out);
      this.header = '';
    }
    if (this.state === QUOTED) {
      this.problem ??= `a quoted field opened on line ${this.quoteLine} is never closed`;
    }
    if (this.recordStarted) this.endRecord(out);
    return out;
  }

  private useDelimiter(d: CsvDelimiter): void {
    this.delimiterChar = d;
    this.delimiterCode = d.charCodeAt(0);
  }

  /** Index of the first line end outside quotes in the held-back header text, or -1. */
  private findHeaderEnd(): number {
    const s = this.header;
    for (let i = this.headerScan; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) this.headerInQuotes = !this.headerInQuotes;
      else if (!this.headerInQuotes && (c === CR || c === LF)) return i;
    }
    this.headerScan = s.length;
    return -1;
  }

  private tooLong(): CsvFormatError {
    return new CsvFormatError(
      this.recordLine,
      `the record starting on line ${this.recordLine} is longer than ${this.maxRecordLength} characters (is a quote left open?)`,
    );
  }

  private consume(s: string, out: CsvRecord[]): void {
    const d = this.delimiterCode;
    let run = 0; // start of the literal text not yet copied into `field` (UNQUOTED and QUOTED)
    let prevCR = this.prevCR;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const afterCR = prevCR;
      prevCR = c === CR;
      switch (this.state) {
        case QUOTED:
          if (c === QUOTE) {
            this.field += s.slice(run, i);
            this.state = QUOTE_IN_QUOTED;
          } else if (c === CR || (c === LF && !afterCR)) {
            this.line++; // kept as text; a CRLF counts once
          }
          break;
        case UNQUOTED:
          if (c === d) {
            this.field += s.slice(run, i);
            this.endField();
          } else if (c === CR || c === LF) {
            this.field += s.slice(run, i);
            this.endRecord(out);
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
            run = i + 1;
          } else if (c === d) {
            this.endField();
          } else if (c === CR || c === LF) {
            this.endRecord(out);
          } else {
            this.problem ??= 'text after a closing quote (a quote inside a field must be doubled)';
            this.state = UNQUOTED;
            run = i;
          }
          break;
        case FIELD_START:
          if (c === LF && afterCR) break; // the LF of a CRLF whose CR ended the record
          if (c === d) {
            this.recordStarted = true;
            this.endField();
          } else if (c === CR || c === LF) {
            this.endRecord(out);
          } else if (c === QUOTE) {
            this.recordStarted = true;
            this.state = QUOTED;
            this.quoteLine = this.line;
            run = i + 1;
          } else {
            this.recordStarted = true;
            this.state = UNQUOTED;
            run = i;
          }
          break;
      }
    }
    if (this.state === QUOTED || this.state === UNQUOTED) this.field += s.slice(run);
    this.prevCR = prevCR;
    if (this.fieldsLength + this.field.length > this.maxRecordLength) throw this.tooLong();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.fieldsLength += this.field.length;
    this.field = '';
    this.state = FIELD_START;
  }

  /** Ends the record at a line end (or at the end of the text). */
  private endRecord(out: CsvRecord[]): void {
    this.endField();
    const fields = this.fields;
    const blank = this.problem === undefined && fields.every((f) => f === '');
    if (!(blank && this.skipBlank)) {
      out.push(this.problem === undefined ? { line: this.recordLine, fields } : { line: this.recordLine, fields, problem: this.problem });
    }
    this.fields = [];
    this.fieldsLength = 0;
    this.recordStarted = false;
    this.problem = undefined;
    this.line++;
    this.recordLine = this.line;
  }
}

/** Reads a whole CSV text; the header is the first record returned. */
export function parseCsv(text: string, options?: CsvReaderOptions): CsvRecord[] {
  const reader = new CsvReader(options);
  return [...reader.push(text), ...reader.end()];
}

// ─── JSON Lines ──────────────────────────────────────────────────────────────────────────────────

/** One non-blank JSON Lines line: an object, or why it is not one. */
export type JsonLinesRecord =
  | { readonly line: number; readonly ok: true; readonly value: Readonly<Record<string, unknown>> }
  | { readonly line: number; readonly ok: false; readonly reason: string };

export interface JsonLinesReaderOptions {
  /** Longest line accepted, in characters; a longer one is reported as a bad line and skipped. Default 1 000 000. */
  readonly maxLineLength?: number;
}

/**
 * An incremental JSON Lines reader: each non-blank line (LF or CRLF ended) must be one JSON
 * object. Blank lines are skipped but counted; a UTF-8 BOM at the start is dropped. A line that is
 * not valid JSON, or not an object, is returned as `ok: false` with a reason that does not quote
 * the line (it holds personal data) — reading goes on with the next line.
 */
export class JsonLinesReader {
  private readonly maxLineLength: number;
  private started = false;
  private ended = false;
  private buffer = '';
  private overlong = false;
  private line = 1;

  constructor(options: JsonLinesReaderOptions = {}) {
    this.maxLineLength = options.maxLineLength ?? 1_000_000;
  }

  push(chunk: string): JsonLinesRecord[] {
    if (this.ended) throw new Error('JsonLinesReader: push() after end()');
    if (!this.started) {
      if (chunk === '') return [];
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) chunk = chunk.slice(1);
    }
    const out: JsonLinesRecord[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl);
      this.endLine(this.buffer + piece, out);
      start = nl + 1;
    }
    if (!this.overlong) {
      this.buffer += chunk.slice(start);
      if (this.buffer.length > this.maxLineLength) {
        this.overlong = true;
        this.buffer = '';
      }
    }
    return out;
  }

  end(): JsonLinesRecord[] {
    if (this.ended) return [];
    this.ended = true;
    const out: JsonLinesRecord[] = [];
    if (this.overlong || this.buffer !== '') this.endLine(this.buffer, out);
    return out;
  }

  private endLine(text: string, out: JsonLinesRecord[]): void {
    const line = this.line++;
    if (this.overlong || text.length > this.maxLineLength) {
      this.overlong = false;
      this.buffer = '';
      out.push({ line, ok: false, reason: `line is longer than ${this.maxLineLength} characters` });
      return;
    }
    this.buffer = '';
    const record = parseJsonLine(line, text);
    if (record) out.push(record);
  }
}

function parseJsonLine(line: number, text: string): JsonLinesRecord | undefined {
  if (/^\s*$/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Engine messages may quote the input; keep only the position.
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    return { line, ok: false, reason: position ? `invalid JSON at column ${Number(position[1]) + 1}` : 'invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, ok: false, reason: `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}` };
  }
  return { line, ok: true, value: value as Record<string, unknown> };
}

/** Reads a whole JSON Lines text. */
export function parseJsonLines(text: string, options?: JsonLinesReaderOptions): JsonLinesRecord[] {
  const reader = new JsonLinesReader(options);
  return [...reader.push(text), ...reader.end()];
}

// ─── Header → fields ─────────────────────────────────────────────────────────────────────────────

type ProfileKey = Exclude<keyof ProfileFields, 'attributes'>;

/**
 * How each profile field is written in a CSV cell. A Record over every key of the contract, so a
 * field added to `profileFieldsSchema` does not compile until import knows how to read it.
 * `list` cells are `|`-separated (`books|tea`); `enum` cells are matched case-insensitively.
 */
const FIELD_KINDS: Record<ProfileKey, 'text' | 'enum' | 'list' | 'enum-list'> = {
  firstName: 'text',
  lastName: 'text',
  email: 'text',
  birthDate: 'text',
  gender: 'enum',
  maritalStatus: 'enum',
  economicBand: 'enum',
  interests: 'list',
  lifestyle: 'list',
  preferredChannels: 'enum-list',
  primaryNeed: 'text',
  secondaryNeeds: 'list',
  joinReason: 'text',
  competitorExperience: 'text',
  locale: 'enum',
};

export type ColumnTarget =
  | { readonly kind: 'phone' }
  | { readonly kind: 'externalId' }
  | { readonly kind: 'field'; readonly field: ProfileKey }
  | { readonly kind: 'attribute'; readonly key: string };

export interface HeaderAnalysis {
  /** Per column index: where its cells go; null for a column that is ignored. */
  readonly mapping: readonly (ColumnTarget | null)[];
  /** Column names that match no field (ignored; report once as a file-level warning). */
  readonly unknownColumns: readonly string[];
  /** Required fields no column provides (`phone`); the file cannot be imported. */
  readonly missingRequired: readonly string[];
  /** Columns that name a field but cannot be used (a repeat, a bad attribute key); ignored. */
  readonly invalidColumns: readonly { readonly column: string; readonly reason: string }[];
}

/** `first_name`, `FirstName`, `first-name`, `First Name` → `firstname`. */
const headerKey = (name: string): string => name.trim().toLowerCase().replace(/[\s_-]/g, '');

const HEADER_TARGETS: ReadonlyMap<string, ColumnTarget> = new Map<string, ColumnTarget>([
  ...['phone', 'mobile', 'phoneNumber', 'mobileNumber'].map((n): [string, ColumnTarget] => [headerKey(n), { kind: 'phone' }]),
  [headerKey('externalId'), { kind: 'externalId' }],
  ...(Object.keys(FIELD_KINDS) as ProfileKey[]).map((field): [string, ColumnTarget] => [headerKey(field), { kind: 'field', field }]),
]);

const ATTRIBUTE_COLUMN = /^\s*(?:attr|attributes)\.(.*)$/i;

const targetId = (t: ColumnTarget): string =>
  t.kind === 'field' ? `field:${t.field}` : t.kind === 'attribute' ? `attribute:${t.key}` : t.kind;

/**
 * Maps CSV header names to import fields. Profile fields may be written in camelCase or
 * snake_case in any letter case (`first_name`, `FirstName`); the phone column is `phone` or
 * `mobile` (also `phone_number`, `mobile_number`); `external_id` is the customer's id in the
 * chain's old system; `attr.<key>` or `attributes.<key>` columns fill custom attributes (the key
 * is lower-cased and must be a valid attribute key). A column named twice keeps its first
 * occurrence.
 */
export function analyseHeader(header: readonly string[]): HeaderAnalysis {
  const seen = new Map<string, string>();
  const unknownColumns: string[] = [];
  const invalidColumns: { column: string; reason: string }[] = [];
  const mapping = header.map((column, index): ColumnTarget | null => {
    let target: ColumnTarget | undefined;
    const attribute = ATTRIBUTE_COLUMN.exec(column);
    if (attribute) {
      const key = attribute[1].trim().toLowerCase();
      if (!profileFieldsSchema.safeParse({ attributes: { [key]: null } }).success) {
        invalidColumns.push({ column, reason: 'an attribute key is lower-case letters, digits and _ (max 40), starting with a letter' });
        return null;
      }
      target = { kind: 'attribute', key };
    } else {
      target = HEADER_TARGETS.get(headerKey(column));
    }
    if (!target) {
      unknownColumns.push(column.trim() === '' ? `(column ${index + 1}, no name)` : column);
      return null;
    }
    const id = targetId(target);
    const first = seen.get(id);
    if (first !== undefined) {
      invalidColumns.push({ column, reason: `repeats column "${first}" (the first one is used)` });
      return null;
    }
    seen.set(id, column);
    return target;
  });
  const missingRequired = mapping.some((t) => t?.kind === 'phone') ? [] : ['phone'];
  return { mapping, unknownColumns, missingRequired, invalidColumns };
}

// ─── Rows ────────────────────────────────────────────────────────────────────────────────────────

/** A validated row, ready to upsert. */
export interface ImportRow {
  /** E.164, e.g. `+989121234567`; the member's identity for the import (see {@link importRowKey}). */
  readonly phone: string;
  /** The customer's id in the chain's previous system, kept for reconciliation. */
  readonly externalId?: string;
  /** Only the fields the row gives; the upsert leaves every other field as it is. */
  readonly profile: ProfileFields;
}

export interface ImportRowError {
  /** The API field (`phone`, `email`, `interests.2`, `attributes.shoe_size`) or `row` for the row as a whole. */
  readonly field: string;
  readonly reason: string;
}

export type ImportRowResult =
  | { readonly ok: true; readonly line: number; readonly row: ImportRow }
  | { readonly ok: false; readonly line: number; readonly errors: readonly ImportRowError[] };

export interface ImportRowOptions {
  /**
   * The calendar of plain-string birth dates in this file when it is not the club's (an export
   * from a Gregorian system into a Jalali club): they become `{calendar, date}`. Without it a
   * plain string is read in the club's calendar, as in the API.
   */
  readonly birthDateCalendar?: 'jalali' | 'gregorian';
}

export interface CsvRowOptions extends ImportRowOptions {
  readonly header: HeaderAnalysis;
}

const EXTERNAL_ID_MAX = 100;
const BIRTH_DATE_FORMAT = 'expected "YYYY-MM-DD" or {"calendar": "jalali" | "gregorian", "date": "YYYY-MM-DD"}';

/**
 * Validates one record of an import file.
 *
 * CSV: cells are trimmed and an empty cell means "absent" (the field is not changed), so a CSV
 * row can never clear a field. A list cell is split on `|`; enum cells (gender, locale, channels
 * …) are lower-cased. Custom attribute cells stay strings: converting them to the attribute's
 * declared type (number, boolean, date, enum) and checking it is the service's job, which knows
 * the tenant's attribute definitions. A row must have as many cells as the header (extra empty
 * trailing cells are allowed): a different count means an unquoted delimiter or line break
 * shifted the cells, and importing them would put data in the wrong fields.
 *
 * JSON Lines: the object uses the API's names — `phone`, `externalId` and the fields of
 * `profileFieldsSchema`; any other key is an error; `null` clears a field, as in a merge patch.
 *
 * Either way the phone (Latin, Persian or Arabic digits, any usual form) must be an Iranian
 * mobile, and the birth date's calendar validity is checked by the service when it stores it.
 */
export function mapImportRow(record: CsvRecord, options: CsvRowOptions): ImportRowResult;
export function mapImportRow(record: JsonLinesRecord, options?: ImportRowOptions): ImportRowResult;
export function mapImportRow(record: CsvRecord | JsonLinesRecord, options: Partial<CsvRowOptions> = {}): ImportRowResult {
  if ('fields' in record) {
    if (!options.header) throw new Error('mapImportRow: a CSV record needs the analysed header');
    return mapCsvRow(record, options.header, options);
  }
  if (!record.ok) return { ok: false, line: record.line, errors: [{ field: 'row', reason: record.reason }] };
  const { phone, externalId, ...profile } = record.value;
  return finish(record.line, phone, externalId, profile, options);
}

function mapCsvRow(record: CsvRecord, header: HeaderAnalysis, options: ImportRowOptions): ImportRowResult {
  const { line, fields } = record;
  const { mapping } = header;
  if (record.problem !== undefined) return { ok: false, line, errors: [{ field: 'row', reason: `malformed CSV: ${record.problem}` }] };
  if (fields.length < mapping.length || fields.slice(mapping.length).some((f) => f.trim() !== '')) {
    const reason = `the row has ${fields.length} cells but the header has ${mapping.length} columns (an unquoted delimiter or line break?)`;
    return { ok: false, line, errors: [{ field: 'row', reason }] };
  }
  let phone: string | undefined;
  let externalId: string | undefined;
  const profile: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  mapping.forEach((target, i) => {
    const cell = fields[i].trim();
    if (target === null || cell === '') return;
    switch (target.kind) {
      case 'phone':
        phone = cell;
        return;
      case 'externalId':
        externalId = cell;
        return;
      case 'attribute':
        attributes[target.key] = cell;
        return;
      case 'field':
        profile[target.field] = readCell(FIELD_KINDS[target.field], cell);
        return;
    }
  });
  if (Object.keys(attributes).length > 0) profile['attributes'] = attributes;
  return finish(line, phone, externalId, profile, options);
}

function readCell(kind: 'text' | 'enum' | 'list' | 'enum-list', cell: string): string | string[] {
  switch (kind) {
    case 'text':
      return cell;
    case 'enum':
      return cell.toLowerCase();
    case 'list':
    case 'enum-list':
      return cell
        .split('|')
        .map((v) => (kind === 'enum-list' ? v.trim().toLowerCase() : v.trim()))
        .filter((v) => v !== '');
  }
}

function finish(line: number, phoneInput: unknown, externalIdInput: unknown, profileInput: Record<string, unknown>, options: ImportRowOptions): ImportRowResult {
  const errors: ImportRowError[] = [];

  let phone = '';
  if (phoneInput === undefined || phoneInput === null || phoneInput === '') {
    errors.push({ field: 'phone', reason: 'phone is required' });
  } else if (typeof phoneInput !== 'string') {
    errors.push({ field: 'phone', reason: 'phone must be a string' });
  } else {
    const normalised = normaliseIranianMobile(phoneInput);
    if (normalised.ok) phone = normalised.e164;
    else errors.push({ field: 'phone', reason: normalised.reason });
  }

  let externalId: string | undefined;
  if (typeof externalIdInput === 'number' && Number.isSafeInteger(externalIdInput)) externalIdInput = String(externalIdInput);
  if (typeof externalIdInput === 'string') {
    externalId = externalIdInput.trim() || undefined;
    if (externalId !== undefined && externalId.length > EXTERNAL_ID_MAX) {
      errors.push({ field: 'externalId', reason: `externalId is longer than ${EXTERNAL_ID_MAX} characters` });
    }
  } else if (externalIdInput !== undefined && externalIdInput !== null) {
    errors.push({ field: 'externalId', reason: 'externalId must be a string or an integer' });
  }

  const input = { ...profileInput };
  if (options.birthDateCalendar !== undefined && typeof input['birthDate'] === 'string') {
    input['birthDate'] = { calendar: options.birthDateCalendar, date: input['birthDate'] };
  }
  const parsed = profileFieldsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) errors.push({ field: [...path, key].join('.'), reason: 'unknown field' });
      } else if (path[0] === 'birthDate') {
        // The union's own messages ("Invalid input", ">=8 characters") do not say what is expected.
        if (!errors.some((e) => e.field === 'birthDate')) errors.push({ field: 'birthDate', reason: BIRTH_DATE_FORMAT });
      } else {
        errors.push({ field: path.join('.') || 'profile', reason: issue.message });
      }
    }
  }

  if (errors.length > 0 || !parsed.success) return { ok: false, line, errors };
  return { ok: true, line, row: externalId === undefined ? { phone, profile: parsed.data } : { phone, externalId, profile: parsed.data } };
}

/**
 * The idempotency key of an imported row: its E.164 phone. The import service upserts by
 * (tenant, phone) — a phone already in the club updates that member with the fields the row gives
 * and never creates a second member — so re-running the same file changes nothing, and when one
 * file holds the same phone twice the later line wins, on every run alike.
 */
export function importRowKey(row: ImportRow): string {
  return row.phone;
}
