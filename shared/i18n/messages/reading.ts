// Messages of the 'reading' area: a sheet shown while it is still being read (issue 18 item 3).
import { defineMessages } from '../define';

export const readingMessages = defineMessages({
  'reading.ui.title': { 'zh-CN': '正在读取', en: 'Reading' },
  'reading.ui.progressLabel': { 'zh-CN': '读取进度', en: 'Reading progress' },
  'reading.ui.progress': { 'zh-CN': '已检查 {rows} 行，共约 {total} 行', en: 'Rows checked: {rows} of about {total}' },
  'reading.ui.progressNoTotal': { 'zh-CN': '已检查 {rows} 行', en: 'Rows checked: {rows}' },
  'reading.ui.firstRows': {
    'zh-CN': '这里先显示前 {count} 行。整个表格读完后才能核对订单和重复行，读完后即可进入下一步。',
    en: 'The first {count} rows are shown here. Orders and duplicate rows are checked once the whole sheet is read; then you can go on.',
  },
  'reading.ui.checking': { 'zh-CN': '检查中', en: 'Checking' },
  'reading.ui.problemsSoFar': { 'zh-CN': '目前发现的问题：{count} 个', en: 'Problems found so far: {count}' },
  'reading.ui.moreLater': { 'zh-CN': '读完后可查看全部问题。', en: 'Every problem is listed once the sheet is read.' },
  'reading.ui.waitNext': { 'zh-CN': '读取完成后才能进入下一步', en: 'You can go on once the whole sheet is read' },
});
