// Links the app may hand to the OS browser: https only, and only hosts we chose (the vendor's
// open-platform documentation and site). Anything else is refused, so a link injected into
// ERP text can't open an arbitrary page or a custom protocol handler.
export const externalHosts: readonly string[] = ['open.wangdian.cn', 'www.wangdian.cn', 'wangdian.cn'];

/**
 * The link to hand to the OS, or null when it is refused. The answer is the parsed URL's own `href`,
 * never the text we were given: the check ran on the parse, and an OS handler that parses
 * `https://open.wangdian.cn\@evil.example/` differently from WHATWG must not see the raw string.
 */
export function externalHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const allowed = parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && externalHosts.includes(parsed.hostname);
  return allowed ? parsed.href : null;
}

export const isAllowedExternal = (url: string): boolean => externalHref(url) !== null;
