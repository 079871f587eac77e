import fc from 'fast-check';
import {
  analyseHeader,
  CsvFormatError,
  CsvReader,
  detectDelimiter,
  importRowKey,
  JsonLinesReader,
  mapImportRow,
  parseCsv,
  parseJsonLines,
  type CsvDelimiter,
  type CsvReaderOptions,
  type CsvRecord,
  type ImportRowResult,
  type JsonLinesRecord,
} from './import-rows';

const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const arabic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

const fieldsOf = (records: readonly CsvRecord[]) => records.map((r) => r.fields);
const linesOf = (records: readonly { line: number }[]) => records.map((r) => r.line);

/** Feeds `text` to a fresh reader cut at the given positions. */
function readInChunks<R>(reader: { push(c: string): R[]; end(): R[] }, text: string, cuts: readonly number[]): R[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: R[] = [];
  let from = 0;
  for (const p of points) {
    out.push(...reader.push(text.slice(from, p)));
    from = p;
  }
  out.push(...reader.push(text.slice(from)), ...reader.end());
  return out;
}

/**
 * Reference RFC 4180 writer: quotes a field holding a quote, a line break or any of the three
 * delimiters (so delimiter detection sees only the real one), a single empty field on its own
 * (an empty line would be a blank record), or every field when asked. Returns the text and the
 * physical line each row starts on.
 */
function writeCsv(table: readonly (readonly string[])[], o: { delimiter: CsvDelimiter; eol: string; quoteAll: boolean; bom: boolean; finalEol: boolean }) {
  let text = o.bom ? '\ufeff' : '';
  let line = 1;
  const lines: number[] = [];
  table.forEach((row, i) => {
    lines.push(line);
    const quote = (f: string) => o.quoteAll || /[",;\t\r\n]/.test(f) || (row.length === 1 && f === '');
    const written = row.map((f) => (quote(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(o.delimiter);
    const eol = i < table.length - 1 || o.finalEol ? o.eol : '';
    text += written + eol;
    line += (written.match(/\r\n|\r|\n/g) ?? []).length + (eol ? 1 : 0);
  });
  return { text, lines };
}

const cell = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', '"', ',', ';', '\t', '\n', '\r', '\r\n', 'سلام', 'ی', '\u200c', '۱۲', '😀', '|'),
  maxLength: 8,
});
const table = fc
  .integer({ min: 1, max: 5 })
  .chain((columns) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }));
const writeOptions = fc.record({
  delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  finalEol: fc.boolean(),
});
const cuts = fc.array(fc.nat(), { maxLength: 12 });

describe('parseCsv', () => {
  it.each<[string, string, (readonly string[])[], number[]]>([
    ['plain LF', 'phone,first_name\n0912,Ali\n', [['phone', 'first_name'], ['0912', 'Ali']], [1, 2]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']], [1, 2]],
    ['lone CR line ends', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']], [1, 2]],
    ['no final line end', 'a,b\n1,2', [['a', 'b'], ['1', '2']], [1, 2]],
    ['BOM at the start', '\ufeffphone\n0912\n', [['phone'], ['0912']], [1, 2]],
    ['quoted comma', 'a,b\n"x, y",z\n', [['a', 'b'], ['x, y', 'z']], [1, 2]],
    ['doubled quotes', 'a\n"say ""hi"""\n', [['a'], ['say "hi"']], [1, 2]],
    ['quoted empty field', 'a,b\n"",x\n', [['a', 'b'], ['', 'x']], [1, 2]],
    ['newline inside quotes moves later line numbers', 'a,b\n"1\n2\r\n3",x\ny,z\n', [['a', 'b'], ['1\n2\r\n3', 'x'], ['y', 'z']], [1, 2, 5]],
    ['blank lines are skipped but counted', 'a\n\n1\n\r\n\n2\n\n', [['a'], ['1'], ['2']], [1, 3, 6]],
    ['rows of empty cells are skipped', 'a,b\n,\n1,2\n,,\n', [['a', 'b'], ['1', '2']], [1, 3]],
    ['trailing delimiter is an empty last field', 'a,b,\n1,2,\n', [['a', 'b', ''], ['1', '2', '']], [1, 2]],
    ['empty middle field', 'a,b,c\n1,,3\n', [['a', 'b', 'c'], ['1', '', '3']], [1, 2]],
    ['spaces are kept', 'a,b\n 1 , 2 \n', [['a', 'b'], [' 1 ', ' 2 ']], [1, 2]],
    ['bare quote inside an unquoted field is text', 'a,b\n12" pizza,x\n', [['a', 'b'], ['12" pizza', 'x']], [1, 2]],
    ['Persian text', 'نام,phone\n"علی، رضا",۰۹۱۲\n', [['نام', 'phone'], ['علی، رضا', '۰۹۱۲']], [1, 2]],
    ['semicolon header', 'phone;first_name;notes\n0912;Ali;a,b\n', [['phone', 'first_name', 'notes'], ['0912', 'Ali', 'a,b']], [1, 2]],
    ['tab header', 'phone\tfirst_name\n0912\tAli, Jr\n', [['phone', 'first_name'], ['0912', 'Ali, Jr']], [1, 2]],
    ['quoted delimiters in the header do not count', '"a;b;c",d\n1,2\n', [['a;b;c', 'd'], ['1', '2']], [1, 2]],
    ['one column: comma by default', 'phone\n0912\n', [['phone'], ['0912']], [1, 2]],
    ['header with a quoted line break', '"pho\nne",x\n1,2\n', [['pho\nne', 'x'], ['1', '2']], [1, 3]],
    ['empty text', '', [], []],
    ['only a BOM', '\ufeff', [], []],
  ])('%s', (_, text, expected, lines) => {
    const records = parseCsv(text);
    expect(fieldsOf(records)).toEqual(expected);
    expect(linesOf(records)).toEqual(lines);
    expect(records.every((r) => r.problem === undefined)).toBe(true);
  });

  it('keeps blank records when asked', () => {
    expect(fieldsOf(parseCsv('a\n\n""\n,\n', { skipBlankRecords: false }))).toEqual([['a'], [''], [''], ['', '']]);
  });

  it('uses a given delimiter instead of detecting one', () => {
    expect(fieldsOf(parseCsv('a;b\n1;2\n', { delimiter: ',' }))).toEqual([['a;b'], ['1;2']]);
  });

  it('marks text after a closing quote and carries on with the next record', () => {
    const records = parseCsv('a,b\n"x"y,z\n1,2\n');
    expect(records[1]).toEqual({ line: 2, fields: ['xy', 'z'], problem: expect.stringMatching(/after a closing quote/) });
    expect(records[2]).toEqual({ line: 3, fields: ['1', '2'] });
  });

  it('marks a quote that is never closed with the line it opened on', () => {
    const records = parseCsv('a,b\n1,2\n3,"oops\n4,5\n');
    expect(records).toHaveLength(3);
    expect(records[2]).toEqual({ line: 3, fields: ['3', 'oops\n4,5\n'], problem: expect.stringMatching(/opened on line 3 is never closed/) });
  });

  it('refuses a record longer than the limit, naming the line it starts on', () => {
    const reader = new CsvReader({ maxRecordLength: 20 });
    expect(reader.push('a,b\n1,2\n"')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
    const push = () => reader.push('x'.repeat(30));
    expect(push).toThrow(CsvFormatError);
    expect(push).toThrow(/line 3/);
  });

  it('refuses a header line longer than the limit', () => {
    expect(() => new CsvReader({ maxRecordLength: 10 }).push('a'.repeat(11))).toThrow(CsvFormatError);
  });

  it('holds records back until the header line is complete, then reports the delimiter', () => {
    const reader = new CsvReader();
    expect(reader.push('phone;na')).toEqual([]);
    expect(reader.delimiter).toBeUndefined();
    expect(reader.push('me\r')).toEqual([{ line: 1, fields: ['phone', 'name'] }]);
    expect(reader.delimiter).toBe(';');
    expect(reader.push('\n0912;"a\r')).toEqual([]);
    expect(reader.push('\nb"')).toEqual([]);
    expect(reader.end()).toEqual([{ line: 2, fields: ['0912', 'a\r\nb'] }]);
    expect(reader.end()).toEqual([]);
    expect(() => reader.push('x')).toThrow(/after end/);
  });

  it('round-trips any table through a reference writer, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(table, writeOptions, cuts, (rows, options, at) => {
        const { text, lines } = writeCsv(rows, options);
        const records = readInChunks(new CsvReader({ skipBlankRecords: false }), text, at);
        expect(fieldsOf(records)).toEqual(rows);
        expect(linesOf(records)).toEqual(lines);
        expect(records.every((r) => r.problem === undefined)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('skips exactly the all-empty rows by default', () => {
    fc.assert(
      fc.property(table, writeOptions, cuts, (rows, options, at) => {
        const records = readInChunks(new CsvReader(), writeCsv(rows, options).text, at);
        expect(fieldsOf(records)).toEqual(rows.filter((r) => r.some((f) => f !== '')));
      }),
    );
  });

  it('reads any text, well-formed or not, the same in chunks as whole', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', ',', ';', '\t', '\r', '\n', '\r\n', '\ufeff', 'ب'), maxLength: 40 });
    const options = fc.record({ skipBlankRecords: fc.boolean() }) as fc.Arbitrary<CsvReaderOptions>;
    fc.assert(
      fc.property(text, options, cuts, (t, o, at) => {
        expect(readInChunks(new CsvReader(o), t, at)).toEqual(parseCsv(t, o));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('detectDelimiter', () => {
  it.each<[string, CsvDelimiter]>([
    ['phone,first_name', ','],
    ['phone;first_name;email', ';'],
    ['phone\tfirst_name', '\t'],
    ['phone', ','],
    ['"a,b";c', ';'],
    ['a,b;c', ','], // a tie goes to the comma
    ['a;b\tc\td', '\t'],
  ])('%j → %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });
});

describe('parseJsonLines', () => {
  it('reads one object per line, skipping blank lines, with physical line numbers', () => {
    const text = '\ufeff{"phone":"0912"}\r\n\n  \n{"a":1}\n{"b":[1,2]}';
    expect(parseJsonLines(text)).toEqual([
      { line: 1, ok: true, value: { phone: '0912' } },
      { line: 4, ok: true, value: { a: 1 } },
      { line: 5, ok: true, value: { b: [1, 2] } },
    ]);
  });

  it.each([
    ['{"phone": "09121234567"', /^invalid JSON/],
    ['{phone: 1}', /^invalid JSON/],
    ['[1,2]', /got an array/],
    ['"09121234567"', /got a string/],
    ['42', /got a number/],
    ['null', /got null/],
    ['true', /got a boolean/],
  ])('reports %j on its line and reads on', (bad, reason) => {
    const records = parseJsonLines(`{"ok":1}\n${bad}\n{"ok":2}\n`);
    expect(records).toEqual([
      { line: 1, ok: true, value: { ok: 1 } },
      { line: 2, ok: false, reason: expect.stringMatching(reason) },
      { line: 3, ok: true, value: { ok: 2 } },
    ]);
  });

  it('does not quote the bad line in its reason (it holds personal data)', () => {
    const [record] = parseJsonLines('{"phone": 09121234567, "firstName": "Ali"}');
    expect(record).toMatchObject({ ok: false });
    expect(JSON.stringify(record)).not.toMatch(/0912|Ali/);
  });

  it('reports a line over the limit and reads the next one', () => {
    const reader = new JsonLinesReader({ maxLineLength: 10 });
    const records = readInChunks(reader, `{"a":"${'x'.repeat(30)}"}\n{"b":2}\n{"c":"${'y'.repeat(30)}"}`, [3, 8, 20]);
    expect(records).toEqual([
      { line: 1, ok: false, reason: expect.stringMatching(/longer than 10/) },
      { line: 2, ok: true, value: { b: 2 } },
      { line: 3, ok: false, reason: expect.stringMatching(/longer than 10/) },
    ]);
  });

  it('refuses push after end', () => {
    const reader = new JsonLinesReader();
    reader.end();
    expect(() => reader.push('{}')).toThrow(/after end/);
  });

  it('reads the same whatever the chunk boundaries', () => {
    const line = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((o) => JSON.stringify(o)),
      fc.constantFrom('', '   ', '{', '[]', 'nope', '{"a":"سلام\\n"}'),
    );
    const text = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, bom]) => (bom ? '\ufeff' : '') + ls.join(eol));
    fc.assert(
      fc.property(text, cuts, (t, at) => {
        expect(readInChunks(new JsonLinesReader(), t, at)).toEqual(parseJsonLines(t));
      }),
    );
  });
});

describe('analyseHeader', () => {
  it.each([
    ['phone'],
    ['Phone'],
    ['MOBILE'],
    ['mobile_number'],
    [' phone_number '],
  ])('%j is the phone column', (name) => {
    expect(analyseHeader([name])).toEqual({ mapping: [{ kind: 'phone' }], unknownColumns: [], missingRequired: [], invalidColumns: [] });
  });

  it.each([
    ['first_name', 'firstName'],
    ['FirstName', 'firstName'],
    ['FIRST_NAME', 'firstName'],
    ['First Name', 'firstName'],
    ['last-name', 'lastName'],
    ['email', 'email'],
    ['birth_date', 'birthDate'],
    ['gender', 'gender'],
    ['marital_status', 'maritalStatus'],
    ['EconomicBand', 'economicBand'],
    ['interests', 'interests'],
    ['lifestyle', 'lifestyle'],
    ['preferred_channels', 'preferredChannels'],
    ['primary_need', 'primaryNeed'],
    ['secondaryNeeds', 'secondaryNeeds'],
    ['join_reason', 'joinReason'],
    ['competitor_experience', 'competitorExperience'],
    ['Locale', 'locale'],
  ])('%j → %s', (name, field) => {
    expect(analyseHeader(['phone', name]).mapping[1]).toEqual({ kind: 'field', field });
  });

  it.each([
    ['external_id', { kind: 'externalId' }],
    ['ExternalId', { kind: 'externalId' }],
    ['attr.shoe_size', { kind: 'attribute', key: 'shoe_size' }],
    ['attributes.vip', { kind: 'attribute', key: 'vip' }],
    ['Attr.Favourite_Store', { kind: 'attribute', key: 'favourite_store' }],
  ])('%j → %j', (name, target) => {
    expect(analyseHeader(['phone', name]).mapping[1]).toEqual(target);
  });

  it('lists unknown columns once and ignores them', () => {
    const analysis = analyseHeader(['phone', 'loyalty_tier', 'first_name', '', 'نام']);
    expect(analysis.unknownColumns).toEqual(['loyalty_tier', '(column 4, no name)', 'نام']);
    expect(analysis.mapping).toEqual([{ kind: 'phone' }, null, { kind: 'field', field: 'firstName' }, null, null]);
    expect(analysis.missingRequired).toEqual([]);
  });

  it('requires a phone column', () => {
    expect(analyseHeader(['first_name', 'email']).missingRequired).toEqual(['phone']);
    expect(analyseHeader([]).missingRequired).toEqual(['phone']);
  });

  it('reports repeated fields and bad attribute keys, keeping the first column', () => {
    const analysis = analyseHeader(['phone', 'mobile', 'first_name', 'FirstName', 'attr.vip', 'attributes.VIP', 'attr.2fast', 'attr.']);
    expect(analysis.mapping).toEqual([{ kind: 'phone' }, null, { kind: 'field', field: 'firstName' }, null, { kind: 'attribute', key: 'vip' }, null, null, null]);
    expect(analysis.invalidColumns).toEqual([
      { column: 'mobile', reason: 'repeats column "phone" (the first one is used)' },
      { column: 'FirstName', reason: 'repeats column "first_name" (the first one is used)' },
      { column: 'attributes.VIP', reason: 'repeats column "attr.vip" (the first one is used)' },
      { column: 'attr.2fast', reason: expect.stringMatching(/attribute key/) },
      { column: 'attr.', reason: expect.stringMatching(/attribute key/) },
    ]);
    expect(analysis.unknownColumns).toEqual([]);
  });
});

describe('mapImportRow (CSV)', () => {
  const HEADER = [
    'Phone',
    'external_id',
    'first_name',
    'LastName',
    'email',
    'birth_date',
    'gender',
    'marital_status',
    'economic_band',
    'interests',
    'lifestyle',
    'preferred_channels',
    'primary_need',
    'secondary_needs',
    'join_reason',
    'competitor_experience',
    'locale',
    'attr.shoe_size',
    'attributes.vip',
    'notes',
  ];
  const header = analyseHeader(HEADER);
  const row = (cells: Partial<Record<(typeof HEADER)[number], string>>, line = 2): CsvRecord => ({ line, fields: HEADER.map((h) => cells[h] ?? '') });
  const map = (record: CsvRecord, options = {}) => mapImportRow(record, { header, ...options });
  const errorsOf = (result: ImportRowResult) => (result.ok ? [] : result.errors);

  it('maps every column of a full row', () => {
    const result = map(
      row({
        Phone: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
        external_id: ' C-1001 ',
        first_name: ' علی ',
        LastName: 'رضایی',
        email: 'ali@example.com',
        birth_date: '1375-06-21',
        gender: 'Male',
        marital_status: 'MARRIED',
        economic_band: 'upper-middle',
        interests: 'books | tea||',
        lifestyle: 'urban',
        preferred_channels: 'SMS|Telegram',
        primary_need: 'قیمت مناسب',
        secondary_needs: 'parking|fast checkout',
        join_reason: 'discount',
        competitor_experience: 'was a member elsewhere',
        locale: 'fa',
        'attr.shoe_size': '42',
        'attributes.vip': 'true',
        notes: 'ignored',
      }),
    );
    expect(result).toEqual({
      ok: true,
      line: 2,
      row: {
        phone: '+989121234567',
        externalId: 'C-1001',
        profile: {
          firstName: 'علی',
          lastName: 'رضایی',
          email: 'ali@example.com',
          birthDate: '1375-06-21',
          gender: 'male',
          maritalStatus: 'married',
          economicBand: 'upper-middle',
          interests: ['books', 'tea'],
          lifestyle: ['urban'],
          preferredChannels: ['sms', 'telegram'],
          primaryNeed: 'قیمت مناسب',
          secondaryNeeds: ['parking', 'fast checkout'],
          joinReason: 'discount',
          competitorExperience: 'was a member elsewhere',
          locale: 'fa',
          attributes: { shoe_size: '42', vip: 'true' }, // strings: typing them is the service's job
        },
      },
    });
  });

  it('treats empty cells as absent, so a row changes only the fields it gives', () => {
    expect(map(row({ Phone: '09121234567', first_name: '   ' }))).toEqual({ ok: true, line: 2, row: { phone: '+989121234567', profile: {} } });
  });

  it.each([
    ['09121234567'],
    ['+98 912 123 4567'],
    ['9121234567'], // a spreadsheet dropped the leading zero
    [persian('0912-123-4567')],
    [arabic('00989121234567')],
  ])('accepts the phone %j', (phone) => {
    const result = map(row({ Phone: phone }));
    expect(result.ok && result.row.phone).toBe('+989121234567');
  });

  it.each<[string, Partial<Record<string, string>>, { field: string; reason: RegExp }[]]>([
    ['no phone', { first_name: 'Ali' }, [{ field: 'phone', reason: /required/ }]],
    ['a landline', { Phone: '021 1234 5678' }, [{ field: 'phone', reason: /not a mobile/ }]],
    ['scientific notation from a spreadsheet', { Phone: '9.12123E+09' }, [{ field: 'phone', reason: /only digits/ }]],
    ['a foreign number', { Phone: '+44 7911 123456' }, [{ field: 'phone', reason: /only Iranian/ }]],
    ['a bad e-mail', { Phone: '09121234567', email: 'ali@' }, [{ field: 'email', reason: /email/i }]],
    ['an unknown gender', { Phone: '09121234567', gender: 'f' }, [{ field: 'gender', reason: /expected one of/ }]],
    ['an unknown channel', { Phone: '09121234567', preferred_channels: 'sms|fax' }, [{ field: 'preferredChannels.1', reason: /expected one of/ }]],
    ['an unknown locale', { Phone: '09121234567', locale: 'de' }, [{ field: 'locale', reason: /expected one of/ }]],
    ['a too long interest', { Phone: '09121234567', interests: `tea|${'x'.repeat(61)}` }, [{ field: 'interests.1', reason: /60/ }]],
    ['a too short birth date', { Phone: '09121234567', birth_date: '1375' }, [{ field: 'birthDate', reason: /YYYY-MM-DD/ }]],
    ['a too long attribute', { Phone: '09121234567', 'attr.shoe_size': 'x'.repeat(501) }, [{ field: 'attributes.shoe_size', reason: /500/ }]],
    ['a too long external id', { Phone: '09121234567', external_id: 'x'.repeat(101) }, [{ field: 'externalId', reason: /100/ }]],
    [
      'several problems at once',
      { Phone: '0912', email: 'nope', gender: 'x' },
      [
        { field: 'phone', reason: /wrong length/ },
        { field: 'email', reason: /email/i },
        { field: 'gender', reason: /expected one of/ },
      ],
    ],
  ])('reports %s', (_, cells, errors) => {
    const result = map(row(cells, 7));
    expect(result).toEqual({ ok: false, line: 7, errors: errors.map((e) => ({ field: e.field, reason: expect.stringMatching(e.reason) })) });
  });

  it('never repeats a cell value in a reason', () => {
    const cells = { Phone: '0912 5555 999 77', email: 'secret.person@', first_name: 'x'.repeat(101), gender: 'Secretgender', 'attr.shoe_size': 'Q'.repeat(501) };
    const reasons = errorsOf(map(row(cells))).map((e) => e.reason);
    expect(reasons).toHaveLength(5);
    for (const value of ['5555', 'secret', 'xxxxx', 'Secret', 'QQQQQ']) expect(reasons.join('\n')).not.toContain(value);
  });

  it('rejects a row whose cell count differs from the header, allowing empty trailing cells', () => {
    const short = mapImportRow({ line: 3, fields: ['09121234567', 'Ali'] }, { header: analyseHeader(['phone', 'first_name', 'email']) });
    expect(short).toEqual({ ok: false, line: 3, errors: [{ field: 'row', reason: expect.stringMatching(/2 cells but the header has 3/) }] });
    const h = analyseHeader(['phone', 'first_name']);
    expect(mapImportRow({ line: 4, fields: ['09121234567', 'Ali', 'Reza'] }, { header: h })).toMatchObject({ ok: false, line: 4, errors: [{ field: 'row' }] });
    expect(mapImportRow({ line: 5, fields: ['09121234567', 'Ali', '', ' '] }, { header: h })).toMatchObject({ ok: true, row: { profile: { firstName: 'Ali' } } });
  });

  it('reports a malformed record as a bad row', () => {
    const h = analyseHeader(['phone']);
    expect(mapImportRow({ line: 9, fields: ['x'], problem: 'text after a closing quote' }, { header: h })).toEqual({
      ok: false,
      line: 9,
      errors: [{ field: 'row', reason: 'malformed CSV: text after a closing quote' }],
    });
  });

  it('reads plain birth dates in the calendar the file is declared in', () => {
    const result = map(row({ Phone: '09121234567', birth_date: '1996-09-11' }), { birthDateCalendar: 'gregorian' });
    expect(result).toMatchObject({ ok: true, row: { profile: { birthDate: { calendar: 'gregorian', date: '1996-09-11' } } } });
  });

  it('ignores unknown columns', () => {
    const h = analyseHeader(['phone', 'tier', 'first_name']);
    expect(mapImportRow({ line: 2, fields: ['09121234567', 'gold', 'Ali'] }, { header: h })).toEqual({
      ok: true,
      line: 2,
      row: { phone: '+989121234567', profile: { firstName: 'Ali' } },
    });
  });

  it('needs the analysed header', () => {
    expect(() => mapImportRow({ line: 2, fields: [] }, {} as never)).toThrow(/header/);
  });
});

describe('mapImportRow (JSON Lines)', () => {
  const record = (value: Record<string, unknown>, line = 1): JsonLinesRecord => ({ line, ok: true, value });

  it('takes the API field names as they are', () => {
    const value = {
      phone: '+98 912 123 4567',
      externalId: 1001,
      firstName: 'Sara',
      birthDate: { calendar: 'jalali', date: '1375-06-21' },
      preferredChannels: ['email', 'push'],
      attributes: { shoe_size: 38, vip: true, note: null },
      locale: 'en',
    };
    expect(mapImportRow(record(value, 4))).toEqual({
      ok: true,
      line: 4,
      row: {
        phone: '+989121234567',
        externalId: '1001',
        profile: {
          firstName: 'Sara',
          birthDate: { calendar: 'jalali', date: '1375-06-21' },
          preferredChannels: ['email', 'push'],
          attributes: { shoe_size: 38, vip: true, note: null },
          locale: 'en',
        },
      },
    });
  });

  it('passes null through, so the upsert clears that field as a merge patch does', () => {
    expect(mapImportRow(record({ phone: '09121234567', email: null, externalId: null }))).toEqual({
      ok: true,
      line: 1,
      row: { phone: '+989121234567', profile: { email: null } },
    });
  });

  it('plain-string birth dates follow the file calendar option', () => {
    const result = mapImportRow(record({ phone: '09121234567', birthDate: '1996-09-11' }), { birthDateCalendar: 'gregorian' });
    expect(result).toMatchObject({ ok: true, row: { profile: { birthDate: { calendar: 'gregorian', date: '1996-09-11' } } } });
  });

  it.each<[string, Record<string, unknown>, { field: string; reason: RegExp }[]]>([
    ['a numeric phone', { phone: 9121234567 }, [{ field: 'phone', reason: /must be a string/ }]],
    ['a null phone', { phone: null }, [{ field: 'phone', reason: /required/ }]],
    ['snake_case names', { phone: '09121234567', first_name: 'Ali' }, [{ field: 'first_name', reason: /unknown field/ }]],
    ['an unknown field', { phone: '09121234567', tier: 'gold' }, [{ field: 'tier', reason: /unknown field/ }]],
    ['a fractional external id', { phone: '09121234567', externalId: 1.5 }, [{ field: 'externalId', reason: /string or an integer/ }]],
    ['a list as a string', { phone: '09121234567', interests: 'books|tea' }, [{ field: 'interests', reason: /expected array/ }]],
    ['a bad attribute key', { phone: '09121234567', attributes: { 'Shoe Size': 1 } }, [{ field: 'attributes.Shoe Size', reason: /.+/ }]],
    ['an attribute object', { phone: '09121234567', attributes: { size: { eu: 42 } } }, [{ field: 'attributes.size', reason: /.+/ }]],
    ['a bad calendar', { phone: '09121234567', birthDate: { calendar: 'lunar', date: '1375-06-21' } }, [{ field: 'birthDate', reason: /calendar/ }]],
  ])('reports %s', (_, value, errors) => {
    expect(mapImportRow(record(value, 3))).toEqual({
      ok: false,
      line: 3,
      errors: errors.map((e) => ({ field: e.field, reason: expect.stringMatching(e.reason) })),
    });
  });

  it('reports an unreadable line as a bad row', () => {
    expect(mapImportRow({ line: 6, ok: false, reason: 'invalid JSON' })).toEqual({ ok: false, line: 6, errors: [{ field: 'row', reason: 'invalid JSON' }] });
  });
});

describe('importRowKey', () => {
  const forms = ['09121234567', '+98 912 123 4567', '0098-912-123-4567', '9121234567', persian('0912 123 4567'), arabic('+989121234567')];

  it('is the E.164 phone, whatever form and digits the row used', () => {
    const header = analyseHeader(['phone', 'first_name']);
    const keys = forms.map((phone, i) => {
      const result = mapImportRow({ line: i + 2, fields: [phone, 'Ali'] }, { header });
      if (!result.ok) throw new Error('expected a good row');
      return importRowKey(result.row);
    });
    expect(new Set(keys)).toEqual(new Set(['+989121234567']));
  });

  it('does not depend on the profile fields, so a changed row updates the same member', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.string({ maxLength: 20 }), (phone, name) => {
        const result = mapImportRow({ line: 1, ok: true, value: { phone, firstName: `${name}x` } });
        expect(result.ok && importRowKey(result.row)).toBe('+989121234567');
      }),
    );
  });
});

describe('import pipeline (CSV text → rows)', () => {
  function importCsv(text: string, cutsAt: readonly number[] = []) {
    const [head, ...records] = readInChunks(new CsvReader(), text, cutsAt);
    const analysis = analyseHeader(head.fields);
    const results = records.map((r) => mapImportRow(r, { header: analysis }));
    return {
      analysis,
      good: results.flatMap((r) => (r.ok ? [{ line: r.line, key: importRowKey(r.row), row: r.row }] : [])),
      bad: results.flatMap((r) => (r.ok ? [] : [{ line: r.line, fields: r.errors.map((e) => e.field) }])),
    };
  }

  const FILE = [
    'Phone;First Name;interests;Tier',
    '۰۹۱۲۱۲۳۴۵۶۷;"علی ""ali""";books|tea;gold',
    '02112345678;Reza;;',
    '09351112233;"two',
    'lines";;',
    '"09351112233";Sara;"x"y;',
    '',
    '09121234567;Ali;tea;silver',
    '',
  ].join('\r\n');

  it('imports good rows and reports bad ones by physical line', () => {
    const { analysis, good, bad } = importCsv(FILE);
    expect(analysis.unknownColumns).toEqual(['Tier']);
    expect(good).toEqual([
      { line: 2, key: '+989121234567', row: { phone: '+989121234567', profile: { firstName: 'علی "ali"', interests: ['books', 'tea'] } } },
      { line: 4, key: '+989351112233', row: { phone: '+989351112233', profile: { firstName: 'two\r\nlines' } } },
      { line: 8, key: '+989121234567', row: { phone: '+989121234567', profile: { firstName: 'Ali', interests: ['tea'] } } },
    ]);
    expect(bad).toEqual([
      { line: 3, fields: ['phone'] },
      { line: 6, fields: ['row'] },
    ]);
  });

  it('gives the same result on every run and for any chunking', () => {
    fc.assert(
      fc.property(cuts, (at) => {
        expect(importCsv(FILE, at)).toEqual(importCsv(FILE));
      }),
    );
  });

  it('reproduces generated valid rows written by the reference writer', () => {
    const word = fc.string({ unit: fc.constantFrom('ع', 'ل', 'ی', 'a', 'b', ' ', ',', ';', '"', '\n', '\u200c'), minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '');
    const tag = fc.string({ unit: fc.constantFrom('ک', 'ت', 'a', 'b', '-', ',', '"'), minLength: 1, maxLength: 8 });
    const member = fc.record({
      phone: fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom<(s: string) => string>((s) => s, persian, arabic)),
      firstName: fc.option(word, { nil: undefined }),
      gender: fc.option(fc.constantFrom('female', 'male', 'other', 'undisclosed'), { nil: undefined }),
      interests: fc.uniqueArray(tag, { maxLength: 4 }),
      color: fc.option(word, { nil: undefined }),
    });
    const HEADER = ['mobile', 'firstName', 'GENDER', 'interests', 'attr.color'];
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 6 }), writeOptions, cuts, (members, options, at) => {
        const rows = members.map((m) => {
          const national = `9${String(m.phone[0]).padStart(9, '0')}`;
          const cells = [m.phone[1](`0${national}`), m.firstName ?? '', m.gender?.toUpperCase() ?? '', m.interests.join('|'), m.color ?? ''];
          return { cells, national, m };
        });
        const { text, lines } = writeCsv([HEADER, ...rows.map((r) => r.cells)], options);
        const { good, bad } = importCsv(text, at);
        expect(bad).toEqual([]);
        expect(good).toEqual(
          rows.map(({ national, m }, i) => {
            const profile: Record<string, unknown> = {};
            if (m.firstName !== undefined) profile['firstName'] = m.firstName.trim();
            if (m.gender !== undefined) profile['gender'] = m.gender;
            if (m.interests.some((t) => t.trim() !== '')) profile['interests'] = m.interests.map((t) => t.trim()).filter((t) => t !== '');
            if (m.color !== undefined) profile['attributes'] = { color: m.color.trim() };
            return { line: lines[i + 1], key: `+98${national}`, row: { phone: `+98${national}`, profile } };
          }),
        );
      }),
    );
  });
});
