// Messages of the 'resend' area (issue 16: never twice by accident; resend what failed as a linked
// follow-up job). Keys are prefixed 'resend.' so areas never collide.
import { defineMessages } from '../define';

export const resendMessages = defineMessages({
  // A row's note: skipped because an earlier job already did its order
  'resend.row.alreadyDone': {
    'zh-CN': '已由任务 {job}（{at}）成功提交，本次跳过，未发送',
    en: 'Already done by job {job} on {at}; skipped, not sent',
  },
  // Before a submit: plain, with numbers and names (one line per earlier job)
  'resend.done.byJob': {
    'zh-CN': '其中 {count} 行已由任务 {job}（{at}，配置 {profile}）{operation}成功',
    en: '{count} of these were already done ({operation}) by job {job} on {at} (profile {profile})',
  },
  'resend.done.skipped': { 'zh-CN': '这些行默认跳过，不会再次发送。', en: 'They are skipped by default and not sent again.' },
  'resend.done.included': { 'zh-CN': '已选择仍然发送这些行。', en: 'You chose to send them again.' },
  'resend.done.createAlways': {
    'zh-CN': '新建单据的外部单号已成功的，总是跳过（否则会在 ERP 中重复建单）。',
    en: 'A create whose outer number already succeeded is always skipped (sending it again would create a second document).',
  },
  'resend.sameFile': {
    'zh-CN': '同一个文件已于 {at} 由任务 {job}（配置 {profile}）提交过',
    en: 'This very file was submitted before: job {job} on {at} (profile {profile})',
  },
  // The submit screen's count of the rows skipped because an earlier job did them
  'resend.count.done': { 'zh-CN': '之前已成功（跳过）', en: 'Done before (skipped)' },
  'resend.include': { 'zh-CN': '仍然发送已成功过的行', en: 'Send the rows already done anyway' },
  // Follow-up jobs (the results workbook's Summary sheet, the results and jobs screens)
  'resend.summary.follows': { 'zh-CN': '重新提交自任务（原任务）', en: 'Resends rows of job (original)' },
  'resend.summary.followUps': { 'zh-CN': '后续任务（重新提交失败的行）', en: 'Follow-up jobs (resent rows)' },
  'resend.follows': { 'zh-CN': '重新提交自任务 {job}', en: 'Resends rows of job {job}' },
  'resend.button': { 'zh-CN': '重新提交失败的 {count} 行', en: 'Resend the {count} rows that did not succeed' },
  'resend.button.one': { 'zh-CN': '重新提交失败的 1 行', en: 'Resend the 1 row that did not succeed' },
  'resend.nothing': {
    'zh-CN': '任务 {job} 没有可重新提交的行（失败、校验未通过、未确认的行）',
    en: 'Job {job} has no row to resend (failed, invalid or unknown)',
  },
  'resend.notDone': {
    'zh-CN': '任务 {job} 尚未结束，结束后才能重新提交其失败的行',
    en: 'Job {job} has not ended; its failed rows can be resent once it has',
  },
});
