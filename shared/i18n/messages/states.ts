// The state words: the results workbook writes exactly these (docs: spreadsheets.md).
import { defineMessages } from '../define';

export const statesMessages = defineMessages({
  'states.succeeded': { 'zh-CN': '成功', en: 'succeeded' },
  'states.failed': { 'zh-CN': '失败', en: 'failed' },
  'states.invalid': { 'zh-CN': '校验未通过', en: 'invalid' },
  'states.duplicate': { 'zh-CN': '重复', en: 'duplicate' },
  'states.unknown': { 'zh-CN': '未确认', en: 'unknown' },
  'states.skipped': { 'zh-CN': '已跳过', en: 'skipped' },
  'states.pending': { 'zh-CN': '待提交', en: 'pending' },
});
