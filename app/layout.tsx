import type { Metadata, Viewport } from 'next';
import './globals.css';
import { SiteHeader } from './components/site-header';
import { Providers } from './components/providers';

export const metadata: Metadata = {
  title: { default: 'netprep — AWS networking, computed', template: '%s · netprep' },
  description: 'Lessons and computed practice questions for the AWS Certified Advanced Networking – Specialty exam.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="inner">netprep — study notes rewritten and checked against current AWS documentation.</div>
        </footer>
        </Providers>
      </body>
    </html>
  );
}
