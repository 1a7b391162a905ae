// The UI language, remembered in the settings file next to the profiles. A language given at start
// (the CLI's --lang) wins over the file for this process without being written.
import { isLang, type Lang } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import { readSettings, writeSettings } from './settings-file';

export class LangSetting {
  private constructor(
    private readonly file: string,
    private current: Lang,
  ) {}

  static async load(file: string, given: Lang | undefined): Promise<LangSetting> {
    if (given) return new LangSetting(file, given);
    const settings = await readSettings(file, 'zh-CN');
    return new LangSetting(file, settings.ok && isLang(settings.value.lang) ? settings.value.lang : 'zh-CN');
  }

  lang(): Lang {
    return this.current;
  }

  /** Writes the choice to the settings file; this process switches only once it is saved. */
  async setLang(next: Lang): Promise<Result<void>> {
    const current = await readSettings(this.file, next);
    if (!current.ok) return current;
    const written = await writeSettings(this.file, { ...current.value, lang: next }, next);
    if (written.ok) this.current = next;
    return written;
  }
}
