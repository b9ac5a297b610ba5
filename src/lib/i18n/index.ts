// One typed message catalogue per locale. English defines the keys; the other locales must
// have every one of them (the compiler checks that, and a test checks it again at run time).
import { en, type MessageKey } from './messages/en';
import { ko } from './messages/ko';
import { zhCN } from './messages/zh-CN';

export const locales = ['en', 'zh-CN', 'ko'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', ko: '한국어' };
export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN, ko };

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The message for `key` with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}) {
	const template = catalogues[locale][key] ?? en[key];
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(typeof params[name] === 'number' ? formatNumber(locale, params[name] as number) : params[name]) : whole
	);
}

/** Keys written as `base.one` / `base.other` pairs: the plural forms of one message. */
type PluralBase<K> = K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey>;

/** The plural form of `base` that fits `count` (English has two; Chinese and Korean use `other` only). */
export function plural(locale: Locale, base: PluralKey, count: number, params: Record<string, string | number> = {}) {
	const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
	return translate(locale, `${base}.${form}` as MessageKey, { count, ...params });
}

/** The best of our locales for an Accept-Language header, by its quality values. */
export function negotiate(header: string | null): Locale | null {
	if (!header) return null;
	const wanted = header
		.split(',')
		.map((part) => {
			const [tag, ...rest] = part.trim().split(';');
			const q = Number(rest.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
			return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0 };
		})
		.filter((w) => w.tag && w.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of wanted) {
		if (tag === 'en' || tag.startsWith('en-')) return 'en';
		if (tag === 'ko' || tag.startsWith('ko-')) return 'ko';
		// Traditional-script Chinese (zh-TW, zh-HK, zh-Hant) is not what we offer; Simplified is the nearest.
		if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
	}
	return null;
}

export const formatNumber = (locale: Locale, value: number, options?: Intl.NumberFormatOptions) =>
	new Intl.NumberFormat(locale, options).format(value);

export const formatDate = (locale: Locale, date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
	new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(date);
