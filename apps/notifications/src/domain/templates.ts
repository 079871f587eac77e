import { parseIsoDate, toJalali } from '@club/calendar';

/**
 * In-app message templates, Persian (RTL) and English. Pure: numbers are rendered with the
 * locale's digits and grouping, names are optional.
 */
export type Locale = 'fa' | 'en';
export type MessageKind = 'welcome' | 'points-earned' | 'points-expiring';

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

const PERSIAN_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/** A calendar day as members read it: "۲۹ اسفند ۱۴۰۵" (Jalali, Persian digits) or "20 March 2027". */
export function formatDay(isoDate: string, locale: Locale): string {
  const { gy, gm, gd } = parseIsoDate(isoDate);
  if (locale === 'fa') {
    const { jy, jm, jd } = toJalali(gy, gm, gd);
    const digits = (n: number) => new Intl.NumberFormat('fa-IR', { useGrouping: false }).format(n);
    return `${digits(jd)} ${PERSIAN_MONTHS[jm - 1]} ${digits(jy)}`;
  }
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(gy, gm - 1, gd)));
}

/** Points about to expire: how many, and the last day they can be spent (the club's local date). */
export function renderPointsExpiring(locale: Locale, points: number, lastDay: string): RenderedMessage {
  if (locale === 'fa') {
    return {
      kind: 'points-expiring',
      locale,
      title: 'امتیازهای شما به‌زودی منقضی می‌شوند',
      body: `${formatNumber(points, locale)} امتیاز شما تا پایان ${formatDay(lastDay, locale)} اعتبار دارد. پیش از آن استفاده کنید.`,
    };
  }
  return {
    kind: 'points-expiring',
    locale,
    title: 'Your points expire soon',
    body: `${formatNumber(points, locale)} of your points can be used until the end of ${formatDay(lastDay, locale)}.`,
  };
}
