import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { catalogues, formatDate, formatNumber, locales, namespaceOf, negotiate, plural, translate } from '$lib/i18n';
import { areaMessages, areaNamespaces, commonMessages } from '$lib/server/messages';
import { en } from '$lib/i18n/messages/en';
import { passwordProblem } from '$lib/server/auth/password';
import { waitMessage } from '$lib/server/auth/throttle';
import { email, plainText, validate } from '$lib/server/forms';

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
		// Formatters are reused: the same options give the same text whatever object carries them.
		expect(formatDate('en', new Date('2026-11-23T12:00:00Z'), { month: 'long' })).toBe('November');
		expect(formatDate('en', new Date('2026-11-23T12:00:00Z'), { year: 'numeric' })).toBe('2026');
		expect(formatNumber('en', 0.5, { style: 'percent' })).toBe('50%');
		expect(formatNumber('en', 0.5)).toBe('0.5');
	});

	it('sends a browser each message once: the root layout every namespace but the areas\', each area its own', () => {
		for (const locale of locales) {
			const common = commonMessages(locale);
			const areas = areaMessages(locale, ...areaNamespaces);
			expect(Object.keys(areas).sort()).toEqual(areaNamespaces.map((n) => `messages.${n}`).sort());
			const parts = [common.messages, ...Object.values(areas)];
			expect(Object.assign({}, ...parts)).toEqual(catalogues[locale]);
			expect(parts.reduce((sum, part) => sum + Object.keys(part).length, 0)).toBe(Object.keys(en).length);
			expect(Object.keys(common.messages).some((key) => (areaNamespaces as readonly string[]).includes(namespaceOf(key)))).toBe(false);
			// The trainer's words are not in a lesson page's data.
			expect(common.messages).not.toHaveProperty('report.title');
		}
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

describe('plural forms', () => {
	it('English picks one or other; Chinese and Korean have one form', () => {
		expect(plural('en', 'trainer.members', 1)).toBe('1 trainee');
		expect(plural('en', 'trainer.members', 1200)).toBe('1,200 trainees');
		expect(plural('zh-CN', 'trainer.members', 1)).toBe('1 名学员');
		expect(plural('ko', 'trainer.members', 3)).toBe('교육생 3명');
	});
});

describe('server messages in the request’s locale', () => {
	const SignUp = v.object({ name: plainText('field.name', 100), email });

	it('validation messages follow the locale the schema runs with', () => {
		const input = { name: '  ', email: 'not-an-address' };
		expect(validate(SignUp, input)).toEqual({ ok: false, errors: { name: 'Please enter your name.', email: 'Please enter a valid e-mail address, like name@example.com.' } });
		expect(validate(SignUp, input, 'ko')).toEqual({
			ok: false,
			errors: { name: '이름 항목을 입력해 주세요.', email: 'name@example.com과 같은 올바른 이메일 주소를 입력해 주세요.' }
		});
		expect(validate(SignUp, { name: 'x'.repeat(101), email: 'a@b.co' }, 'zh-CN')).toEqual({ ok: false, errors: { name: '姓名最多 100 个字符。' } });
		expect(validate(SignUp, { name: 'Min\u0000jun', email: 'a@b.co' }, 'ko').errors).toEqual({ name: '이름 항목에 저장할 수 없는 문자가 들어 있습니다.' });
		expect(validate(SignUp, { name: ' Min-jun ', email: 'a@b.co' }, 'ko')).toEqual({ ok: true, data: { name: 'Min-jun', email: 'a@b.co' } });
	});

	it('a check without its own message still answers in the locale', () => {
		const Choice = v.object({ mode: v.picklist(['practice', 'assessment']) });
		expect(validate(Choice, { mode: 'cheat' }, 'zh-CN').errors).toEqual({ mode: '请检查这一项。' });
		expect(validate(Choice, { mode: 'cheat' }).errors).toEqual({ mode: 'Please check this value.' });
	});

	it('password and sign-in throttling messages', () => {
		expect(passwordProblem('short', '', 'ko')).toBe('비밀번호는 8자 이상이어야 합니다.');
		expect(passwordProblem('password1', '', 'zh-CN')).toBe('这个密码太常见或太容易被猜到。不妨用一句简短的话作密码。');
		expect(passwordProblem('correct horse battery staple', '', 'ko')).toBeNull();
		expect(waitMessage(1000)).toBe('Too many failed attempts. For your security, please wait 1 second and try again.');
		expect(waitMessage(30_500, 'ko')).toBe('로그인 실패가 너무 많습니다. 보안을 위해 31초 후에 다시 시도해 주세요.');
		expect(waitMessage(15 * 60_000, 'zh-CN')).toBe('失败次数过多。为了您的账户安全，请等待 15 分钟后再试。');
	});
});
