'use client';
import katex from 'katex';
import type { Step } from '@/lib/calc/steps';

function TeX({ math }: { math: string }) {
  // KaTeX renders our own step formulas (from lib/calc), never user input.
  const html = katex.renderToString(math, { throwOnError: false, output: 'htmlAndMathml' });
  return <span className="step-math" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The calculation core's worked steps for this question's own numbers. */
export function WorkedSteps({ steps }: { steps: Step[] }) {
  if (steps.length === 0) return null;
  return (
    <ol className="worked-steps" data-testid="worked-steps">
      {steps.map((s, i) => (
        <li key={i}>
          {s.text}
          {s.math && (
            <>
              {' '}
              <TeX math={s.math} />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
