// Every content file, bundled into the server at build time and read once: svelte.dev's
// pattern. Keys are paths relative to `content/`, as `scripts/content-check.ts` reads them too.
const raw = import.meta.glob('/content/**/*.{md,yaml}', { query: '?raw', import: 'default', eager: true });

export const contentFiles: Record<string, string> = Object.fromEntries(
	Object.entries(raw).map(([path, text]) => [path.replace(/^\/content\//, ''), text as string])
);
