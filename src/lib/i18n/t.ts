// In components: the current page's locale, from the root layout's data.
import { page } from '$app/state';
import { formatDate, formatNumber, isLocale, translate, type Locale, type MessageKey } from './index';

export const locale = (): Locale => (isLocale(page.data.locale) ? page.data.locale : 'en');
export const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale(), key, params);
export const date = (value: Date, options?: Intl.DateTimeFormatOptions) => formatDate(locale(), value, options);
export const number = (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale(), value, options);
