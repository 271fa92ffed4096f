import type { Metadata, Viewport } from 'next';
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
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <I18nProvider>{children}</I18nProvider>
      </body>
    </html>
  );
}
