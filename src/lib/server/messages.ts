import { catalogues, locales, namespaceOf, type Locale } from '$lib/i18n';

// A browser gets the messages of its page's locale only, in layout data (t.ts reads them): the
// root layout's share is every namespace but those below, which only their areas' pages use and
// which their areas' layouts add, so that a lesson page does not carry the trainer's words.
export const areaNamespaces = ['sim', 'selfCheck', 'trio', 'trainer', 'cohort', 'report', 'trainee'] as const;
export type AreaNamespace = (typeof areaNamespaces)[number];

const split = Object.fromEntries(
	locales.map((locale) => {
		const parts: Record<string, Record<string, string>> = {};
		for (const [key, message] of Object.entries(catalogues[locale])) {
			const namespace = namespaceOf(key);
			(parts[(areaNamespaces as readonly string[]).includes(namespace) ? `messages.${namespace}` : 'messages'] ??= {})[key] = message;
		}
		return [locale, parts];
	})
) as Record<Locale, Record<string, Record<string, string>>>;

/** The root layout's messages for `locale`. */
export const commonMessages = (locale: Locale) => ({ messages: split[locale].messages });
/** An area layout's messages: each namespace under its own key, as t.ts looks them up. */
export const areaMessages = (locale: Locale, ...namespaces: AreaNamespace[]) =>
	Object.fromEntries(namespaces.map((namespace) => [`messages.${namespace}`, split[locale][`messages.${namespace}`]]));
