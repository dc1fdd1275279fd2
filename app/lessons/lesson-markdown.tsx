/**
 * Renders a lesson's Markdown on the server (at build time): GFM tables, KaTeX maths, highlighted
 * code, heading anchors, our SVG diagrams, and ```widget blocks replaced by live calculators.
 */
import Link from 'next/link';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import rehypeHighlight from 'rehype-highlight';
import type { Element, ElementContent } from 'hast';
import { ZWidgetSpec } from '@/lib/content/check-lesson';
import { LessonWidget } from '../components/widgets/lesson-widget';

function textOf(nodes: ElementContent[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? textOf(n.children) : '')).join('');
}

function widgetSpecOf(node: Element | undefined) {
  const code = node?.children[0];
  if (!code || code.type !== 'element' || code.tagName !== 'code') return null;
  const classes = code.properties.className;
  if (!Array.isArray(classes) || !classes.includes('language-widget')) return null;
  try {
    const parsed = ZWidgetSpec.safeParse(JSON.parse(textOf(code.children)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function anchored(Tag: 'h2' | 'h3'): Components['h2'] {
  return function Heading({ id, children }) {
    return (
      <Tag id={id}>
        {children}
        {id && (
          <a className="heading-anchor" href={`#${id}`} aria-label="Link to this section">
            #
          </a>
        )}
      </Tag>
    );
  };
}

const components: Components = {
  h2: anchored('h2'),
  h3: anchored('h3'),
  pre({ node, children, ...rest }) {
    const spec = widgetSpecOf(node);
    if (spec) return <LessonWidget spec={spec} />;
    return <pre {...rest}>{children}</pre>;
  },
  a({ href, children }) {
    if (href?.startsWith('/')) return <Link href={href}>{children}</Link>;
    if (href?.startsWith('#')) return <a href={href}>{children}</a>;
    return (
      <a href={href} rel="noopener noreferrer" target="_blank">
        {children}
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    );
  },
  img({ src, alt }) {
    // Our own SVG diagrams from public/diagrams; alt text is required by the content checks.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={typeof src === 'string' ? src : undefined} alt={alt ?? ''} loading="lazy" className="diagram" />;
  },
  table({ children }) {
    return (
      <div className="table-scroll" role="region" aria-label="Table" tabIndex={0}>
        <table>{children}</table>
      </div>
    );
  },
};

export function LessonMarkdown({ body }: { body: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm, remarkMath]}
      rehypePlugins={[rehypeSlug, rehypeKatex, [rehypeHighlight, { detect: false }]]}
      components={components}
    >
      {body}
    </ReactMarkdown>
  );
}
