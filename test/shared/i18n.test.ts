import { describe, expect, it } from 'vitest';
import { catalog, t } from '../../shared/i18n';

describe('i18n catalog', () => {
  it('has both languages for every message, with the same placeholders', () => {
    for (const [key, message] of Object.entries(catalog)) {
      expect(message['zh-CN'], key).not.toBe('');
      expect(message.en, key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(message.en), key).toEqual(names(message['zh-CN']));
    }
  });

  it('renders the message in the language asked for', () => {
    expect(t('en', 'states.failed')).toBe('failed');
    expect(t('zh-CN', 'states.failed')).toBe('失败');
  });

  it('fills placeholders, zero included, in one pass', () => {
    expect(t('zh-CN', 'ui.run.callAttempt', { call: 3, attempt: 2 })).toBe('3（第 2 次）');
    expect(t('en', 'ui.run.callAttempt', { call: 0, attempt: 12 })).toBe('0 (attempt 12)');
    // A value that looks like a placeholder is text, not a second substitution.
    expect(t('en', 'ui.run.callAttempt', { call: '{attempt}', attempt: 2 })).toBe('{attempt} (attempt 2)');
  });

  it('leaves a placeholder with no value visible, so the gap shows in review', () => {
    expect(t('en', 'ui.run.callAttempt', { call: 3 })).toBe('3 (attempt {attempt})');
    expect(t('zh-CN', 'ui.run.callAttempt', { attempt: 2 })).toBe('{call}（第 2 次）');
    expect(t('zh-CN', 'ui.run.callAttempt')).toBe('{call}（第 {attempt} 次）');
  });
});
