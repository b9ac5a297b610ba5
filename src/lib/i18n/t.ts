// In components: the current page's locale and its messages, from the layouts' data, so that a
// browser loads only the messages its pages use (this module must not use `translate`).
import { page } from '$app/state';
import { fill, formatDate, formatNumber, formatPercent, isLocale, namespaceOf, pluralKey, type Locale, type MessageKey, type PluralKey } from './index';

export const locale = (): Locale => (isLocale(page.data.locale) ? page.data.locale : 'en');
const message = (key: MessageKey): string | undefined => (page.data[`messages.${namespaceOf(key)}`] ?? page.data.messages)?.[key];
// A key shown as itself means a page's layout lacks its area's messages (the e2e suites look for that).
export const t = (key: MessageKey, params?: Record<string, string | number>) => fill(locale(), message(key) ?? key, params);
export const date = (value: Date, options?: Intl.DateTimeFormatOptions) => formatDate(locale(), value, options);
export const number = (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale(), value, options);
/** A whole percentage, stored as 0–100, the locale's way ("85%", "85 %"). */
export const percent = (value: number) => formatPercent(locale(), value);
export const tn = (base: PluralKey, count: number, params?: Record<string, string | number>) => t(pluralKey(locale(), base, count), { count, ...params });
/** Between two sentences, or a label and its text: a space, except in Chinese, whose full-width punctuation carries its own. */
export const gap = () => (locale() === 'zh-CN' ? '' : ' ');
