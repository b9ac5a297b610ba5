import { readdirSync, readFileSync } from 'node:fs';

/** The scenario files as `checkContent` sees them: paths relative to `content/`. */
export function scenarioFiles() {
	const files: Record<string, string> = {};
	for (const name of readdirSync('content/scenarios')) files[`scenarios/${name}`] = readFileSync(`content/scenarios/${name}`, 'utf8');
	return files;
}
