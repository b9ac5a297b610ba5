import { describe, expect, it } from 'vitest';
import { passwordProblem } from '$lib/server/auth/password';
import { safeNext } from '$lib/server/forms';

describe('password policy', () => {
	it('refuses short and common passwords and the e-mail address itself', () => {
		expect(passwordProblem('short')).toMatch(/at least 8/);
		expect(passwordProblem('password1')).toMatch(/too common/);
		expect(passwordProblem('Qwertyuiop')).toMatch(/too common/);
		expect(passwordProblem('mina@example.com', 'Mina@example.com')).toMatch(/too common/);
		expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
	});

	it('accepts long passphrases, spaces, emoji and 64+ characters', () => {
		expect(passwordProblem('correct horse battery staple')).toBeNull();
		expect(passwordProblem('안녕하세요 세일즈 🙂')).toBeNull();
		expect(passwordProblem('p'.repeat(100))).toBeNull();
	});
});

describe('return address after sign-in', () => {
	it('keeps local paths and drops other sites', () => {
		expect(safeNext('/lessons/time-management?x=1')).toBe('/lessons/time-management?x=1');
		for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', null, ''])
			expect(safeNext(bad)).toBe('/');
	});
});
