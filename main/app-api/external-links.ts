// Links the app may hand to the OS browser: https only, and only hosts we chose (the vendor's
// open-platform documentation and site). Anything else is refused, so a link injected into
// ERP text can't open an arbitrary page or a custom protocol handler.
export const externalHosts: readonly string[] = ['open.wangdian.cn', 'www.wangdian.cn', 'wangdian.cn'];

export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && externalHosts.includes(parsed.hostname);
}
