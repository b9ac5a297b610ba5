// One typed message catalogue per locale. English defines the keys; the other locales must
// have every one of them (the compiler checks that, and a test checks it again at run time).
import { en, type MessageKey } from './messages/en';
import { ko } from './messages/ko';
import { zhCN } from './messages/zh-CN';

export const locales = ['en', 'zh-CN', 'ko'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

export type Messages = Record<MessageKey, string>;
/** A message lookup for one locale: `translate` bound to it on the server, `t` in a page. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', ko: '한국어' };
export const catalogues: Record<Locale, Messages> = { en, 'zh-CN': zhCN, ko };

/** `sim` for `sim.start`: the layouts send messages to a browser by namespace (lib/server/messages.ts). */
export const namespaceOf = (key: string) => key.slice(0, key.indexOf('.'));

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** `template` with its `{name}` placeholders filled in, numbers written the locale's way. */
export function fill(locale: Locale, template: string, params: Record<string, string | number> = {}) {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(typeof params[name] === 'number' ? formatNumber(locale, params[name] as number) : params[name]) : whole
	);
}

/** The message for `key` with `{name}` placeholders filled in. */
export const translate = (locale: Locale, key: MessageKey, params?: Record<string, string | number>) => fill(locale, catalogues[locale][key] ?? en[key], params);

/** Keys written as `base.one` / `base.other` pairs: the plural forms of one message. */
type PluralBase<K> = K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey>;

/** The key of `base`'s plural form that fits `count` (English has two; Chinese and Korean use `other` only). */
export const pluralKey = (locale: Locale, base: PluralKey, count: number) =>
	`${base}.${new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other'}` as MessageKey;

export const plural = (locale: Locale, base: PluralKey, count: number, params: Record<string, string | number> = {}) =>
	translate(locale, pluralKey(locale, base, count), { count, ...params });

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

// Building an Intl formatter costs far more than using one, and pages format hundreds of values.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(make: new (locale: string, options?: object) => F, locale: Locale, options?: object): F {
	const key = `${make.name} ${locale} ${JSON.stringify(options)}`;
	let found = formatters.get(key) as F | undefined;
	if (!found) formatters.set(key, (found = new make(locale, options)));
	return found;
}

export const formatNumber = (locale: Locale, value: number, options?: Intl.NumberFormatOptions) => formatter(Intl.NumberFormat, locale, options).format(value);
/** A whole percentage, stored as 0–100, the locale's way ("85%", "85 %"). */
export const formatPercent = (locale: Locale, value: number) => formatNumber(locale, value / 100, { style: 'percent', maximumFractionDigits: 0 });

export const formatDate = (locale: Locale, date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
	formatter(Intl.DateTimeFormat, locale, { timeZone: 'UTC', ...options }).format(date);
