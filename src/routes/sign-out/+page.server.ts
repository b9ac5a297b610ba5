import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/session';

export function load() {
	redirect(303, '/');
}

export const actions = {
	default: async (event) => {
		await endSession(event);
		redirect(303, '/sign-in');
	}
};
