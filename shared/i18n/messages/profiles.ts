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
  'profiles.check.refused': { 'zh-CN': 'ERP 拒绝了凭据（卖家账号、AppKey 或 AppSecret 有误）：{message}', en: 'The ERP refused the credentials (seller account, appkey or app secret is wrong): {message}' },
  'profiles.check.clockSkew': {
    'zh-CN': 'ERP 拒绝了时间戳，校正本机时钟后仍然如此。请检查本机时间：{message}',
    en: 'The ERP refused the timestamp even after correcting for this computer\'s clock. Check the clock: {message}',
  },
  'profiles.check.unreachable': { 'zh-CN': '无法连接 ERP：{message}', en: 'The ERP could not be reached: {message}' },
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
});
