/**
 * In-app message templates, Persian (RTL) and English. Pure: numbers are rendered with the
 * locale's digits and grouping, names are optional.
 */
export type Locale = 'fa' | 'en';
export type MessageKind = 'welcome' | 'points-earned';

export interface RenderedMessage {
  readonly kind: MessageKind;
  readonly locale: Locale;
  readonly title: string;
  readonly body: string;
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 0 }).format(n);
}

export function renderWelcome(locale: Locale, firstName: string | null): RenderedMessage {
  const name = firstName?.trim();
  if (locale === 'fa') {
    return {
      kind: 'welcome',
      locale,
      title: 'به باشگاه مشتریان خوش آمدید',
      body: `${name ? `${name} عزیز، ` : ''}عضویت شما در باشگاه مشتریان ثبت شد. با هر خرید امتیاز بگیرید.`,
    };
  }
  return {
    kind: 'welcome',
    locale,
    title: 'Welcome to the club',
    body: `${name ? `${name}, your` : 'Your'} membership is active. Earn points with every purchase.`,
  };
}

export function renderPointsEarned(locale: Locale, points: number, available: number): RenderedMessage {
  if (locale === 'fa') {
    return {
      kind: 'points-earned',
      locale,
      title: 'امتیاز جدید',
      body: `${formatNumber(points, locale)} امتیاز به حساب شما اضافه شد. موجودی قابل استفاده: ${formatNumber(available, locale)} امتیاز.`,
    };
  }
  return {
    kind: 'points-earned',
    locale,
    title: 'Points earned',
    body: `You earned ${formatNumber(points, locale)} points. Available balance: ${formatNumber(available, locale)} points.`,
  };
}
