// Messages of the column-mapping step (issue 16 item 1): the mapping screen, saved mappings in Settings,
// the CLI's --mapping file. Keys are prefixed 'mapping.' so areas never collide.
import { defineMessages } from '../define';

export const mappingMessages = defineMessages({
  'mapping.reason': { 'zh-CN': '按已保存的列对应关系', en: 'from a saved column mapping' },
  'mapping.source.saved': { 'zh-CN': '已保存的对应关系', en: 'saved mapping' },
  'mapping.source.file': { 'zh-CN': '对应关系文件', en: 'mapping file' },
  'mapping.source.chosen': { 'zh-CN': '刚刚选择的对应关系', en: 'mapping chosen just now' },
  // CLI: the --mapping file
  'mapping.file.unreadable': {
    'zh-CN': '无法读取列对应关系文件“{file}”：{reason}。请检查路径后重试。',
    en: 'Cannot read the column mapping file "{file}": {reason}. Check the path and try again.',
  },
  'mapping.file.notJson': {
    'zh-CN': '列对应关系文件“{file}”不是有效的 JSON：{reason}。格式见 docs/spreadsheets-in.md“列对应关系”。',
    en: 'The column mapping file "{file}" is not valid JSON: {reason}. See "Column mappings" in docs/spreadsheets-in.md for the format.',
  },
  'mapping.file.invalid': {
    'zh-CN': '列对应关系文件“{file}”中“{key}”有误：{reason}。格式见 docs/spreadsheets-in.md“列对应关系”。',
    en: 'The column mapping file "{file}" is wrong at "{key}": {reason}. See "Column mappings" in docs/spreadsheets-in.md for the format.',
  },
  'mapping.file.unknownOperation': { 'zh-CN': '没有这个操作（可用：{candidates}）', en: 'no such operation (use one of: {candidates})' },
  'mapping.file.unknownField': {
    'zh-CN': '“{field}”不是操作 {operation} 的字段（可用：{fields}；不导入写 null）',
    en: '"{field}" is not a field of {operation} (use one of: {fields}; null to ignore the column)',
  },
  'mapping.file.fieldTwice': { 'zh-CN': '字段“{field}”对应了两列（“{first}”和“{second}”）', en: 'field "{field}" is given two columns ("{first}" and "{second}")' },
  'mapping.file.opConflict': {
    'zh-CN': '--op {op} 与列对应关系文件“{file}”中的操作 {operation} 不一致。请去掉 --op 或改用对应的文件。',
    en: '--op {op} disagrees with the operation {operation} in the column mapping file "{file}". Drop --op or use a matching file.',
  },
  'mapping.cli.applied': { 'zh-CN': '列对应关系：{source}（{count} 列）', en: 'Column mapping: {source} ({count} columns)' },
  'mapping.settings.unwritable': { 'zh-CN': '无法保存列对应关系：{reason}', en: 'Could not save the column mapping: {reason}' },
  // The mapping step (renderer)
  'mapping.title': { 'zh-CN': '把表格的列对应到字段', en: 'Map the sheet’s columns to fields' },
  'mapping.intro': {
    'zh-CN': '“{file}”中有无法自动识别的列，或缺少必填字段。请为每一列选择对应的字段；不需要的列选“不导入”（它仍会出现在结果工作簿中）。',
    en: '“{file}” has columns the app cannot place, or required fields without a column. Choose a field for each column; choose “Ignore” for columns not needed (they still appear in the results workbook).',
  },
  'mapping.unplaced': {
    'zh-CN': '这些列无法自动识别：{columns}。请为它们选择对应的字段，或保持“不导入”（不会被发送，仍保留在结果工作簿中）。',
    en: 'The app cannot place these columns: {columns}. Choose a field for each, or keep “Ignore” (not sent, still kept in the results workbook).',
  },
  'mapping.unplacedTag': { 'zh-CN': '未识别', en: 'not recognised' },
  'mapping.col.column': { 'zh-CN': '表格的列', en: 'Sheet column' },
  'mapping.col.samples': { 'zh-CN': '示例值', en: 'Sample values' },
  'mapping.col.field': { 'zh-CN': '对应字段', en: 'Field' },
  'mapping.ignore': { 'zh-CN': '不导入', en: 'Ignore' },
  'mapping.required': { 'zh-CN': '必填', en: 'required' },
  'mapping.fieldOption': { 'zh-CN': '{label}（{key}）', en: '{label} ({key})' },
  'mapping.unmappedFields': { 'zh-CN': '尚未对应的字段：', en: 'Fields not mapped yet:' },
  'mapping.allMapped': { 'zh-CN': '操作的字段都已对应。', en: 'Every field of the operation has a column.' },
  'mapping.missingRequired': {
    'zh-CN': '必填字段“{fields}”还没有对应的列：这些行将校验不通过。',
    en: 'Required fields without a column: {fields}. Their rows will not pass validation.',
  },
  'mapping.fieldTwice': { 'zh-CN': '字段“{field}”选了不止一列，请只保留一列。', en: 'Field “{field}” is chosen for more than one column; keep one.' },
  'mapping.remember': { 'zh-CN': '记住此对应关系，下次相同表头时自动使用', en: 'Remember this mapping and use it the next time these headers arrive' },
  'mapping.apply': { 'zh-CN': '应用并检查', en: 'Apply and review' },
  'mapping.applied': {
    'zh-CN': '已自动使用保存的列对应关系（{count} 列）。',
    en: 'A saved column mapping was applied automatically ({count} columns).',
  },
  'mapping.change': { 'zh-CN': '修改对应关系', en: 'Change mapping' },
  // Settings
  'mapping.settings.title': { 'zh-CN': '已保存的列对应关系', en: 'Saved column mappings' },
  'mapping.settings.none': { 'zh-CN': '还没有保存的列对应关系。', en: 'No saved column mappings yet.' },
  'mapping.settings.col.operation': { 'zh-CN': '操作', en: 'Operation' },
  'mapping.settings.col.headers': { 'zh-CN': '表头', en: 'Headers' },
  'mapping.settings.col.saved': { 'zh-CN': '保存时间', en: 'Saved' },
  'mapping.settings.remove': { 'zh-CN': '删除', en: 'Remove' },
  'mapping.settings.removeLabel': { 'zh-CN': '删除 {operation} 的列对应关系（{headers}）', en: 'Remove the {operation} mapping ({headers})' },
});
