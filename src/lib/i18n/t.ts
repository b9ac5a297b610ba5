// In components: the current page's locale, from the root layout's data.
import { page } from '$app/state';
import { formatDate, formatNumber, isLocale, plural, translate, type Locale, type MessageKey, type PluralKey } from './index';

export const locale = (): Locale => (isLocale(page.data.locale) ? page.data.locale : 'en');
export const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale(), key, params);
export const date = (value: Date, options?: Intl.DateTimeFormatOptions) => formatDate(locale(), value, options);
export const number = (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale(), value, options);
/** A whole percentage, stored as 0–100, the locale's way ("85%", "85 %"). */
export const percent = (value: number) => number(value / 100, { style: 'percent', maximumFractionDigits: 0 });
export const tn = (base: PluralKey, count: number, params?: Record<string, string | number>) => plural(locale(), base, count, params);
/** Between two sentences, or a label and its text: a space, except in Chinese, whose full-width punctuation carries its own. */
export const gap = () => (locale() === 'zh-CN' ? '' : ' ');
