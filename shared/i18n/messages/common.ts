// Messages shared by every front end.
import { defineMessages } from '../define';

export const commonMessages = defineMessages({
  'common.appName': { 'zh-CN': 'WDT 批量导入', en: 'WDT Bulk' },
  'common.env.sandbox': { 'zh-CN': '沙箱', en: 'SANDBOX' },
  'common.env.test': { 'zh-CN': '测试', en: 'TEST' },
  'common.env.production': { 'zh-CN': '正式', en: 'PRODUCTION' },
});
