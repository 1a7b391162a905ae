// The renderer's Content-Security-Policy, sent on every app:// response; renderer/index.html carries the
// same policy in a meta tag (a static test checks both). No inline script or style, no network at all
// (connect-src 'none'): the renderer talks to main only through window.wdt.
// Plain TypeScript on purpose (no electron import), so tests and the test host can read it.

export const appScheme = 'app';
export const appHost = 'wdt-bulk';
/** Where the renderer is served from. Node's URL gives custom schemes an opaque origin, so compare scheme and host. */
export const appOrigin = `${appScheme}://${appHost}`;

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True when a URL is a page of our renderer (app://wdt-bulk/…). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}
