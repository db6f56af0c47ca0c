import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import type { Report } from '../generated/report.js';
import type { Style } from '../text/style.js';
import { renderSummaryMarkdown } from './markdown.js';

export interface TerminalContext {
  style: Style;
  width: number;
}

/**
 * The summary and top fixes for a terminal. The only importer of
 * marked-terminal, so only the end of an interview pays for loading it.
 * Every style comes from `ctx.style`, so no colour code appears when it is off.
 */
export function renderTerminal(report: Report, ctx: TerminalContext): string {
  const { style } = ctx;
  const plain = (s: string) => s;
  const marked = new Marked();
  marked.use(
    markedTerminal({
      code: style.cyan,
      blockquote: style.dim,
      html: plain,
      heading: (s: string) => style.bold(style.green(s)),
      firstHeading: style.bold,
      hr: plain,
      listitem: plain,
      table: plain,
      paragraph: plain,
      strong: style.bold,
      em: plain,
      codespan: style.cyan,
      del: plain,
      link: plain,
      href: plain,
      text: plain,
      emoji: false,
      // marked-terminal does not count list indentation against the width: leave room for it.
      width: Math.max(40, Math.min(ctx.width, 100) - 8),
      reflowText: true,
      showSectionPrefix: false,
      tab: 2,
      tableOptions: { style: { head: [], border: [] } },
    }),
  );
  // marked-terminal leaves inline Markdown in list items unrendered with current
  // marked (mikaelbr/marked-terminal#304); render those tokens inline ourselves.
  marked.use({
    renderer: {
      text(token) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
    },
  });
  return marked.parse(renderSummaryMarkdown(report), { async: false });
}
