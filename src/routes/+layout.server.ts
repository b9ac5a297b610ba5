import { commonMessages } from '$lib/server/messages';

export function load({ locals }) {
	// What the shell needs: who is signed in (for the navigation), the interface language and the
	// messages every area uses. Each page still authorises itself.
	const user = locals.user;
	return { user: user && { name: user.name, role: user.role }, locale: locals.locale, ...commonMessages(locals.locale) };
}
