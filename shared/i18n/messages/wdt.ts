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
  'wdt.erp.failed': {
    'zh-CN': 'ERP 服务器出错（状态 {status}：{message}），是否已处理未知，将查询核对。',
    en: 'The ERP server failed (status {status}: {message}); whether it acted is unknown and will be checked by query.',
  },
  'wdt.address.wrong': {
    'zh-CN': '地址 {url} 不是旺店通接口（HTTP {status}）：请检查配置中的接口地址。正式环境形如 http://wdt.wangdian.cn，测试环境形如 http://47.92.239.46（末尾的 /openapi 可写可不写）。',
    en: 'The address {url} is not the WDT API (HTTP {status}): check the base URL in the profile. Production looks like http://wdt.wangdian.cn, the test environment like http://47.92.239.46 (a trailing /openapi is optional).',
  },
  // Why the ERP refused the account as a whole: what to fix, then resume. {message} is the ERP's own text.
  'wdt.refused.secret': {
    'zh-CN': 'ERP 验证签名失败（{message}）：配置中的 AppKey 或 AppSecret 不正确。请改正后继续任务，已有的行都未发送。',
    en: 'The ERP could not verify the signature ({message}): the profile’s app key or app secret is wrong. Fix it, then resume; no row has been sent.',
  },
  'wdt.refused.appkey': {
    'zh-CN': 'ERP 不允许此 AppKey 访问（{message}）：请检查 AppKey 是否属于此卖家账号（sid），以及本机 IP 是否允许访问。改正后继续任务。',
    en: 'The ERP does not let this app key in ({message}): check that the app key belongs to this seller account (sid) and that this machine’s IP is allowed. Fix it, then resume.',
  },
  'wdt.refused.sid': {
    'zh-CN': '此接口地址下没有这个卖家账号（{message}）：测试环境的 sid 不能用于正式地址（http://wdt.wangdian.cn），反之亦然。请核对配置的地址和 sid 是否属于同一环境，改正后继续任务。',
    en: 'This seller account (sid) does not exist at this address ({message}): a test sid does not work against the production URL (http://wdt.wangdian.cn) and vice versa. Check that the profile’s address and sid belong together, then resume.',
  },
  'wdt.refused.ip': {
    'zh-CN': '此账号设置了 IP 白名单，本机的 IP 不在其中（{message}）：请在旺店通开放平台把本机的公网 IP 加入白名单，然后继续任务。',
    en: 'This account has an IP allow-list and this machine is not on it ({message}): add this machine’s public IP to the allow-list on the WDT open platform, then resume.',
  },
  'wdt.refused.dynamic-password': {
    'zh-CN': '此账号要求动态口令，接口调用无法提供（{message}）：请让管理员为接口账号关闭动态口令，然后继续任务。',
    en: 'This account requires a dynamic password, which an API client cannot give ({message}): have the administrator turn it off for the API account, then resume.',
  },
  'wdt.refused.permission': {
    'zh-CN': '此 AppKey 没有接口 {method} 的权限（{message}）：请在旺店通开放平台（自助对接 → 应用管理 → 新增/变更）为应用申请接口 {method} 的权限，获批后继续任务。',
    en: 'This app key has no permission for the method {method} ({message}): apply for permission for method {method} on the WDT open platform (自助对接 → 应用管理 → 新增/变更), then resume once granted.',
  },
  'wdt.refused.unreadable-secret': {
    'zh-CN': '无法读取此配置的 AppSecret：请在配置中重新保存 AppSecret，然后继续任务。',
    en: 'The profile’s app secret could not be read: save it again in the profile, then resume.',
  },
  'wdt.refused.other': {
    'zh-CN': 'ERP 拒绝了此账号（状态 {status}：{message}）：请检查配置中的地址、sid、AppKey 和 AppSecret，改正后继续任务。',
    en: 'The ERP refused this account (status {status}: {message}): check the profile’s address, sid, app key and app secret, then resume.',
  },
  'wdt.request.refused': {
    'zh-CN': 'ERP 认为本程序发出的 {method} 请求格式有误（状态 {status}：{message}）。这是本程序的缺陷，不是表格的问题：任务已停止，所有未完成的行都未发送。请把此信息发给技术支持。',
    en: 'The ERP says this app’s {method} request is malformed (status {status}: {message}). This is a defect of the app, not of the sheet: the job stopped and no unfinished row was sent. Please send this message to support.',
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
