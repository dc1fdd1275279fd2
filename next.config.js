// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native and driver packages stay out of the server bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', '@node-rs/argon2'],
  // Lessons are read from content/ at build time; make sure the files travel with the server.
  outputFileTracingIncludes: { '/lessons/[slug]': ['./content/**/*'] },
};

module.exports = nextConfig;
