// A page's bulk of HTML (a lesson's text) is sent once. A full page load renders a marker in its
// place and the HTML is spliced into the rendered page, instead of travelling a second time in
// the hydration data, where nothing would read it: hydrating {@html} keeps the server's nodes.
// A browser navigating to the page fetches its data (a data request) and gets the HTML itself.
// Markers are comments, which Svelte escapes in any text a user enters, so only ours can match.
import type { RequestEvent } from '@sveltejs/kit';

/** `html` for a data request; otherwise a marker that `splice` replaces with it after rendering. */
export function verbatim(event: RequestEvent, html: string) {
	if (event.isDataRequest || !html) return html;
	const parts = (event.locals.verbatim ??= []);
	return `<!--verbatim:${parts.push(html) - 1}-->`;
}

export const splice = (page: string, parts: string[] | undefined) =>
	parts?.length ? page.replace(/<!--verbatim:(\d+)-->/g, (marker, i: string) => parts[Number(i)] ?? marker) : page;
