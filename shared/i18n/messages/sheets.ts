// Messages of the 'sheets' area. Keys are prefixed 'sheets.' so areas never collide.
// Each refusal names the file (and sheet/row where there is one) and says what to do.
import { defineMessages } from '../define';

export const sheetsMessages = defineMessages({
  'sheets.file.notFound': { 'zh-CN': '找不到文件“{file}”。请检查路径后重试。', en: 'File "{file}" was not found. Check the path and try again.' },
  'sheets.file.empty': { 'zh-CN': '文件“{file}”是空的（0 字节）。请选择有内容的表格。', en: 'File "{file}" is empty (0 bytes). Choose a sheet that has content.' },
  'sheets.file.tooLarge': {
    'zh-CN': '文件“{file}”超过了 {limit} 的大小上限。请拆分成几个较小的文件再导入。',
    en: 'File "{file}" is over the {limit} size limit. Split it into smaller files and import them one by one.',
  },
  'sheets.file.zipBomb': {
    'zh-CN': '文件“{file}”解压后超出安全上限（最多 {entries} 个部件、解压后共 {total}、单个部件压缩比不超过 {ratio}:1），已拒绝，未导入任何内容。请在 Excel 中打开并另存为新的 .xlsx 后再试。',
    en: 'File "{file}" unpacks beyond the safety limits (at most {entries} parts, {total} unpacked in all, a compression ratio of {ratio}:1 per part) and was refused; nothing was imported. Open it in Excel, save it as a new .xlsx and try again.',
  },
  'sheets.file.corruptZip': {
    'zh-CN': '文件“{file}”已损坏，无法读取。请在 Excel 中打开并另存为 .xlsx 后再试。',
    en: 'File "{file}" is damaged and cannot be read. Open it in Excel, save it as .xlsx and try again.',
  },
  'sheets.file.notSpreadsheet': {
    'zh-CN': '文件“{file}”不是表格文件。请导入 .xlsx、.xlsm 或 .csv 文件。',
    en: 'File "{file}" is not a spreadsheet. Import an .xlsx, .xlsm or .csv file.',
  },
  'sheets.file.markup': {
    'zh-CN': '文件“{file}”是网页（HTML/XML）格式，只是扩展名像表格。请在 Excel 中打开并另存为 .xlsx。',
    en: 'File "{file}" is a web page (HTML/XML) with a spreadsheet name. Open it in Excel and save it as .xlsx.',
  },
  'sheets.file.encrypted': {
    'zh-CN': '文件“{file}”设置了打开密码。请在 Excel 中去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）并保存后再导入。',
    en: 'File "{file}" is password-protected. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again.',
  },
  'sheets.file.legacyXls': {
    'zh-CN': '文件“{file}”是旧版 Excel 格式（.xls/.et），不能直接导入。请在 Excel 或 WPS 中“另存为”.xlsx 后再导入。',
    en: 'File "{file}" is in the old Excel format (.xls/.et). Open it in Excel or WPS, "Save As" .xlsx, and import that.',
  },
  'sheets.file.unreadable': {
    'zh-CN': '无法读取文件“{file}”（{reason}）。请在 Excel 中打开并另存为 .xlsx 后再试。',
    en: 'File "{file}" could not be read ({reason}). Open it in Excel, save it as .xlsx and try again.',
  },
  'sheets.limit.rows': {
    'zh-CN': '文件“{file}”的工作表“{sheet}”超过了 {limit} 行数据的上限。请拆分成几个文件再导入。',
    en: 'Sheet "{sheet}" of "{file}" has more than {limit} rows of data. Split it into several files and import them one by one.',
  },
  'sheets.limit.rawRows': {
    'zh-CN': '文件“{file}”的工作表“{sheet}”共有超过 {limit} 行（包括空行和只有格式的行），读取到第 {row} 行时停止。请把有数据的行复制到一个新工作表，另存后再导入。',
    en: 'Sheet "{sheet}" of "{file}" holds more than {limit} rows (blank and formatted-only rows included); reading stopped at row {row}. Copy the rows with data into a new sheet, save it and import that.',
  },
  'sheets.limit.columns': {
    'zh-CN': '文件“{file}”的工作表“{sheet}”第 {row} 行超过了 {limit} 列的上限。请删除多余的列再导入。',
    en: 'Row {row} of sheet "{sheet}" in "{file}" goes past the {limit}-column limit. Delete the extra columns and import again.',
  },
  'sheets.limit.timeout': {
    'zh-CN': '读取文件“{file}”超过了 {seconds} 秒，已停止。请拆分成较小的文件再导入。',
    en: 'Reading "{file}" took longer than {seconds} seconds and was stopped. Split it into smaller files and import again.',
  },
  'sheets.limit.memory': {
    'zh-CN': '读取文件“{file}”所需内存超过上限，已停止。请拆分成较小的文件再导入。',
    en: 'Reading "{file}" needed more memory than allowed and was stopped. Split it into smaller files and import again.',
  },
  'sheets.sheet.notFound': {
    'zh-CN': '文件“{file}”中没有名为“{sheet}”的工作表。现有工作表：{sheets}。',
    en: 'File "{file}" has no sheet named "{sheet}". Its sheets are: {sheets}.',
  },
  'sheets.sheet.noHeaders': {
    'zh-CN': '在文件“{file}”的工作表（{sheets}）前 20 行中找不到可识别的表头。请使用导入模板（wdt-bulk template），或用 --sheet 指定工作表、用 --op 指定操作。',
    en: 'No recognisable header row in the first 20 rows of the sheets of "{file}" ({sheets}). Use the import template (wdt-bulk template), or pick the sheet with --sheet and the operation with --op.',
  },
  'sheets.operation.ambiguous': {
    'zh-CN': '文件“{file}”工作表“{sheet}”的表头可用于多种操作：{candidates}。请选择要执行的操作（命令行用 --op）。',
    en: 'The headers of sheet "{sheet}" in "{file}" fit several operations: {candidates}. Pick the operation (--op on the command line).',
  },
  'sheets.operation.none': {
    'zh-CN': '无法从文件“{file}”工作表“{sheet}”的表头判断要执行的操作。请选择操作（命令行用 --op），可选：{candidates}。',
    en: 'The headers of sheet "{sheet}" in "{file}" do not say which operation this is. Pick one (--op on the command line): {candidates}.',
  },
  'sheets.operation.unknownId': {
    'zh-CN': '没有名为“{op}”的操作。可选：{candidates}。',
    en: 'There is no operation named "{op}". Choose one of: {candidates}.',
  },
  'sheets.operation.inferred': { 'zh-CN': '根据表头（{headers}）判断', en: 'inferred from the headers ({headers})' },
  'sheets.operation.chosen': { 'zh-CN': '由操作者指定', en: 'chosen by the person' },
  'sheets.operation.marked': { 'zh-CN': '本应用为该操作生成的表格（模板或结果工作簿）', en: 'a sheet this app wrote for this operation (its template or results workbook)' },
  'sheets.notice.repeatedHeader': { 'zh-CN': '第 {row} 行是重复的表头，未作为数据读入。', en: 'Row {row} repeats the header row and was not read as data.' },
  'sheets.notice.totals': { 'zh-CN': '第 {row} 行是合计行（“{text}”），未作为数据读入。', en: 'Row {row} is a totals row ("{text}") and was not read as data.' },
  'sheets.notice.example': { 'zh-CN': '第 {row} 行是模板中的示例行，已忽略。', en: 'Row {row} is the template\'s example row and was ignored.' },
  'sheets.notice.hiddenSkipped': { 'zh-CN': '隐藏的工作表“{sheet}”未读取。', en: 'The hidden sheet "{sheet}" was not read.' },
  'sheets.notice.unknownColumn': { 'zh-CN': '列“{column}”不属于此操作，将原样保留在结果中，不会提交。', en: 'Column "{column}" is not part of this operation; it is kept in the results and never sent.' },
  'sheets.notice.columnTwice': { 'zh-CN': '列“{column}”与前面的列对应同一字段，已作为其他列保留，不会提交。', en: 'Column "{column}" maps to the same field as an earlier column; it is kept as an extra column and never sent.' },
  // A follow-up's row that is no longer data (row-rules.ts): kept, invalid, and says what to do.
  'sheets.problem.blankRow': {
    'zh-CN': '第 {row} 行是空行：必填列（{columns}）都没有填写，这一行不会提交。要提交它，请填写这些列；否则不必处理，结果中会列为校验未通过。',
    en: 'Row {row} is blank: its required columns ({columns}) are empty, so it is not sent. To send it, fill those columns in; otherwise leave it: the results list it as invalid.',
  },
  'sheets.problem.totalsRow': {
    'zh-CN': '第 {row} 行看起来像合计行（“{column}”列写的是“{text}”），这一行不会提交。要提交它，请改成要提交的数据；否则不必处理，结果中会列为校验未通过。',
    en: 'Row {row} looks like a totals row ("{column}" says "{text}"), so it is not sent. To send it, change it into the data to send; otherwise leave it: the results list it as invalid.',
  },
  'sheets.problem.exampleRow': {
    'zh-CN': '第 {row} 行看起来像模板的示例行（“{column}”列以“示例”开头），这一行不会提交。要提交它，请改成要提交的数据；否则不必处理，结果中会列为校验未通过。',
    en: 'Row {row} looks like the template\'s example row ("{column}" starts with "example"), so it is not sent. To send it, change it into the data to send; otherwise leave it: the results list it as invalid.',
  },
  'sheets.problem.headerRow': {
    'zh-CN': '第 {row} 行看起来像表头（{columns} 列写的是表头文字），这一行不会提交。要提交它，请改成要提交的数据；否则不必处理，结果中会列为校验未通过。',
    en: 'Row {row} looks like the header row ({columns} hold header text), so it is not sent. To send it, change it into the data to send; otherwise leave it: the results list it as invalid.',
  },
  'sheets.problem.missingColumn': { 'zh-CN': '缺少必填列“{column}”。请在表头中加上这一列。', en: 'The required column "{column}" is missing. Add it to the header row.' },
  'sheets.problem.required': { 'zh-CN': '“{column}”必填，不能为空。', en: '"{column}" is required and cannot be empty.' },
  'sheets.problem.invalid': { 'zh-CN': '“{column}”的值无效。', en: 'The value of "{column}" is not valid.' },
  'sheets.template.example': { 'zh-CN': '示例', en: 'Example' },
  'sheets.template.dataSheet': { 'zh-CN': '导入数据', en: 'Data' },
  'sheets.template.helpSheet': { 'zh-CN': '填写说明', en: 'How to fill in' },
  'sheets.template.help.column': { 'zh-CN': '列名', en: 'Column' },
  'sheets.template.help.field': { 'zh-CN': 'API 字段', en: 'API field' },
  'sheets.template.help.required': { 'zh-CN': '是否必填', en: 'Required' },
  'sheets.template.help.type': { 'zh-CN': '类型', en: 'Type' },
  'sheets.template.help.limit': { 'zh-CN': '限制', en: 'Limit' },
  'sheets.template.help.description': { 'zh-CN': '说明', en: 'Description' },
  'sheets.template.help.example': { 'zh-CN': '示例', en: 'Example' },
  'sheets.template.help.intro': {
    'zh-CN': '操作：{operation}（{method}）。带 * 的列必填。以“示例”开头的行是示例，导入时会被忽略，可删除。',
    en: 'Operation: {operation} ({method}). Columns marked * are required. The row starting with "Example" is an example, ignored on import; you may delete it.',
  },
  'sheets.template.yes': { 'zh-CN': '是', en: 'yes' },
  'sheets.template.no': { 'zh-CN': '否', en: 'no' },
  'sheets.template.maxLength': { 'zh-CN': '最多 {max} 个字符', en: 'at most {max} characters' },
  'sheets.template.decimal': { 'zh-CN': '数字，最多 4 位小数', en: 'a number, at most 4 decimal places' },
  'sheets.template.positive': { 'zh-CN': '大于 0 的数字，最多 4 位小数', en: 'a number above 0, at most 4 decimal places' },
  'sheets.template.rate': { 'zh-CN': '小数或百分数（13% = 0.13）', en: 'a decimal or a percentage (13% = 0.13)' },
  'sheets.template.datetime': { 'zh-CN': '日期，如 2027-01-01 或 2027-01-01 08:00:00', en: 'a date, e.g. 2027-01-01 or 2027-01-01 08:00:00' },
  'sheets.template.choices': { 'zh-CN': '可选值：{choices}', en: 'one of: {choices}' },
  'sheets.template.list': { 'zh-CN': '多个单号用逗号分隔', en: 'several numbers separated by commas' },
  'sheets.template.idText': { 'zh-CN': '文本（单元格格式为“文本”，保留前导 0）', en: 'text (the column is formatted as Text, so leading zeros stay)' },
  'sheets.template.text': { 'zh-CN': '文本', en: 'text' },
  'sheets.template.written': { 'zh-CN': '已写入模板：{path}', en: 'Template written: {path}' },
  'sheets.validate.summary': {
    'zh-CN': '{file} · 工作表“{sheet}” · 表头在第 {headerRow} 行 · 操作：{operation}（{reason}）',
    en: '{file} · sheet "{sheet}" · header row {headerRow} · operation: {operation} ({reason})',
  },
  'sheets.validate.counts': {
    'zh-CN': '共 {rows} 行，{orders} 个单据：有效 {valid} 行，校验未通过 {invalid} 行，重复 {duplicate} 行。',
    en: '{rows} rows, {orders} orders: {valid} valid, {invalid} invalid, {duplicate} duplicate.',
  },
  'sheets.validate.problem': { 'zh-CN': '第 {row} 行「{column}」：{message}', en: 'Row {row}, "{column}": {message}' },
  'sheets.validate.warning': { 'zh-CN': '第 {row} 行「{column}」（提醒，该行仍会提交）：{message}', en: 'Row {row}, "{column}" (warning; the row is still sent): {message}' },
  'sheets.validate.duplicate': { 'zh-CN': '与第 {ofRow} 行重复，不会再次提交。', en: 'Repeats row {ofRow}; it will not be sent again.' },
  'sheets.validate.notice': { 'zh-CN': '提示：{message}', en: 'Note: {message}' },
  'sheets.validate.ignoredColumns': {
    'zh-CN': '这些列不会被发送（原样保留在结果中）：{columns}。如需发送，请把表头改成模板中的列名。',
    en: 'These columns will not be sent (they are kept in the results as they are): {columns}. To send one, rename its header to the template\'s column name.',
  },
  'sheets.validate.allValid': { 'zh-CN': '全部行均通过校验，未提交任何内容。', en: 'Every row is valid. Nothing was sent.' },
  'sheets.validate.noValidRows': { 'zh-CN': '没有可以提交的有效行。', en: 'There are no valid rows to submit.' },
  'sheets.cli.usageValidate': {
    'zh-CN': '用法：wdt-bulk validate <文件> [--op 操作] [--sheet 工作表] [--mapping 对应关系.json] [--problems 问题清单.xlsx] [--lang zh-CN|en] [--json]',
    en: 'Usage: wdt-bulk validate <file> [--op operation] [--sheet name] [--mapping map.json] [--problems problems.xlsx] [--lang zh-CN|en] [--json]',
  },
  'sheets.cli.usageTemplate': {
    'zh-CN': '用法：wdt-bulk template <操作> --out <文件> [--lang zh-CN|en]。操作：{candidates}',
    en: 'Usage: wdt-bulk template <operation> --out <file> [--lang zh-CN|en]. Operations: {candidates}',
  },
  'sheets.cli.badArgs': { 'zh-CN': '参数有误：{reason}', en: 'Bad arguments: {reason}' },
  'sheets.cli.writeFailed': { 'zh-CN': '无法写入“{path}”：{reason}', en: 'Could not write "{path}": {reason}' },
});
