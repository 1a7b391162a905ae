// Messages of the 'masterdata' area: the local copy of the ERP's master data, the checks of a create
// sheet against it, and previews of cancel/pending lists (docs/masterdata.md).
import { defineMessages } from '../define';

export const masterdataMessages = defineMessages({
  'masterdata.list.warehouses': { 'zh-CN': '仓库', en: 'Warehouses' },
  'masterdata.list.providers': { 'zh-CN': '供应商', en: 'Suppliers' },
  'masterdata.list.specs': { 'zh-CN': '货品（商家编码）', en: 'SKUs' },
  'masterdata.list.providerGoods': { 'zh-CN': '供应商货品', en: 'Supplier items' },

  'masterdata.check.warehouse.unknown': {
    'zh-CN': '仓库编码“{code}”不在本地的 ERP 仓库列表中（列表更新于 {asOf}）。请核对编码；若仓库是新建的，请先刷新主数据。',
    en: 'Warehouse "{code}" is not in the local copy of the ERP\'s warehouses (as of {asOf}). Check the code; if the warehouse is new, refresh the master data first.',
  },
  'masterdata.check.warehouse.suggest': {
    'zh-CN': '仓库编码“{code}”不在本地的 ERP 仓库列表中（列表更新于 {asOf}）。是否应为 {suggestion}？',
    en: 'Warehouse "{code}" is not in the local copy of the ERP\'s warehouses (as of {asOf}). Did you mean {suggestion}?',
  },
  'masterdata.check.warehouse.inactive': {
    'zh-CN': '仓库“{code}”（{name}）在 ERP 中已停用（列表更新于 {asOf}），ERP 可能拒绝此单。',
    en: 'Warehouse "{code}" ({name}) is stopped in the ERP (as of {asOf}); the ERP may refuse this order.',
  },
  'masterdata.check.provider.unknown': {
    'zh-CN': '供应商编号“{code}”不在本地的 ERP 供应商列表中（列表更新于 {asOf}）。请核对编号；若供应商是新建的，请先刷新主数据。',
    en: 'Supplier "{code}" is not in the local copy of the ERP\'s suppliers (as of {asOf}). Check the code; if the supplier is new, refresh the master data first.',
  },
  'masterdata.check.provider.suggest': {
    'zh-CN': '供应商编号“{code}”不在本地的 ERP 供应商列表中（列表更新于 {asOf}）。是否应为 {suggestion}？',
    en: 'Supplier "{code}" is not in the local copy of the ERP\'s suppliers (as of {asOf}). Did you mean {suggestion}?',
  },
  'masterdata.check.provider.inactive': {
    'zh-CN': '供应商“{code}”（{name}）在 ERP 中已停用或已删除（列表更新于 {asOf}），ERP 可能拒绝此单。',
    en: 'Supplier "{code}" ({name}) is stopped or deleted in the ERP (as of {asOf}); the ERP may refuse this order.',
  },
  'masterdata.check.spec.unknown': {
    'zh-CN': '商家编码“{code}”不在本地的 ERP 货品列表中（列表更新于 {asOf}）。请核对编码；若货品是新建的，请先刷新主数据。',
    en: 'SKU "{code}" is not in the local copy of the ERP\'s items (as of {asOf}). Check the code; if the item is new, refresh the master data first.',
  },
  'masterdata.check.spec.suggest': {
    'zh-CN': '商家编码“{code}”不在本地的 ERP 货品列表中（列表更新于 {asOf}）。是否应为 {suggestion}？',
    en: 'SKU "{code}" is not in the local copy of the ERP\'s items (as of {asOf}). Did you mean {suggestion}?',
  },
  'masterdata.check.spec.inactive': {
    'zh-CN': '商家编码“{code}”（{name}）在 ERP 中已删除（列表更新于 {asOf}），ERP 可能拒绝此行。',
    en: 'SKU "{code}" ({name}) is deleted in the ERP (as of {asOf}); the ERP may refuse this line.',
  },
  'masterdata.check.notSupplied': {
    'zh-CN': '按本地的供应商货品列表（更新于 {asOf}），供应商“{provider}”不供应商家编码“{spec}”。ERP 可能拒绝：“存在不是该供应商提供的货品”。请核对，或先在 ERP 中为该供应商添加此货品。',
    en: 'By the local copy of supplier items (as of {asOf}), supplier "{provider}" does not supply SKU "{spec}". The ERP may refuse it ("存在不是该供应商提供的货品"). Check it, or add the item to the supplier in the ERP first.',
  },

  'masterdata.status.cancelled': { 'zh-CN': '已取消', en: 'Cancelled' },
  'masterdata.status.editing': { 'zh-CN': '编辑中', en: 'Editing' },
  'masterdata.status.awaitingCheck': { 'zh-CN': '待审核', en: 'Awaiting check' },
  'masterdata.status.checked': { 'zh-CN': '已审核', en: 'Checked' },
  'masterdata.status.completed': { 'zh-CN': '已完成', en: 'Completed' },
  'masterdata.status.pushedToWms': { 'zh-CN': '已推送WMS', en: 'Pushed to the WMS' },
  'masterdata.status.partlyIn': { 'zh-CN': '部分入库', en: 'Partly received' },
  'masterdata.status.toSettle': { 'zh-CN': '待结算', en: 'To settle' },
  'masterdata.status.other': { 'zh-CN': '状态 {code}', en: 'Status {code}' },
  'masterdata.status.unreadable': { 'zh-CN': '状态不明', en: 'State not given' },
  'masterdata.stockout.none': { 'zh-CN': '未出库', en: 'Not shipped out' },
  'masterdata.stockout.partial': { 'zh-CN': '部分出库', en: 'Partly shipped out' },
  'masterdata.stockout.all': { 'zh-CN': '已出库', en: 'Shipped out' },
  'masterdata.stockout.stopped': { 'zh-CN': '停止出库', en: 'Stopped waiting' },

  'masterdata.preview.notFound': { 'zh-CN': 'ERP 中没有这张单据，发送会失败。', en: 'The ERP has no such document; sending it will fail.' },
  'masterdata.preview.unreadable': { 'zh-CN': 'ERP 的回答没有说明单据状态，无法预判；发送后以 ERP 的结果为准。', en: 'The ERP\'s answer does not give the document\'s state; sending will tell.' },
  'masterdata.preview.alreadyCancelled': { 'zh-CN': '单据已取消，发送会失败。', en: 'Already cancelled; sending it will fail.' },
  'masterdata.preview.completed': { 'zh-CN': '单据已完成，不能取消。', en: 'Completed; it cannot be cancelled.' },
  'masterdata.preview.shippedOut': { 'zh-CN': '单据已出库或部分出库，不能取消。', en: 'Shipped out (in part or in full); it cannot be cancelled.' },
  'masterdata.preview.wrongState': { 'zh-CN': '单据的状态不允许取消（只能取消编辑中、待审核、已审核的单据）。', en: 'Its state does not allow a cancel (only editing, awaiting check or checked documents can be cancelled).' },
  'masterdata.preview.alreadyStopped': { 'zh-CN': '单据已停止等待，发送会失败。', en: 'Already stopped waiting; sending it will fail.' },
  'masterdata.preview.notChecked': { 'zh-CN': '只有已审核的单据能停止等待。', en: 'Only checked documents can stop waiting.' },
  'masterdata.preview.notEditing': { 'zh-CN': '只有编辑中的入库单能取消。', en: 'Only stock-ins being edited can be cancelled.' },
  'masterdata.preview.notInWindow': {
    'zh-CN': '最近 {days} 天内没有修改过的单据中没有它，预览未能判断（按修改时间查询）。发送后以 ERP 的结果为准。',
    en: 'It is not among the documents changed in the last {days} days (queried by modified time), so the preview cannot tell. Sending will tell.',
  },
  'masterdata.preview.denied': {
    'zh-CN': '此接口账号没有 {method} 的权限（权限不足），无法预览。如需预览，请在旺店通开放平台为该接口申请权限。',
    en: 'This API account may not call {method} (权限不足), so nothing can be previewed. To preview, apply for the method on the WDT open platform.',
  },
  'masterdata.preview.stopped': { 'zh-CN': '预览已停止，此行未查询。', en: 'The preview was stopped before this row was queried.' },
  'masterdata.preview.failed': { 'zh-CN': '查询失败（{reason}），此行未能预判。', en: 'The query failed ({reason}); this row could not be judged.' },

  'masterdata.refresh.denied': {
    'zh-CN': '{list}：此接口账号没有 {method} 的权限（权限不足），已跳过。如需检查此列表，请在旺店通开放平台为该接口申请权限。',
    en: '{list}: this API account may not call {method} (权限不足) and the list was skipped. To check against it, apply for the method on the WDT open platform.',
  },
  'masterdata.refresh.failed': {
    'zh-CN': '{list}：刷新在第 {page} 页中断（{reason}）。已取到的部分已保存，下次刷新会从中断处继续。',
    en: '{list}: the refresh stopped at page {page} ({reason}). What was fetched is saved; the next refresh continues from there.',
  },
  'masterdata.refresh.refused': {
    'zh-CN': 'ERP 拒绝了此账号（{reason}），刷新已停止。请检查配置“{profile}”后重试。',
    en: 'The ERP refused this account ({reason}); the refresh stopped. Check profile "{profile}" and try again.',
  },
  'masterdata.refresh.unreadable': {
    'zh-CN': '{list}：ERP 的回答格式无法识别（{method}），刷新已停止，已取到的部分已保存。',
    en: '{list}: the ERP\'s answer to {method} could not be read; the refresh stopped, what was fetched is saved.',
  },
  'masterdata.refresh.stopped': { 'zh-CN': '刷新已停止，下次会从中断处继续。', en: 'The refresh was stopped; the next one continues from there.' },
  'masterdata.refresh.progress': { 'zh-CN': '{list}：第 {calls} 次查询，已取 {records} 条，进度至 {until}', en: '{list}: call {calls}, {records} records, up to {until}' },
  'masterdata.refresh.done': { 'zh-CN': '{list}：已更新 {records} 条（{calls} 次查询）', en: '{list}: {records} records updated ({calls} calls)' },
  'masterdata.age.line': { 'zh-CN': '{list}：{count} 条，更新于 {asOf}（{age}前）', en: '{list}: {count} records, as of {asOf} ({age} ago)' },
  'masterdata.age.never': { 'zh-CN': '{list}：尚未获取', en: '{list}: never fetched' },
  'masterdata.age.resuming': { 'zh-CN': '{list}：上次刷新未完成，将从中断处继续', en: '{list}: the last refresh did not finish; the next continues from there' },
  'masterdata.age.days': { 'zh-CN': '{n} 天', en: '{n} days' },
  'masterdata.age.hours': { 'zh-CN': '{n} 小时', en: '{n} hours' },
  'masterdata.age.minutes': { 'zh-CN': '{n} 分钟', en: '{n} minutes' },
  'masterdata.verdict.ok': { 'zh-CN': '可执行', en: 'can go' },
  'masterdata.verdict.blocked': { 'zh-CN': '不能成功', en: 'cannot succeed' },
  'masterdata.verdict.unknown': { 'zh-CN': '无法判断', en: 'cannot tell' },
  'masterdata.preview.line': { 'zh-CN': '第 {row} 行 {key}：{state}，{verdict}{reason}', en: 'Row {row} {key}: {state}, {verdict}{reason}' },
  'masterdata.preview.summary': {
    'zh-CN': '预览了 {total} 张单据：可执行 {ok}，不能成功 {blocked}，无法判断 {unknown}（{calls} 次查询）。预览只作参考，发送后以 ERP 的结果为准。',
    en: 'Previewed {total} documents: {ok} can go, {blocked} cannot succeed, {unknown} cannot tell ({calls} calls). A preview only advises; the ERP decides when the list is sent.',
  },
  'masterdata.check.listMissing': {
    'zh-CN': '{list}：本地没有这份列表（从未获取，或此账号无权读取），未检查。请先运行 wdt-bulk masterdata refresh。',
    en: '{list}: the local copy does not have this list (never fetched, or the account may not read it), so it was not checked. Run wdt-bulk masterdata refresh first.',
  },
  'masterdata.check.summary': { 'zh-CN': '对照本地主数据：{warnings} 条提醒（提醒不阻止发送）。', en: 'Against the local master data: {warnings} warnings (warnings do not stop a row from being sent).' },
  'masterdata.check.noPreview': {
    'zh-CN': '“{operation}”的单据没有可用的预览查询。',
    en: 'There is no preview query for "{operation}" documents.',
  },
  'masterdata.ui.title': { 'zh-CN': 'ERP 主数据（本地副本）', en: 'ERP master data (local copy)' },
  'masterdata.ui.note': {
    'zh-CN': '发送前用它检查创建表格中的仓库、供应商和商家编码，离线也可以。副本可能过时，所以只提醒，不阻止发送。',
    en: 'Create sheets are checked against it before sending (warehouses, suppliers, SKUs), offline too. The copy can be stale, so it only warns and never stops a row.',
  },
  'masterdata.ui.profile': { 'zh-CN': '配置“{profile}”', en: 'Profile "{profile}"' },
  'masterdata.ui.age': { 'zh-CN': '{count} 条，更新于 {asOf}（{age}前）', en: '{count} records, as of {asOf} ({age} ago)' },
  'masterdata.ui.never': { 'zh-CN': '尚未获取', en: 'Never fetched' },
  'masterdata.ui.refresh': { 'zh-CN': '刷新主数据', en: 'Refresh master data' },
  'masterdata.ui.stop': { 'zh-CN': '停止刷新', en: 'Stop refreshing' },
  'masterdata.ui.progress': { 'zh-CN': '正在刷新{list}：已查询 {calls} 次，取得 {records} 条', en: 'Refreshing {list}: {calls} calls, {records} records' },
  'masterdata.ui.progressUntil': { 'zh-CN': '正在刷新{list}：已查询 {calls} 次，取得 {records} 条，已到 {until}', en: 'Refreshing {list}: {calls} calls, {records} records, up to {until}' },
  'masterdata.ui.done': { 'zh-CN': '刷新完成。', en: 'Refresh finished.' },
  'masterdata.ui.incomplete': { 'zh-CN': '刷新未全部完成，已取到的部分已保存；再次刷新会从中断处继续。', en: 'The refresh did not finish; what was fetched is saved and the next refresh continues from there.' },
  'masterdata.cli.usage': {
    'zh-CN':
      '用法：wdt-bulk masterdata refresh [--profile 名称] [--list warehouses|providers|specs|providerGoods] [--json]\n      wdt-bulk masterdata status [--profile 名称] [--json]\n      wdt-bulk masterdata check <文件> [--op 操作] [--sheet 工作表] [--query] [--profile 名称] [--json]\n',
    en: 'Usage: wdt-bulk masterdata refresh [--profile name] [--list warehouses|providers|specs|providerGoods] [--json]\n       wdt-bulk masterdata status [--profile name] [--json]\n       wdt-bulk masterdata check <file> [--op operation] [--sheet name] [--query] [--profile name] [--json]\n',
  },
});
