export function load({ locals }) {
	// What the shell needs: who is signed in (for the navigation) and the interface language.
	// Each page still authorises itself.
	const user = locals.user;
	return { user: user && { name: user.name, role: user.role }, locale: locals.locale };
}
