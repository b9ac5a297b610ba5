import { dev } from '$app/environment';
import { json, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import * as auth from '$lib/server/auth/session';
import { startup } from '$lib/server/startup';

export const init: ServerInit = startup;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const hostOf = (origin: string) => URL.parse(origin)?.host;

// SvelteKit 2 checks the origin of form posts only; a cross-site request with another
// content type, or none, would pass. Refuse every cross-site state-changing request.
const sameSiteOnly: Handle = ({ event, resolve }) => {
	if (!SAFE_METHODS.has(event.request.method)) {
		const site = event.request.headers.get('sec-fetch-site');
		const origin = event.request.headers.get('origin');
		const crossSite = site ? site !== 'same-origin' && site !== 'none' : origin !== null && hostOf(origin) !== event.url.host;
		if (crossSite) return json({ message: 'Cross-site requests are not allowed.' }, { status: 403 });
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (auth.isSecure(event.url)) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	return response;
};

const authentication: Handle = async ({ event, resolve }) => {
	const secure = auth.isSecure(event.url);
	const token = event.cookies.get(auth.sessionCookieName(secure));
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = await auth.validateSessionToken(token);
	if (session) auth.setSessionTokenCookie(event.cookies, secure, token, session.expiresAt);
	else auth.deleteSessionTokenCookie(event.cookies, secure);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

export const handle = sequence(sameSiteOnly, securityHeaders, authentication);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message:
			status === 404
				? 'Not found'
				: dev && error instanceof Error
					? error.message
					: 'Something went wrong on our side. Please try again in a moment.'
	};
};
