import { formatNumber, renderPointsEarned, renderWelcome } from './templates';

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
