// Every content file, read once: svelte.dev's pattern. Keys are paths relative to `content/`.
// In the app Vite bundles the files into the server; plain Node scripts (benchmarks, tools run
// with tsx) have no `import.meta.glob`, so they read the same folder from disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function readContentFolder(root: string) {
	const files: Record<string, string> = {};
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.(md|yaml)$/.test(entry.name) || entry.name === 'README.md') continue;
		const path = join(entry.parentPath, entry.name);
		files[relative(root, path)] = readFileSync(path, 'utf8');
	}
	return files;
}

function bundled() {
	const raw = import.meta.glob('/content/**/*.{md,yaml}', { query: '?raw', import: 'default', eager: true });
	return Object.fromEntries(
		Object.entries(raw)
			.filter(([path]) => !path.endsWith('/README.md'))
			.map(([path, text]) => [path.replace(/^\/content\//, ''), text as string])
	);
}

export const contentFiles: Record<string, string> = import.meta.env ? bundled() : readContentFolder('content');
