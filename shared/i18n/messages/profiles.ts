// Messages of the 'profiles' area. Keys are prefixed 'profiles.' so areas never collide.
import { defineMessages } from '../define';

export const profilesMessages = defineMessages({
  // The settings file
  'profiles.settingsUnreadable': { 'zh-CN': '无法读取设置文件 {file}：{reason}', en: 'Cannot read the settings file {file}: {reason}' },
  'profiles.settingsCorrupt': {
    'zh-CN': '设置文件 {file} 已损坏（{reason}）。请修正或移走该文件后重试；本程序不会覆盖它。',
    en: 'The settings file {file} is damaged ({reason}). Fix it or move it away, then try again; it will not be overwritten.',
  },
  'profiles.settingsUnwritable': { 'zh-CN': '无法写入设置文件 {file}：{reason}', en: 'Cannot write the settings file {file}: {reason}' },

  // Profiles
  'profiles.notFound': { 'zh-CN': '没有名为“{name}”的配置。', en: 'There is no profile named "{name}".' },
  'profiles.builtinReadOnly': {
    'zh-CN': '“{name}”是内置的沙箱配置，不能删除或修改；请另取一个名字。',
    en: '"{name}" is the built-in sandbox profile: it cannot be removed or changed. Pick another name.',
  },
  'profiles.secretRequiredChanged': {
    'zh-CN': '配置“{name}”的{fields}已更改：保存的 AppSecret 不会跟着配置换到新的地址或账号。请重新输入 AppSecret。',
    en: 'The {fields} of profile "{name}" changed: a stored app secret never follows a profile to a new address or account. Enter the app secret again.',
  },
  'profiles.plainHttpNeedsAck': {
    'zh-CN': '正式环境配置“{name}”使用明文 http:// 地址（{url}），签名请求会不加密地经过网络。确实要用它（旺店通官方正式地址就是 http://wdt.wangdian.cn）：在表单中勾选“确认正式环境使用 http://”，或在命令行加 --allow-plain-http；否则请改用 https:// 地址。',
    en: 'Production profile "{name}" uses a plain http:// address ({url}): signed requests cross the network unencrypted. If that is intended (the vendor\'s own production address is http://wdt.wangdian.cn), tick "Use http:// for production" in the form or add --allow-plain-http on the command line; otherwise use an https:// address.',
  },
  'profiles.inputInvalid': { 'zh-CN': '配置的“{field}”无效：{reason}', en: 'The profile\'s "{field}" is not valid: {reason}' },
  'profiles.secretMissing': {
    'zh-CN': '配置“{name}”没有保存 AppSecret。请用 profiles add 重新添加。',
    en: 'No app secret is stored for profile "{name}". Add the profile again with profiles add.',
  },

  // The app secret (never echoed)
  'profiles.secret.invalid': { 'zh-CN': 'AppSecret 格式不对：{problem}（格式为 secret:salt）。', en: 'The app secret is not valid: {problem} (the form is secret:salt).' },
  'profiles.secret.noColon': { 'zh-CN': '缺少冒号', en: 'it has no colon' },
  'profiles.secret.emptyPart': { 'zh-CN': '冒号前或冒号后为空', en: 'the part before or after the colon is empty' },
  'profiles.secret.whitespace': { 'zh-CN': '含有空格或换行', en: 'it contains spaces or line breaks' },
  'profiles.secret.tooLong': { 'zh-CN': '太长', en: 'it is too long' },

  // The keychain
  'profiles.keychain.unavailableLinux': {
    'zh-CN': '系统钥匙串（Secret Service）不可用：{reason}。请安装并启动 gnome-keyring（或 KeePassXC 的 Secret Service），在有 D-Bus 会话的桌面中运行（Debian/Ubuntu：apt install gnome-keyring dbus-user-session libsecret-1-0）。在此之前，AppSecret 只保存在本次运行的内存中。',
    en: 'The system keychain (Secret Service) is not available: {reason}. Install and start gnome-keyring (or KeePassXC\'s Secret Service) and run inside a desktop session with D-Bus (Debian/Ubuntu: apt install gnome-keyring dbus-user-session libsecret-1-0). Until then, app secrets are kept in memory for this run only.',
  },
  'profiles.keychain.unavailableMac': {
    'zh-CN': 'macOS 钥匙串不可用：{reason}。请在“钥匙串访问”中解锁登录钥匙串后重试。在此之前，AppSecret 只保存在本次运行的内存中。',
    en: 'The macOS keychain is not available: {reason}. Unlock the login keychain in Keychain Access and try again. Until then, app secrets are kept in memory for this run only.',
  },
  'profiles.keychain.unavailableWindows': {
    'zh-CN': 'Windows 凭据管理器不可用：{reason}。在此之前，AppSecret 只保存在本次运行的内存中。',
    en: 'Windows Credential Manager is not available: {reason}. Until then, app secrets are kept in memory for this run only.',
  },

  // The environment's ad-hoc profile and overrides
  'profiles.env.incomplete': {
    'zh-CN': '环境变量给出的配置不完整：缺少 {missing}。',
    en: 'The profile given by the environment is incomplete: {missing} not set.',
  },
  'profiles.env.badUrl': { 'zh-CN': 'WDT_BASE_URL 必须是 http:// 或 https:// 地址。', en: 'WDT_BASE_URL must be an http:// or https:// address.' },
  'profiles.env.badEnv': { 'zh-CN': 'WDT_ENV 只能是 test 或 production。', en: 'WDT_ENV must be test or production.' },
  'profiles.env.badNumber': { 'zh-CN': '{variable} 必须是 {min} 到 {max} 之间的整数。', en: '{variable} must be a whole number from {min} to {max}.' },

  // Checking credentials
  'profiles.check.works': { 'zh-CN': '凭据有效：ERP 接受了签名调用。', en: 'The credentials work: the ERP accepted a signed call.' },
  'profiles.check.noQueryPermission': {
    'zh-CN': '凭据有效，但此 AppKey 没有接口 {method} 的权限（{message}）：任务可以提交，但应答丢失的单据将无法通过查询核对。请在旺店通开放平台（自助对接 → 应用管理 → 新增/变更）申请接口 {method} 的权限。',
    en: 'The credentials work, but this app key has no permission for the method {method} ({message}): jobs can be submitted, but orders whose answer is lost cannot be settled by query. Apply for permission for method {method} on the WDT open platform (自助对接 → 应用管理 → 新增/变更).',
  },
  'profiles.check.clockSkew': {
    'zh-CN': 'ERP 拒绝了时间戳，校正本机时钟后仍然如此。请检查本机时间：{message}',
    en: 'The ERP refused the timestamp even after correcting for this computer\'s clock. Check the clock: {message}',
  },
  'profiles.check.unreachable': { 'zh-CN': '连接测试未通过：{message}', en: 'The connection test failed: {message}' },
  'profiles.check.erpError': { 'zh-CN': 'ERP 返回了意外的结果（status {status}）：{message}', en: 'The ERP gave an unexpected answer (status {status}): {message}' },
  'profiles.check.rateLimited': {
    'zh-CN': 'ERP 因调用频率限制拒绝了检查，凭据是否有效尚不确定；请稍后重试：{message}',
    en: 'The ERP turned the check away for its rate limit, so the credentials are not proven yet; try again shortly: {message}',
  },

  // Production confirmation
  'profiles.confirm.heading': { 'zh-CN': '即将提交到【{env}】环境', en: 'About to submit to the {env} environment' },
  'profiles.confirm.account': { 'zh-CN': '卖家账号：{sid}（配置“{profile}”，{url}）', en: 'Seller account: {sid} (profile "{profile}", {url})' },
  'profiles.confirm.operation': { 'zh-CN': '操作：{operation}', en: 'Operation: {operation}' },
  'profiles.confirm.counts': { 'zh-CN': '单据 {orders} 个，共 {rows} 行', en: '{orders} documents from {rows} rows' },
  'profiles.confirm.countsCalls': { 'zh-CN': '单据 {orders} 个，共 {rows} 行，约 {calls} 次调用', en: '{orders} documents from {rows} rows, about {calls} calls' },
  'profiles.confirm.warning': { 'zh-CN': '这会修改正式 ERP 中的数据，且无法自动撤销。', en: 'This changes data in the production ERP and cannot be undone automatically.' },
  // Where a profile's secret is (profiles list)
  'profiles.secretStatus.keychain': { 'zh-CN': '系统钥匙串', en: 'system keychain' },
  'profiles.secretStatus.session': { 'zh-CN': '仅本次运行（内存）', en: 'this run only (memory)' },
  'profiles.secretStatus.builtin': { 'zh-CN': '内置', en: 'built in' },
  'profiles.secretStatus.none': { 'zh-CN': '未保存', en: 'not stored' },
  'profiles.secretStatus.unavailable': { 'zh-CN': '钥匙串不可用', en: 'keychain unavailable' },

  // The `profiles` command
  'profiles.cli.usage': {
    'zh-CN': `用法：wdt-bulk profiles <子命令> [选项]

  list [--json]                         列出配置（* 为默认）；从不显示 AppSecret
  add <名称> --base-url U --sid S --appkey K [--env test|production]
      [--concurrency N] [--calls-per-minute N] [--timeout 秒] [--other-in-cancel-per-call N]
      [--allow-plain-http]              新建或替换配置；AppSecret（secret:salt）从标准输入读取；
                                        正式环境用 http:// 地址须加 --allow-plain-http（会被记住）
  remove <名称>                         删除配置及其钥匙串条目
  test [名称] [--json]                  发送一次无害的签名调用，检查凭据
  default <名称>                        设为默认配置
通用选项：--lang zh-CN|en  --json
`,
    en: `Usage: wdt-bulk profiles <subcommand> [options]

  list [--json]                         list the profiles (* = default); never shows a secret
  add <name> --base-url U --sid S --appkey K [--env test|production]
      [--concurrency N] [--calls-per-minute N] [--timeout seconds] [--other-in-cancel-per-call N]
      [--allow-plain-http]              create or replace a profile; the app secret (secret:salt) is read from standard input;
                                        a production profile over http:// needs --allow-plain-http (remembered)
  remove <name>                         remove a profile and its keychain entry
  test [name] [--json]                  send one harmless signed call to check the credentials
  default <name>                        make it the default profile
Options for all: --lang zh-CN|en  --json
`,
  },
  'profiles.cli.badArguments': { 'zh-CN': '参数有误：{reason}', en: 'Wrong arguments: {reason}' },
  'profiles.cli.missingName': { 'zh-CN': '请给出配置名称。', en: 'Give the profile\'s name.' },
  'profiles.cli.badNumber': { 'zh-CN': '{option} 必须是整数。', en: '{option} must be a whole number.' },
  'profiles.cli.secretInArguments': {
    'zh-CN': 'AppSecret 只从标准输入读取，不能写在命令行参数里（参数会留在进程列表和命令历史中）。例如：printf "%s" "$WDT_APPSECRET" | wdt-bulk profiles add …',
    en: 'The app secret is read only from standard input, never from an argument (arguments show in the process list and the shell history). For example: printf "%s" "$WDT_APPSECRET" | wdt-bulk profiles add …',
  },
  'profiles.cli.secretPrompt': { 'zh-CN': 'AppSecret（secret:salt，输入不显示）：', en: 'App secret (secret:salt, not shown): ' },
  'profiles.cli.secretEmpty': { 'zh-CN': '标准输入中没有 AppSecret。', en: 'No app secret on standard input.' },
  'profiles.cli.cancelled': { 'zh-CN': '已取消。', en: 'Cancelled.' },
  'profiles.cli.addNeedsKeychain': {
    'zh-CN': '配置未保存：{reason} 如只想临时使用，可改用环境变量 WDT_BASE_URL、WDT_SID、WDT_APPKEY、WDT_APPSECRET。',
    en: 'The profile was not saved: {reason} For a one-off run, use the environment variables WDT_BASE_URL, WDT_SID, WDT_APPKEY, WDT_APPSECRET instead.',
  },
  'profiles.cli.added': { 'zh-CN': '已保存配置“{name}”（{env}），AppSecret 已存入{where}。', en: 'Saved profile "{name}" ({env}); its app secret is in the {where}.' },
  'profiles.cli.replaced': { 'zh-CN': '已替换配置“{name}”（{env}），AppSecret 已存入{where}。', en: 'Replaced profile "{name}" ({env}); its app secret is in the {where}.' },
  'profiles.cli.removed': { 'zh-CN': '已删除配置“{name}”及其 AppSecret。', en: 'Removed profile "{name}" and its app secret.' },
  'profiles.cli.defaultSet': { 'zh-CN': '默认配置现为“{name}”。', en: 'The default profile is now "{name}".' },
  'profiles.cli.sandboxUrl': { 'zh-CN': '（内置沙箱，使用时在本机回环地址启动）', en: '(built-in sandbox, started on loopback when used)' },
  'profiles.cli.listLine': {
    'zh-CN': '{mark} {name}  [{env}]  {url}  卖家账号 {sid}  AppKey {appkey}  AppSecret：{secret}',
    en: '{mark} {name}  [{env}]  {url}  sid {sid}  appkey {appkey}  secret: {secret}',
  },
  'profiles.cli.testing': { 'zh-CN': '正在检查配置“{name}”（{url}）…', en: 'Checking profile "{name}" ({url})…' },
});
