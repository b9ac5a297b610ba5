// `npm run content:check [folder]`: validates every content file; exits 1 with a list of problems.
import { checkContent } from '../src/lib/server/content/check';
import { readContentFolder } from '../src/lib/server/content/files';

const { lessons, forms, problems } = checkContent(readContentFolder(process.argv[2] ?? 'content'));
if (problems.length) {
	console.error(`Content check failed: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`Content check passed: ${lessons.length} lessons, ${forms.length} self-checks.`);
