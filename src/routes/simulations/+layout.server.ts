import { areaMessages } from '$lib/server/messages';

// The messages this area's pages use beyond the root layout's (see areaNamespaces).
export const load = ({ locals }) => areaMessages(locals.locale, 'sim', 'cohort');
