/**
 * Fuzz: HTML to text over seeded random markup, broken markup included. Nothing throws; the
 * text is tidy (trimmed, single spaces, at most one blank line); escaped text comes back as it was.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-text';
import { anyText, forCases, token, type Random } from '../tests/fuzz';

const CASES = 1500;

const TAGS = ['p', 'div', 'span', 'b', 'a', 'br', 'pre', 'td', 'th', 'tr', 'table', 'li', 'ul', 'h1', 'script', 'style', 'nav', 'header', 'footer', 'figure', 'textarea', 'title', 'svg', 'head', 'body', 'img', 'x-custom', 'P', 'SCRIPT'];
const ENTITIES = ['&amp;', '&lt;', '&gt;', '&nbsp;', '&#x1F600;', '&#128512;', '&#0;', '&#xD800;', '&#x110000;', '&#150;', '&eacute;', '&Eacute', '&bogus;', '&amp', '&', '&#', '&#x;', '&NewLine;', '&Tab;', '&shy;'];

function markup(rng: Random): string {
  const parts: string[] = [];
  for (let i = rng.int(40); i > 0; i--) {
    const r = rng.next();
    if (r < 0.35) parts.push(token(rng));
    else if (r < 0.45) parts.push(rng.pick([' ', '\n', '\t', '\r\n', '  ']));
    else if (r < 0.55) parts.push(rng.pick(ENTITIES));
    else if (r < 0.75) {
      const tag = rng.pick(TAGS);
      const attr = rng.pick(['', ' class="x"', " title='a > b'", ' data-x="unclosed', ' alt=">"', ' x=y', ' /', ' "q"']);
      parts.push(rng.chance(0.3) ? `</${tag}>` : `<${tag}${attr}${rng.chance(0.9) ? '>' : ''}`);
    } else if (r < 0.8) parts.push(rng.pick(['<!-- c -->', '<!--', '-->', '<![CDATA[a<b]]>', '<![CDATA[', '<!DOCTYPE html>', '<?xml ?>', '< p>', '</ >', '<', '>', 'a < b']));
    else parts.push(anyText(rng, 20));
  }
  return parts.join('');
}

const collapse = (s: string) => s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('fuzz: htmlToText', () => {
  it(`never throws and gives tidy text, over ${CASES} seeded documents`, async () => {
    await forCases(CASES, (rng) => {
      const html = markup(rng);
      const text = htmlToText(html);
      expect(typeof text).toBe('string');
      expect(text, html).toBe(text.trim());
      expect(text, html).not.toMatch(/\n\n\n| {2}| \n|\n | *\t/);
      expect(typeof decodeEntities(html)).toBe('string');
    });
  });

  it(`gives escaped text back as it was, over ${CASES} seeded texts`, async () => {
    await forCases(CASES, (rng) => {
      const original = anyText(rng, 200);
      expect(htmlToText(`<p>${escape(original)}</p>`), JSON.stringify(original)).toBe(collapse(original));
      // Text without markup or entities is only tidied.
      const plain = original.replace(/[<&]/g, ' ');
      expect(htmlToText(plain)).toBe(collapse(plain));
    });
  });
});
