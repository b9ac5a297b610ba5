// Settings shared by the property-based tests (fast-check), in Vitest and Playwright alike.
// Runs are bounded so each file stays fast, and repeatable: a fixed seed unless FC_SEED is set.
// On a failure fast-check prints the seed and the shrunk counterexample's path; rerun with
// FC_SEED=<seed> (and FC_RUNS for a longer search) to replay or widen it.
import fc from 'fast-check';

export const seed = Number(process.env.FC_SEED ?? 20_260_516);

export const runs = (numRuns: number): fc.Parameters<unknown> => ({
	seed,
	numRuns: Number(process.env.FC_RUNS ?? numRuns)
});

/** Strings a careless or hostile client might send: control characters, NUL, emoji, right-to-left text, huge. */
export const junkText = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constantFrom(
		'',
		' ',
		'\u0000',
		'a\u0000b',
		'\u0007\u001b[31m',
		'\r\n',
		'مرحبا بالعالم',
		'\u202eevil',
		'🙂👍🏽‍',
		'__proto__',
		'constructor',
		'<script>alert(1)</script>',
		"' or 1=1 --",
		'x'.repeat(100_001)
	)
);
