import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { startSession } from '$lib/server/auth/session';
import { lockedFor, recordFailure, recordSuccess, waitMessage } from '$lib/server/auth/throttle';
import { safeNext, textFields } from '$lib/server/forms';
import { checkCredentials } from '$lib/server/users';

export function load({ locals, url }) {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
}

export const actions = {
	default: async (event) => {
		const locale = event.locals.locale;
		const { email, password } = textFields(await event.request.formData(), ['email', 'password']);
		const account = email.trim().slice(0, 254);
		if (!account || !password) return fail(400, { email: account, message: translate(locale, 'signIn.missing') });

		const keys: Parameters<typeof lockedFor>[0] = [['account', account], ['address', event.getClientAddress()]];
		const wait = await lockedFor(keys);
		if (wait > 0) return fail(429, { email: account, message: waitMessage(wait, locale) });

		const user = await checkCredentials(account, password.slice(0, 1024));
		if (!user) {
			await recordFailure(keys);
			// The same words whether or not the account exists.
			return fail(400, { email: account, message: translate(locale, 'signIn.mismatch') });
		}
		await recordSuccess(account);
		await startSession(event, user.id);
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
