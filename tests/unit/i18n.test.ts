import { describe, expect, it } from 'vitest';
import { catalogues, formatDate, formatNumber, locales, negotiate, translate } from '$lib/i18n';
import { en } from '$lib/i18n/messages/en';

describe('message catalogues', () => {
	it('every key exists, non-empty, in every locale, with the same placeholders', () => {
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const locale of locales)
			for (const key of Object.keys(en) as (keyof typeof en)[]) {
				const message = catalogues[locale][key];
				expect(message?.trim(), `${locale} ${key}`).toBeTruthy();
				expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(en[key]));
			}
		for (const locale of locales) expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(en).sort());
	});

	it('fills placeholders and formats numbers for the locale', () => {
		expect(translate('en', 'nav.account', { name: 'Mina' })).toBe('Mina, your account');
		expect(translate('ko', 'nav.account', { name: '민아' })).toBe('민아님의 계정');
		expect(formatNumber('en', 38461.5)).toBe('38,461.5');
		expect(formatDate('ko', new Date('2026-11-23T12:00:00Z'), { dateStyle: 'long' })).toBe('2026년 11월 23일');
		expect(formatDate('zh-CN', new Date('2026-11-23T12:00:00Z'), { dateStyle: 'long' })).toBe('2026年11月23日');
	});
});

describe('choosing a locale from Accept-Language', () => {
	it('picks the highest-quality language we offer', () => {
		expect(negotiate('ko-KR,ko;q=0.9,en-US;q=0.8')).toBe('ko');
		expect(negotiate('fr-FR, zh-CN;q=0.8, en;q=0.5')).toBe('zh-CN');
		expect(negotiate('zh-TW')).toBe('zh-CN');
		expect(negotiate('en;q=0.2, ko;q=0.9')).toBe('ko');
		expect(negotiate('de, fr')).toBeNull();
		expect(negotiate('')).toBeNull();
		expect(negotiate(null)).toBeNull();
		expect(negotiate('ko;q=0')).toBeNull();
	});
});
