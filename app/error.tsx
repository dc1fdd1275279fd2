'use client';

/** Shown when a page fails unexpectedly; the visitor can try again without losing the site. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="narrow" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Your saved work is safe. Try again, and if it keeps happening, tell us the code below.</p>
      {error.digest && (
        <p className="muted">
          Error code: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
