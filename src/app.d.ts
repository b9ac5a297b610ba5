import type { Locale } from '$lib/i18n';
import type { SessionValidationResult } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionValidationResult['user'];
			session: SessionValidationResult['session'];
			locale: Locale;
			/** HTML to splice into the rendered page in place of its markers (lib/server/verbatim.ts). */
			verbatim?: string[];
		}
		interface Error {
			message: string;
			/** Why, in the user's language, when the page can say more than its status does. */
			detail?: string;
		}
	}
}

export {};
