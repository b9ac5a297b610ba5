// `npm start`: build when the build is missing or older than the sources, then serve.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const output = 'build/index.js';
const sources = ['src', 'content', 'drizzle', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (!existsSync(output) || Math.max(...sources.map(newest)) > statSync(output).mtimeMs) {
	console.log('Building Rehearse…');
	execSync('npx vite build', { stdio: 'inherit' });
}
process.env.PORT ??= '3000';
console.log(`Rehearse on http://localhost:${process.env.PORT}`);
await import(join(process.cwd(), output));
