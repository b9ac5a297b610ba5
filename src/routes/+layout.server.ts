export function load({ locals }) {
	// What the shell needs to draw the navigation; each page still authorises itself.
	const user = locals.user;
	return { user: user && { name: user.name, role: user.role } };
}
