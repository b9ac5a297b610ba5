// Lesson markdown to HTML, once per lesson at start-up. Content is ours (files in the repo), but
// raw HTML is still escaped so a stray tag in a translation can never become markup.
import { Marked, type Token, type Tokens } from 'marked';
import { translate, type Locale } from '../../i18n';

export type Section = { id: string; title: string; html: string; subsections: { id: string; title: string }[] };
/** `fixedAnchors` are the `{#anchor}`s written in the file and `callouts` the call-out kinds, in order: what every translation must keep. */
export type RenderedLesson = { intro: string; sections: Section[]; anchors: string[]; fixedAnchors: string[]; links: string[]; callouts: string[] };

const CALLOUTS = ['KEY', 'TIP', 'WARNING', 'EXAMPLE', 'EXERCISE'] as const;
type Callout = (typeof CALLOUTS)[number];
const isCallout = (kind: string): kind is Callout => (CALLOUTS as readonly string[]).includes(kind);
const calloutOf = (token: Token) => {
	const first = token.type === 'blockquote' ? (token as Tokens.Blockquote).tokens[0] : undefined;
	const match = first?.type === 'paragraph' && /^\[!(\w+)\]\s*/.exec(first.text);
	return match && isCallout(match[1]) ? match[1] : null;
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

// One parser per locale: call-out titles and labels are in the lesson's language.
const parsers = new Map<Locale, Marked>();
const markedFor = (locale: Locale) => {
	let parser = parsers.get(locale);
	if (!parser) parsers.set(locale, (parser = createMarked(locale)));
	return parser;
};

const createMarked = (locale: Locale) => new Marked({
	gfm: true,
	renderer: {
		heading(token) {
			const { anchor } = token as Heading;
			const text = this.parser.parseInline(token.tokens);
			if (!anchor) return `<h${token.depth}>${text}</h${token.depth}>\n`;
			return `<h${token.depth} id="${anchor}">${text} <a class="anchor" href="#${anchor}" aria-label="${escape(translate(locale, 'lesson.anchor'))}">#</a></h${token.depth}>\n`;
		},
		blockquote(token) {
			const kind = calloutOf(token);
			if (!kind) return `<blockquote>${this.parser.parse(token.tokens)}</blockquote>\n`;
			const title = escape(translate(locale, `callout.${kind}`));
			const paragraph = token.tokens[0] as Tokens.Paragraph;
			const lead = paragraph.tokens[0];
			if (lead && 'text' in lead) lead.text = lead.text.replace(/^\[!\w+\]\s*/, '');
			// `[!KEY]` alone on its first line leaves an empty paragraph behind: drop it.
			const empty = paragraph.tokens.every((t) => t.type === 'text' && !t.text.trim());
			const rest = empty ? token.tokens.slice(1) : token.tokens;
			return `<aside class="callout ${kind.toLowerCase()}" aria-label="${title}"><p class="callout-title">${title}</p>${this.parser.parse(rest)}</aside>\n`;
		},
		table(token) {
			const head = token.header.map((cell) => `<th scope="col">${this.parser.parseInline(cell.tokens)}</th>`).join('');
			const body = token.rows
				.map((row) => `<tr>${row.map((cell) => `<td>${this.parser.parseInline(cell.tokens)}</td>`).join('')}</tr>`)
				.join('\n');
			// A focusable, labelled region so keyboard users can scroll a wide table on a phone.
			return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escape(translate(locale, 'lesson.table'))}"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>\n`;
		},
		html(token) {
			return escape(token.text);
		}
	}
});

/** Takes the `{#anchor}` off a heading and remembers it; h3 without one gets a derived anchor. */
function anchorHeading(token: Heading, sectionId: string, used: Set<string>, fixed: string[]) {
	const match = /\s*\{#([a-z0-9-]+)\}\s*$/.exec(token.text);
	if (match) {
		token.text = token.text.slice(0, match.index);
		const last = token.tokens.at(-1);
		if (last && 'text' in last) {
			(last as Tokens.Text).text = (last as Tokens.Text).text.replace(/\s*\{#[a-z0-9-]+\}\s*$/, '');
			last.raw = last.raw.replace(/\s*\{#[a-z0-9-]+\}\s*$/, '');
		}
		token.anchor = match[1];
		fixed.push(match[1]);
	} else if (token.depth === 3) {
		let anchor = `${sectionId}-${slugify(token.text) || 'part'}`;
		for (let n = 2; used.has(anchor); n++) anchor = `${sectionId}-${slugify(token.text) || 'part'}-${n}`;
		token.anchor = anchor;
	}
	if (token.anchor) used.add(token.anchor);
}

export function renderLesson(body: string, locale: Locale = 'en'): RenderedLesson {
	const marked = markedFor(locale);
	const tokens = marked.lexer(body);
	const links: string[] = [];
	const callouts: string[] = [];
	marked.walkTokens(tokens, (token) => {
		if (token.type === 'link') links.push(token.href);
		const kind = calloutOf(token);
		if (kind) callouts.push(kind);
	});
	const used = new Set<string>();
	const fixed: string[] = [];
	const intro: Token[] = [];
	const groups: { heading: Heading; tokens: Token[] }[] = [];
	for (const token of tokens) {
		if (token.type === 'heading' && token.depth <= 2) {
			anchorHeading(token as Heading, '', used, fixed);
			groups.push({ heading: token as Heading, tokens: [] });
		} else if (token.type === 'heading' && token.depth === 3 && groups.length) {
			anchorHeading(token as Heading, groups.at(-1)!.heading.anchor ?? '', used, fixed);
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
	return { intro: parse(intro), sections, anchors: [...used], fixedAnchors: fixed, links, callouts };
}
