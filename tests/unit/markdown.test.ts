import { describe, expect, it } from 'vitest';
import { renderLesson } from '$lib/server/content/markdown';

const body = `Intro with a [link](/lessons/other#part).

## First part {#first}

Text.

### A detail

> [!KEY]
> Listen **first**.

> [!WARNING] Never argue.

> A plain quote.

| Step | What |
|---|---|
| 1 | Listen |

<script>alert(1)</script>

## Second part {#second}

### Named {#named}
`;

describe('lesson markdown', () => {
	const lesson = renderLesson(body);

	it('splits the body into sections by level-2 headings with their explicit anchors', () => {
		expect(lesson.sections.map((s) => [s.id, s.title])).toEqual([
			['first', 'First part'],
			['second', 'Second part']
		]);
		expect(lesson.intro).toContain('Intro with a');
		expect(lesson.anchors).toEqual(expect.arrayContaining(['first', 'second', 'named', 'first-a-detail']));
	});

	it('gives level-3 headings anchors and lists them for the table of contents', () => {
		expect(lesson.sections[0].subsections).toEqual([{ id: 'first-a-detail', title: 'A detail' }]);
		expect(lesson.sections[0].html).toContain('<h3 id="first-a-detail">A detail');
		expect(lesson.sections[1].html).toContain('<h3 id="named">Named');
		expect(lesson.sections[1].html).not.toContain('{#named}');
	});

	it('turns alert blockquotes into labelled call-outs and leaves plain quotes alone', () => {
		const html = lesson.sections[0].html;
		expect(html).toContain('<aside class="callout key" aria-label="Key point"><p class="callout-title">Key point</p><p>Listen <strong>first</strong>.</p>');
		expect(html).toContain('<aside class="callout warning" aria-label="What not to do"><p class="callout-title">What not to do</p><p>Never argue.</p>');
		expect(html).not.toContain('[!');
		expect(html).toContain('<blockquote>');
	});

	it('renders tables with column headers in a scrollable, focusable region', () => {
		expect(lesson.sections[0].html).toContain(
			'<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table><thead><tr><th scope="col">Step</th>'
		);
	});

	it('escapes raw HTML and collects links for checking', () => {
		expect(lesson.sections[0].html).not.toContain('<script>');
		expect(lesson.sections[0].html).toContain('&lt;script&gt;');
		expect(lesson.links).toEqual(['/lessons/other#part']);
	});
});
