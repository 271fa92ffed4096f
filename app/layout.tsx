import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/lib/react/i18n';
import './globals.css';

export const metadata: Metadata = {
  title: 'Lienzo',
  description:
    'A real-time collaborative Business Model Canvas. Un lienzo del modelo de negocio colaborativo, en tiempo real.',
};

export const viewport: Viewport = {
  themeColor: '#ffffff',
};

/**
 * The root layout (a server component). The page is rendered in English on the server;
 * I18nProvider, a client component, switches to the reader's language after hydration and
 * updates <html lang> to match.
 *
 * Every page is rendered per request: its Content-Security-Policy (proxy.ts) allows only
 * scripts carrying that response's nonce, which Next adds while rendering; a page prerendered
 * at build time would carry none and run nothing.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <I18nProvider>{children}</I18nProvider>
      </body>
    </html>
  );
}
