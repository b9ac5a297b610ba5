import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Interface text comes from the catalogues: a translated page with one English sentence left in
// its markup reads as broken. Every page and component is scanned.
const files = ['src/routes', 'src/lib/components'].flatMap((root) =>
	readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.svelte'))
		.map((entry) => join(entry.parentPath, entry.name))
);

/** Words a reader would see, left in the markup outside `{expressions}`. The brand name is not translated. */
function inlineText(source: string) {
	let markup = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<svg[\s\S]*?<\/svg>/g, '');
	// Innermost expressions first, until none is left.
	for (let previous = ''; previous !== markup; ) [previous, markup] = [markup, markup.replace(/\{[^{}]*\}/g, '')];
	const text = [...markup.matchAll(/>([^<]*)</g)].map((m) => m[1].trim()).filter((t) => /[A-Za-z]{2,}/.test(t.replaceAll('Rehearse', '')));
	const attributes = [...markup.matchAll(/\s(label|aria-label|placeholder|title|alt|hint)="([^"]*[A-Za-z]{2,}[^"]*)"/g)].map((m) => `${m[1]}="${m[2]}"`);
	return [...text, ...attributes];
}

describe('interface strings', () => {
	it('finds text left in markup (the scanner works)', () => {
		expect(inlineText('<script>const a = 1;</script><p>{t("x")} Hello there</p><input placeholder="Name" aria-label={t("y")} />')).toEqual([
			'Hello there',
			'placeholder="Name"'
		]);
	});

	it.each(files)('%s has no inline English', (file) => {
		expect(inlineText(readFileSync(file, 'utf8'))).toEqual([]);
	});
});
