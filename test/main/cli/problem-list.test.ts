// The review's problem list as a workbook (issue 16 item 5), from the CLI: `validate --problems out.xlsx` writes
// one line per error and warning — file, sheet, row, column, the cell's text, the problem in the same words
// `validate` prints, what to do — read back with exceljs; a target it cannot write is a clear refusal.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n';
import { writeXlsx } from '../sheets/fixtures';
import { cleanEnv, json, readBook, runCliInProcess, tempDir } from './helpers';

const tmp = tempDir('wdt-cli-problems-');
const env = cleanEnv({ WDT_BULK_HOME: path.join(tmp.dir, 'home') });
const cli = (args: string[]) => runCliInProcess(args, { env, cwd: tmp.dir });
afterAll(() => tmp.cleanup());

const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'];
const sheet = () =>
  writeXlsx(path.join(tmp.dir, '三月退货.xlsx'), [
    { name: '退货', rows: [header, ['0012', 'WH001', 'P001', 'SKU-TS-RED-M', 'abc'], ['B-2', 'WH001', 'P001', 'SKU-TS-RED-M', 2]] },
  ]);

interface Finding {
  row: number;
  column: string;
  message: string;
}

describe('wdt-bulk validate --problems', () => {
  it('writes every problem as the screen and validate word it, zh-CN by default, and names the file in --json', async () => {
    await sheet();
    const run = await cli(['validate', '三月退货.xlsx', '--op', 'return-create', '--problems', 'out/../problems.xlsx', '--json']);
    const got = json<{ problems: Finding[]; warnings: Finding[]; problemsFile: string }>(run);
    expect(got.problemsFile).toBe(path.join(tmp.dir, 'problems.xlsx'));
    expect(got.problems.length).toBeGreaterThan(0);
    const rows = (await readBook(got.problemsFile)).get(t('zh-CN', 'problems.sheet'))!;
    expect(rows[0]).toEqual(['文件', '工作表', '行号', '列', '单元格内容', '类型', '问题', '怎么办']);
    const lines = rows.slice(1);
    expect(lines).toHaveLength(got.problems.length + got.warnings.length);
    const quantity = lines.find((l) => l[3] === '退货数量')!;
    const said = got.problems.find((p) => p.column === '退货数量')!;
    // The cell's own text, kept as text; the problem in validate's words; what to do for a row not sent.
    expect(quantity).toEqual(['三月退货.xlsx', '退货', 2, '退货数量', 'abc', t('zh-CN', 'problems.kind.error'), said.message, t('zh-CN', 'problems.todo.error')]);
  });

  it('speaks English with --lang en, says where in prose, and refuses a folder that does not exist', async () => {
    await sheet();
    const prose = await cli(['validate', '三月退货.xlsx', '--op', 'return-create', '--problems', 'p-en.xlsx', '--lang', 'en']);
    expect(prose.stdout).toContain(`written to ${path.join(tmp.dir, 'p-en.xlsx')}`);
    const rows = (await readBook(path.join(tmp.dir, 'p-en.xlsx'))).get('Problems')!;
    expect(rows[0]).toEqual(['File', 'Sheet', 'Row', 'Column', 'Value', 'Kind', 'Problem', 'What to do']);
    const bad = await cli(['validate', '三月退货.xlsx', '--op', 'return-create', '--problems', 'no/such/folder/p.xlsx', '--json']);
    expect(bad.code).toBe(2);
    const error = json<{ error: { code: string; message: string } }>(bad).error;
    expect(error.message).toContain(path.join(tmp.dir, 'no/such/folder/p.xlsx'));
    expect(error.message).toContain('无法写入问题清单');
  });
});
