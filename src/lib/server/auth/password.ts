import { hash, verify } from '@node-rs/argon2';
import { translate, type Locale } from '$lib/i18n';
import { commonPasswords } from './common-passwords';

// argon2id (the library's default algorithm) with OWASP's first parameter set: m=19 MiB, t=2, p=1.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string) {
	return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string) {
	return verify(passwordHash, password).catch(() => false);
}

/** A message for the learner in their locale, or null when the password is acceptable. */
export function passwordProblem(password: string, email = '', locale: Locale = 'en'): string | null {
	if (password.length < PASSWORD_MIN) return translate(locale, 'password.tooShort', { min: PASSWORD_MIN });
	if (password.length > PASSWORD_MAX) return translate(locale, 'password.tooLong', { max: PASSWORD_MAX });
	const lower = password.toLowerCase();
	if (commonPasswords.has(lower) || (email && lower === email.toLowerCase())) return translate(locale, 'password.common');
	return null;
}

// A hash to verify against when no account matches, so an unknown address takes as long to
// refuse as a wrong password.
let dummyHash: Promise<string> | undefined;
export function burnPasswordCheck(password: string) {
	dummyHash ??= hashPassword('rehearse-no-such-account');
	return dummyHash.then((h) => verifyPassword(h, password));
}
