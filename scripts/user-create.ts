// Creates an account on the configured database (DATABASE_URL, else the embedded one):
//   npm run user:create -- --email ada@example.com --name "Ada Lovelace" --role admin
// The password is read from standard input (a prompt, or piped: `echo "…" | npm run user:create -- …`).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { closeDatabase, database } from '$lib/server/db';
import { passwordProblem } from '$lib/server/auth/password';
import { email, plainText } from '$lib/server/forms';
import { roles } from '$lib/roles';
import { createUser } from '$lib/server/users';

const { values } = parseArgs({
	options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } }
});
const Input = v.object({ email, name: plainText('field.name', 100), role: v.picklist(roles, `--role must be one of ${roles.join(', ')}.`) });
const parsed = v.safeParse(Input, values);
if (!parsed.success) {
	console.error(parsed.issues.map((i) => i.message).join('\n'));
	console.error('Usage: npm run user:create -- --email <address> --name <name> [--role admin|trainer|trainee]');
	process.exit(2);
}

const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
const password = (await rl.question('Password: ')).trim();
rl.close();
const problem = passwordProblem(password, parsed.output.email);
if (problem) {
	console.error(problem);
	process.exit(2);
}

await database().migrate();
const user = await createUser({ ...parsed.output, password });
await closeDatabase();
if (!user) {
	console.error(`An account for ${parsed.output.email} already exists.`);
	process.exit(1);
}
console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
