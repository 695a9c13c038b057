import type express from 'express';
import { signDevToken } from '../auth';
import { dashboardPage } from './page';

/** The role of development dashboard tokens: it reads everything and changes nothing. */
const DEV_DASHBOARD_ROLE = 'auditor' as const;

/**
 * GET /dashboard serves the page. Outside production, GET /dashboard/dev-token hands it a
 * short-lived read-only token so a developer sees events at once; in production the route does
 * not exist and the user pastes a token.
 */
export function mountDashboard(app: express.Express, opts: { production: boolean }): void {
  const html = dashboardPage({ devTokenAvailable: !opts.production });
  app.get('/dashboard', (_req, res) => {
    res
      .type('html')
      .set('cache-control', 'no-store')
      .set('content-security-policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self' ws: wss:")
      .send(html);
  });
  if (opts.production) return;
  app.get('/dashboard/dev-token', async (_req, res) => {
    const token = await signDevToken({ sub: 'dashboard-dev', roles: [DEV_DASHBOARD_ROLE] }, { expiresIn: '8h' });
    res.set('cache-control', 'no-store').json({ token, role: DEV_DASHBOARD_ROLE });
  });
}
