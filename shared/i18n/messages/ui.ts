// Messages of the 'ui' area. Keys are prefixed 'ui.' so areas never collide.
import { defineMessages } from '../define';

export const uiMessages = defineMessages({
  // The window shell
  'ui.shell.subtitle': { 'zh-CN': '采购退货批量操作', en: 'Bulk purchase returns' },
  'ui.shell.language': { 'zh-CN': '语言', en: 'Language' },
  'ui.shell.loading': { 'zh-CN': '正在连接…', en: 'Connecting…' },
  'ui.shell.profile': { 'zh-CN': '当前配置：{name}', en: 'Profile: {name}' },
  'ui.shell.account': { 'zh-CN': '卖家账号 {sid}', en: 'Seller account {sid}' },
  'ui.shell.sandboxNote': { 'zh-CN': '内置沙箱 ERP：提交不会影响任何真实数据', en: 'Built-in sandbox ERP: nothing you submit touches real data' },
  'ui.shell.productionNote': { 'zh-CN': '正式环境：提交会修改真实 ERP 数据', en: 'Production: submits change real ERP data' },
  'ui.shell.testNote': { 'zh-CN': '测试环境', en: 'Test environment' },
  'ui.shell.offline': { 'zh-CN': '无法连接 ERP，任务将排队等待', en: 'ERP unreachable: jobs wait in the queue' },
  'ui.shell.sessionSecrets': { 'zh-CN': '系统钥匙串不可用：密钥仅保存在本次运行中', en: 'Keychain unavailable: secrets are kept for this run only' },
  'ui.shell.dropHint': { 'zh-CN': '把 Excel 表格拖到窗口中，或点击“打开文件”', en: 'Drop an Excel sheet on the window, or choose "Open file"' },
  'ui.shell.openFile': { 'zh-CN': '打开文件', en: 'Open file' },
  'ui.shell.fileReady': { 'zh-CN': '已选择：{name}', en: 'Selected: {name}' },
  'ui.shell.error': { 'zh-CN': '出错了：{message}', en: 'Something went wrong: {message}' },
  // Errors made at the IPC boundary (main/app-api, main/electron)
  'ui.error.invalidRequest': { 'zh-CN': '请求格式不正确：{reason}', en: 'Malformed request: {reason}' },
  'ui.error.tooLarge': { 'zh-CN': '请求过大（上限 {limit} 字节）', en: 'Request too large (limit {limit} bytes)' },
  'ui.error.forbidden': { 'zh-CN': '拒绝来自非本应用窗口的请求', en: 'Refused a request that did not come from the app window' },
  'ui.error.internal': { 'zh-CN': '程序内部错误，详情已写入日志', en: 'Internal error; the details are in the log' },
  'ui.error.unknownChannel': { 'zh-CN': '未知的请求：{channel}', en: 'Unknown request: {channel}' },
  'ui.error.notSpreadsheet': {
    'zh-CN': '“{name}”不是可导入的表格文件（支持 .xlsx、.xlsm、.csv）',
    en: '"{name}" is not a spreadsheet the app can import (.xlsx, .xlsm, .csv)',
  },
  'ui.error.fileGone': { 'zh-CN': '找不到文件“{name}”', en: 'File "{name}" not found' },
  'ui.error.ticketUnknown': { 'zh-CN': '文件已失效，请重新选择', en: 'That file is no longer available: choose it again' },
  'ui.error.importUnknown': { 'zh-CN': '导入已关闭，请重新读取表格', en: 'That import was closed: read the sheet again' },
  'ui.error.linkRefused': { 'zh-CN': '不允许打开此链接：{url}', en: 'This link may not be opened: {url}' },
  'ui.error.nothingSaved': { 'zh-CN': '此任务还没有保存过结果工作簿', en: 'No results workbook has been saved for this job yet' },
  'ui.error.profileExists': { 'zh-CN': '已有名为“{name}”的配置', en: 'A profile named "{name}" already exists' },
  'ui.error.secretRequired': { 'zh-CN': '新配置需要填写 AppSecret（secret:salt）', en: 'A new profile needs its app secret (secret:salt)' },
  'ui.error.confirm': { 'zh-CN': '提交到正式环境前需要确认', en: 'Submitting to production needs your confirmation' },
  // Dialogs shown by main
  'ui.dialog.openTitle': { 'zh-CN': '选择要导入的表格', en: 'Choose a sheet to import' },
  'ui.dialog.saveTemplate': { 'zh-CN': '保存导入模板', en: 'Save the import template' },
  'ui.dialog.saveResults': { 'zh-CN': '保存结果工作簿', en: 'Save the results workbook' },
  'ui.dialog.spreadsheets': { 'zh-CN': '表格文件', en: 'Spreadsheets' },
  'ui.file.templateName': { 'zh-CN': '{operation}-导入模板.xlsx', en: '{operation}-template.xlsx' },
  'ui.file.resultsName': { 'zh-CN': '{source}.结果-{stamp}.xlsx', en: '{source}.results-{stamp}.xlsx' },
  // Menus
  'ui.menu.file': { 'zh-CN': '文件', en: 'File' },
  'ui.menu.open': { 'zh-CN': '打开表格…', en: 'Open sheet…' },
  'ui.menu.quit': { 'zh-CN': '退出', en: 'Quit' },
  'ui.menu.edit': { 'zh-CN': '编辑', en: 'Edit' },
  'ui.menu.view': { 'zh-CN': '视图', en: 'View' },
  'ui.menu.help': { 'zh-CN': '帮助', en: 'Help' },
});
