// Lesson markdown to HTML, once per lesson at start-up. Content is ours (files in the repo), but
// raw HTML is still escaped so a stray tag in a translation can never become markup.
import { Marked, type Token, type Tokens } from 'marked';

export type Section = { id: string; title: string; html: string; subsections: { id: string; title: string }[] };
export type RenderedLesson = { intro: string; sections: Section[]; anchors: string[]; links: string[] };

const CALLOUTS: Record<string, string> = {
	KEY: 'Key point',
	TIP: 'Tip',
	WARNING: 'What not to do',
	EXAMPLE: 'Example',
	EXERCISE: 'Exercise'
};

const escape = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const slugify = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-|-$/g, '');

type Heading = Tokens.Heading & { anchor?: string };

const marked = new Marked({
	gfm: true,
	renderer: {
		heading(token) {
			const { anchor } = token as Heading;
			const text = this.parser.parseInline(token.tokens);
			if (!anchor) return `<h${token.depth}>${text}</h${token.depth}>\n`;
			return `<h${token.depth} id="${anchor}">${text} <a class="anchor" href="#${anchor}" aria-label="Link to this section">#</a></h${token.depth}>\n`;
		},
		blockquote(token) {
			const first = token.tokens[0];
			const match = first?.type === 'paragraph' && /^\[!(\w+)\]\s*/.exec(first.text);
			if (!match || !CALLOUTS[match[1]]) return `<blockquote>${this.parser.parse(token.tokens)}</blockquote>\n`;
			const kind = match[1];
			const paragraph = first as Tokens.Paragraph;
			const lead = paragraph.tokens[0];
			if (lead && 'text' in lead) lead.text = lead.text.replace(/^\[!\w+\]\s*/, '');
			// `[!KEY]` alone on its first line leaves an empty paragraph behind: drop it.
			const empty = paragraph.tokens.every((t) => t.type === 'text' && !t.text.trim());
			const rest = empty ? token.tokens.slice(1) : token.tokens;
			return `<aside class="callout ${kind.toLowerCase()}" aria-label="${CALLOUTS[kind]}"><p class="callout-title">${CALLOUTS[kind]}</p>${this.parser.parse(rest)}</aside>\n`;
		},
		table(token) {
			const head = token.header.map((cell) => `<th scope="col">${this.parser.parseInline(cell.tokens)}</th>`).join('');
			const body = token.rows
				.map((row) => `<tr>${row.map((cell) => `<td>${this.parser.parseInline(cell.tokens)}</td>`).join('')}</tr>`)
				.join('\n');
			// A focusable, labelled region so keyboard users can scroll a wide table on a phone.
			return `<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>\n`;
		},
		html(token) {
			return escape(token.text);
		}
	}
});

/** Takes the `{#anchor}` off a heading and remembers it; h3 without one gets a derived anchor. */
function anchorHeading(token: Heading, sectionId: string, used: Set<string>) {
	const match = /\s*\{#([a-z0-9-]+)\}\s*$/.exec(token.text);
	if (match) {
		token.text = token.text.slice(0, match.index);
		const last = token.tokens.at(-1);
		if (last && 'text' in last) {
			(last as Tokens.Text).text = (last as Tokens.Text).text.replace(/\s*\{#[a-z0-9-]+\}\s*$/, '');
			last.raw = last.raw.replace(/\s*\{#[a-z0-9-]+\}\s*$/, '');
		}
		token.anchor = match[1];
	} else if (token.depth === 3) {
		let anchor = `${sectionId}-${slugify(token.text) || 'part'}`;
		for (let n = 2; used.has(anchor); n++) anchor = `${sectionId}-${slugify(token.text) || 'part'}-${n}`;
		token.anchor = anchor;
	}
	if (token.anchor) used.add(token.anchor);
}

export function renderLesson(body: string): RenderedLesson {
	const tokens = marked.lexer(body);
	const links: string[] = [];
	marked.walkTokens(tokens, (token) => {
		if (token.type === 'link') links.push(token.href);
	});
	const used = new Set<string>();
	const intro: Token[] = [];
	const groups: { heading: Heading; tokens: Token[] }[] = [];
	for (const token of tokens) {
		if (token.type === 'heading' && token.depth <= 2) {
			anchorHeading(token as Heading, '', used);
			groups.push({ heading: token as Heading, tokens: [] });
		} else if (token.type === 'heading' && token.depth === 3 && groups.length) {
			anchorHeading(token as Heading, groups.at(-1)!.heading.anchor ?? '', used);
			groups.at(-1)!.tokens.push(token);
		} else (groups.at(-1)?.tokens ?? intro).push(token);
	}
	const parse = (list: Token[]) => marked.parser(Object.assign(list, { links: tokens.links }) as never);
	const sections = groups.map(({ heading, tokens: group }) => ({
		id: heading.anchor ?? '',
		title: heading.text.trim(),
		html: parse(group),
		subsections: group
			.filter((t): t is Heading => t.type === 'heading' && t.depth === 3)
			.map((t) => ({ id: t.anchor!, title: t.text.trim() }))
	}));
	return { intro: parse(intro), sections, anchors: [...used], links };
}
