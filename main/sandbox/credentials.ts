// The sandbox's demo account. These are PUBLIC demo values, printed in docs and used by tests:
// they open nothing but the built-in sandbox ERP on loopback, so they are not secrets.

export const sandboxCredentials = {
  sid: 'wdtbulk-demo',
  appkey: 'wdtbulk-demo-key',
  /** `secret:salt`, as the vendor writes an appsecret. */
  appSecret: 'sandbox-demo-secret:sandbox-demo-salt',
} as const;
