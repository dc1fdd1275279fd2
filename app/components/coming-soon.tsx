import Link from 'next/link';

/** An honest placeholder for a section a later release builds. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="narrow" style={{ maxWidth: '40rem' }}>
      <h1>{title}</h1>
      <p className="alert info">Coming soon: this section is not built yet.</p>
      <div className="muted">{children}</div>
      <p>
        Meanwhile, <Link href="/lessons">study the lessons</Link>.
      </p>
    </section>
  );
}
