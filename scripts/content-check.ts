// `npm run content:check [folder]`: validates every content file; exits 1 with a list of problems.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent } from '../src/lib/server/content/check';

const root = process.argv[2] ?? 'content';
const files: Record<string, string> = {};
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
	if (!entry.isFile() || !/\.(md|yaml)$/.test(entry.name) || entry.name === 'README.md') continue;
	const path = join(entry.parentPath, entry.name);
	files[relative(root, path)] = readFileSync(path, 'utf8');
}

const { lessons, scenarios, problems } = checkContent(files);
// Each scenario that passed its own checks, with the maxima the debrief scores against.
for (const { scenario, analysis } of scenarios) {
	const dims = Object.entries(analysis.maxByDimension).map(([d, max]) => `${d} ${max}`).join(', ');
	console.log(`  ${scenario.slug}: ${analysis.longestPath} decisions on the longest path, ${analysis.pathCount} paths, ${scenario.endings.length} endings; max total ${analysis.maxTotal} (${dims})`);
}
if (problems.length) {
	console.error(`Content check failed: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`Content check passed: ${lessons.length} lessons, ${scenarios.length} scenarios.`);
