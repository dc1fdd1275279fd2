import Link from 'next/link';

export default function Forbidden() {
  return (
    <section className="narrow">
      <h1>You don’t have access to this page</h1>
      <p>This page is for instructors. If you teach a class on netprep, ask an administrator to give your account the instructor role.</p>
      <p>
        <Link href="/lessons">Back to the lessons</Link>
      </p>
    </section>
  );
}
