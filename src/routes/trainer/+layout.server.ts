import { areaMessages, areaNamespaces } from '$lib/server/messages';

// A trainer's pages show every area's work: all the messages beyond the root layout's.
export const load = ({ locals }) => areaMessages(locals.locale, ...areaNamespaces);
