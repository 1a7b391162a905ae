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

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'states.failed')).toBe('failed');
    expect(t('zh-CN', 'states.failed')).toBe('失败');
  });
});
