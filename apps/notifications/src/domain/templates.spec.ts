import { formatDay, formatNumber, renderPointsEarned, renderPointsExpiring, renderWelcome } from './templates';

describe('templates', () => {
  it('renders Persian digits and grouping for fa', () => {
    expect(formatNumber(1250, 'fa')).toBe('۱٬۲۵۰');
    expect(formatNumber(1250, 'en')).toBe('1,250');
  });

  it.each([
    ['fa', 'علی', 'علی عزیز'],
    ['fa', null, 'عضویت شما'],
    ['en', 'Sara', 'Sara, your membership'],
    ['en', '  ', 'Your membership'],
  ] as const)('welcome in %s for %s', (locale, name, expected) => {
    const m = renderWelcome(locale, name);
    expect(m.kind).toBe('welcome');
    expect(m.body).toContain(expected);
  });

  it('points earned names the points and the balance', () => {
    expect(renderPointsEarned('en', 125, 1125).body).toBe('You earned 125 points. Available balance: 1,125 points.');
    expect(renderPointsEarned('fa', 125, 1125).body).toContain('۱۲۵ امتیاز');
  });
});

describe('points expiring', () => {
  it.each([
    ['2027-03-20', 'fa', '۲۹ اسفند ۱۴۰۵'], // the last day of a common Jalali year
    ['2025-03-20', 'fa', '۳۰ اسفند ۱۴۰۳'], // Esfand 30 of a leap year
    ['2026-03-21', 'fa', '۱ فروردین ۱۴۰۵'], // Nowruz
    ['2027-03-20', 'en', '20 March 2027'],
  ] as const)('renders %s in %s as %s', (iso, locale, text) => {
    expect(formatDay(iso, locale)).toBe(text);
  });

  it('says how many points and the last day to spend them, in the member’s language', () => {
    expect(renderPointsExpiring('fa', 1250, '2027-03-20')).toMatchObject({ kind: 'points-expiring', body: expect.stringContaining('۱٬۲۵۰ امتیاز شما تا پایان ۲۹ اسفند ۱۴۰۵') });
    expect(renderPointsExpiring('en', 1250, '2027-03-20').body).toBe('1,250 of your points can be used until the end of 20 March 2027.');
  });
});
