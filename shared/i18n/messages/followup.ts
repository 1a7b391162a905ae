// Messages of the 'followup' area (issue 16 item 3): failed rows edited on the results screen before they
// are resent, and `wdt-bulk resend`. Keys are prefixed 'followup.' so areas never collide.
import { defineMessages } from '../define';

export const followupMessages = defineMessages({
  'followup.error.notOffered': {
    'zh-CN': '第 {row} 行不是任务 {job} 中失败、校验未通过或未确认的行，不能重新提交。',
    en: 'Row {row} is not a failed, invalid or unknown row of job {job}, so it cannot be resent.',
  },
  'followup.error.nothingValid': {
    'zh-CN': '任务 {job} 要重新提交的 {rows} 行中没有可发送的行（{invalid} 行仍校验未通过）。请先在结果页面修改这些行，或在表格中改正后重新提交文件。',
    en: 'None of the {rows} rows of job {job} to resend can be sent ({invalid} still invalid). Fix them on the results screen first, or correct the sheet and submit it again.',
  },
  'followup.error.draftUnknown': {
    'zh-CN': '要重新提交的行已不在内存中（可能打开了其他文件）。请重新打开任务 {job} 的结果页面后再改。',
    en: 'The rows to resend are no longer held (another file may have been opened). Open the results of job {job} again, then edit.',
  },
  // The results screen: the rows to resend, editable in place
  'followup.ui.title': { 'zh-CN': '修改后重新提交', en: 'Fix and resend' },
  'followup.ui.intro': {
    'zh-CN': '下面是失败、校验未通过和未确认的 {count} 行（成功的行不会再次提交）。可直接修改单元格，修改后立即按读取规则重新校验；仍未通过校验的行不会发送。',
    en: 'Below are the {count} failed, invalid and unknown rows (rows that succeeded are never resent). Edit cells in place; each edit is checked at once with the reader’s rules; rows still invalid are not sent.',
  },
  'followup.ui.edit': { 'zh-CN': '修改失败的行', en: 'Edit the rows that did not succeed' },
  'followup.ui.close': { 'zh-CN': '收起', en: 'Close' },
  'followup.ui.loading': { 'zh-CN': '正在读取要重新提交的行…', en: 'Reading the rows to resend…' },
  'followup.ui.sendable': {
    'zh-CN': '将发送 {rows} 行（{orders} 张单据）；仍有 {invalid} 行校验未通过，不会发送。',
    en: '{rows} rows ({orders} orders) will be sent; {invalid} rows are still invalid and will not be sent.',
  },
  'followup.ui.sendableAll': { 'zh-CN': '将发送 {rows} 行（{orders} 张单据）。', en: '{rows} rows ({orders} orders) will be sent.' },
  'followup.ui.nothingSendable': { 'zh-CN': '没有可发送的行：请先改正标红的单元格。', en: 'No row can be sent yet: fix the cells marked in red first.' },
  // `wdt-bulk resend`
  'followup.cli.usage': {
    'zh-CN': '用法：wdt-bulk resend <任务> [--include-done] [--out 结果文件] [--wait 秒] [--yes] [--lang zh-CN|en] [--json]\n',
    en: 'Usage: wdt-bulk resend <job> [--include-done] [--out results.xlsx] [--wait seconds] [--yes] [--lang zh-CN|en] [--json]\n',
  },
  'followup.cli.follows': {
    'zh-CN': '重新提交任务 {job} 中失败、校验未通过和未确认的 {rows} 行（其中 {invalid} 行仍校验未通过，不会发送）',
    en: 'Resending the {rows} failed, invalid and unknown rows of job {job} ({invalid} of them still invalid, not sent)',
  },
});
