// Messages of the 'wdt' area. Keys are prefixed 'wdt.' so areas never collide.
import { defineMessages } from '../define';

export const wdtMessages = defineMessages({
  'wdt.secret.missing': { 'zh-CN': '未设置 AppSecret。', en: 'The app secret is not set.' },
  'wdt.secret.malformed': {
    'zh-CN': 'AppSecret 格式不正确：应为「secret:salt」（冒号前后都不能为空）。',
    en: 'The app secret is malformed: it must read "secret:salt" (both parts non-empty).',
  },
  'wdt.secret.unavailable': {
    'zh-CN': '无法读取 AppSecret（钥匙串不可用）。',
    en: 'The app secret could not be read (the keychain is unavailable).',
  },
  'wdt.transport.notSent': {
    'zh-CN': '无法连接到 ERP 地址，请求未发出：请检查网络和配置中的接口地址。',
    en: 'Could not reach the ERP address; the request was not sent: check the network and the profile\'s API address.',
  },
  'wdt.transport.unknown': {
    'zh-CN': '请求已发出，但没有收到 ERP 的回复，ERP 可能已处理。',
    en: 'The request was sent but no answer arrived; the ERP may have acted.',
  },
  'wdt.transport.timeout': {
    'zh-CN': '{seconds} 秒内未收到 ERP 回复，ERP 可能已处理。',
    en: 'No answer from the ERP within {seconds} s; the ERP may have acted.',
  },
  'wdt.http.status': {
    'zh-CN': 'ERP 返回 HTTP {status}，ERP 可能已处理。',
    en: 'The ERP answered HTTP {status}; it may have acted.',
  },
  'wdt.answer.unparsable': {
    'zh-CN': 'ERP 的回复无法识别（HTTP {status}），ERP 可能已处理。',
    en: 'The ERP’s answer could not be understood (HTTP {status}); it may have acted.',
  },
  'wdt.clockSkew': {
    'zh-CN': '本机时间与 ERP 服务器时间相差过大，校正后仍被拒绝：{message}',
    en: 'This computer’s clock differs too much from the ERP’s and was refused even after correction: {message}',
  },
  'wdt.sandbox.listening': { 'zh-CN': '沙箱 ERP 已启动：{url}', en: 'Sandbox ERP running at {url}' },
  'wdt.sandbox.account': {
    'zh-CN': '卖家账号（sid）：{sid}　接口账号（appkey）：{appkey}',
    en: 'Seller account (sid): {sid}  App key: {appkey}',
  },
  'wdt.sandbox.stopHint': { 'zh-CN': '按 Ctrl+C 停止。', en: 'Press Ctrl+C to stop.' },
  'wdt.sandbox.stopped': { 'zh-CN': '沙箱 ERP 已停止。', en: 'Sandbox ERP stopped.' },
  'wdt.sandbox.badArgs': {
    'zh-CN': '参数错误：{detail}\n用法：wdt-bulk sandbox [--port N] [--data 文件] [--json]',
    en: 'Invalid arguments: {detail}\nUsage: wdt-bulk sandbox [--port N] [--data file] [--json]',
  },
  'wdt.sandbox.usage': {
    'zh-CN': '用法：wdt-bulk sandbox [--port N] [--data 文件] [--json] [--lang zh-CN|en]\n在本机回环地址上运行内置沙箱 ERP，直到按 Ctrl+C。--data 把沙箱数据保存到文件，重启后保留。',
    en: 'Usage: wdt-bulk sandbox [--port N] [--data file] [--json] [--lang zh-CN|en]\nRuns the built-in sandbox ERP on loopback until Ctrl+C. --data keeps its data in a file across restarts.',
  },
  'wdt.sandbox.startFailed': {
    'zh-CN': '沙箱 ERP 无法启动：{detail}',
    en: 'The sandbox ERP could not start: {detail}',
  },
});
