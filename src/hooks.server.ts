import { dev } from '$app/environment';
import { json, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { isLocale, negotiate, translate, type Locale } from '$lib/i18n';
import * as auth from '$lib/server/auth/session';
import { closeDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/errors';
import { startup } from '$lib/server/startup';
import { splice } from '$lib/server/verbatim';

export const init: ServerInit = async () => {
	await startup();
	// adapter-node finishes the requests in flight on SIGTERM, then emits this.
	process.once('sveltekit:shutdown', () => void closeDatabase({ final: true }));
};

// Without the database the account's language is unknown: this browser's choice or languages decide.
const browserLocale = (event: RequestEvent): Locale => {
	const chosen = event.cookies.get('locale');
	return isLocale(chosen) ? chosen : (negotiate(event.request.headers.get('accept-language')) ?? 'en');
};

const unavailable = (event: RequestEvent) => {
	const locale = browserLocale(event);
	const title = translate(locale, 'error.503.title');
	return event.request.headers.get('accept')?.includes('text/html')
		? new Response(
				`<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;overflow-wrap:anywhere"><h1>${title}</h1><p>${translate(locale, 'error.unavailable.text')}</p><p><a href="">${translate(locale, 'error.unavailable.retry')}</a></p></body></html>`,
				{ status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '30' } }
			)
		: json({ message: 'The service is briefly unavailable. Please try again in a minute.' }, { status: 503, headers: { 'retry-after': '30' } });
};

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
	let result;
	try {
		result = await auth.validateSessionToken(token);
	} catch (error) {
		if (isDatabaseUnavailable(error)) return unavailable(event);
		throw error;
	}
	const { session, user } = result;
	if (session) auth.setSessionTokenCookie(event.cookies, secure, token, session.expiresAt);
	else auth.deleteSessionTokenCookie(event.cookies, secure);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

// The user's own choice, else this browser's earlier choice, else its languages, else English.
const localization: Handle = ({ event, resolve }) => {
	const chosen = [event.locals.user?.locale, event.cookies.get('locale')].find(isLocale);
	const locale = chosen ?? negotiate(event.request.headers.get('accept-language')) ?? 'en';
	event.locals.locale = locale;
	return resolve(event, { transformPageChunk: ({ html }) => splice(html.replace('%lang%', locale), event.locals.verbatim) });
};

// How long the app took over a request, for the browser's developer tools and the benchmarks.
const timing: Handle = async ({ event, resolve }) => {
	const began = performance.now();
	const response = await resolve(event);
	response.headers.set('Server-Timing', `app;dur=${(performance.now() - began).toFixed(1)}`);
	return response;
};

export const handle = sequence(timing, sameSiteOnly, securityHeaders, authentication, localization);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(error);
	// An error thrown before the localization handle ran still answers in the browser's language.
	const locale = isLocale(event.locals.locale) ? event.locals.locale : browserLocale(event);
	return {
		message:
			status === 404
				? translate(locale, 'error.notFound')
				: dev && error instanceof Error
					? error.message
					: translate(locale, 'error.server')
	};
};
