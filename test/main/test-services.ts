// The services of a test: the real ones (createServices) on a temp data folder, session secrets unless
// given, a quiet logger, English unless given, and no WDT_* variables (the app's named profiles only).
import { createServices, type Services, type ServicesOptions } from '../../main/services';
import { pathsIn } from '../../main/paths';
import { SessionSecretStore } from '../../main/profiles/keychain';

export const quietLogger = { info() {}, warn() {}, error() {} };

export function testServices(home: string, options: Partial<ServicesOptions> = {}): Promise<Services> {
  return createServices({ paths: pathsIn(home), secrets: new SessionSecretStore(), logger: quietLogger, version: '0.0.0-test', env: {}, lang: 'en', ...options });
}
