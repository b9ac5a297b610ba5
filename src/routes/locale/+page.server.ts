import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { isLocale } from '$lib/i18n';
import { db } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { safeNext, textFields } from '$lib/server/forms';

export function load() {
	redirect(303, '/');
}

export const actions = {
	// Kept in a cookie for this browser and, for a signed-in user, on their account.
	default: async (event) => {
		const { locale, next } = textFields(await event.request.formData(), ['locale', 'next']);
		if (isLocale(locale)) {
			event.cookies.set('locale', locale, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400, secure: event.url.protocol === 'https:' && event.url.hostname !== 'localhost' });
			if (event.locals.user) await db.update(user).set({ locale }).where(eq(user.id, event.locals.user.id));
		}
		redirect(303, safeNext(next));
	}
};
