import type { Locale } from '$lib/i18n';
import type { SessionValidationResult } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionValidationResult['user'];
			session: SessionValidationResult['session'];
			locale: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
