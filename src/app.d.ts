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
			/** Why, in the user's language, when the page can say more than its status does. */
			detail?: string;
		}
	}
}

export {};
