// A channel whose service has not been wired into the composition root yet answers with this.
import { appError, err, type Result } from '../../shared/result';

export const notAvailable = (): Result<never> => err(appError('INTERNAL', 'not available yet'));
