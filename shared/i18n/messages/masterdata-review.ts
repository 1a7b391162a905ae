// Messages of issue 17's review-side work: names beside codes in the grid, the review screen's preview
// of cancel/pending lists (and the rows the clerk drops after it), and the one-refresh-at-a-time lease
// (docs/masterdata.md). Kept apart from masterdata.ts so parallel work on that file does not collide.
import { defineMessages } from '../define';

export const masterdataReviewMessages = defineMessages({
  'masterdata.refresh.busy': {
    'zh-CN': '正在由另一处刷新（进程 {pid}，开始于 {since}）；这次刷新未开始，请等它完成后再刷新。',
    en: 'Another refresh of this profile is running (process {pid}, since {since}); this one did not start. Refresh again once it is done.',
  },
  'masterdata.review.dropped': {
    'zh-CN': '发送前预览 ERP 状态（{at}）后由操作员排除，未发送',
    en: 'Excluded by the clerk after previewing its state in the ERP ({at}); not sent',
  },
  'masterdata.review.foundAs': { 'zh-CN': 'ERP 中的单号为 {no}', en: 'The ERP knows it as {no}' },
  'masterdata.review.previewBusy': {
    'zh-CN': '另一份清单正在预览 ERP 状态；请先等它完成或停止它。',
    en: 'Another list is being previewed against the ERP; wait for it to finish or stop it first.',
  },

  // Names beside codes in the review grid (what a screen reader and the tooltip say).
  'masterdata.review.name.warehouse_no': { 'zh-CN': '仓库名称：{name}', en: 'Warehouse name: {name}' },
  'masterdata.review.name.provider_no': { 'zh-CN': '供应商名称：{name}', en: 'Supplier name: {name}' },
  'masterdata.review.name.spec_no': { 'zh-CN': '货品名称：{name}', en: 'SKU name: {name}' },
  'masterdata.review.state': { 'zh-CN': 'ERP 状态：{state}（{verdict}）{reason}', en: 'State in the ERP: {state} ({verdict}) {reason}' },
  'masterdata.review.stateNone': { 'zh-CN': '状态不明', en: 'state unknown' },

  // The review screen's preview of a cancel/pending list.
  'masterdata.review.title': { 'zh-CN': 'ERP 状态预览', en: 'Preview the state in the ERP' },
  'masterdata.review.intro': {
    'zh-CN': '发送前可向 ERP 查询这些单据现在的状态（只读，不改变任何单据），找出已取消、已出库或不存在的单据。单数不超过设置的上限（默认 200）时逐单查询，超过时按修改时间窗口分页查询；调用频率不超过本配置的限制。这一步可以跳过。',
    en: 'Before sending, you can ask the ERP for these documents\' state now (read-only: nothing changes) to find those already cancelled, shipped out or unknown. Up to the set cap (200 by default) each number is looked up; beyond it the ERP is read by modified-time windows, in pages, within this profile\'s rate limit. You may skip this.',
  },
  'masterdata.review.start': { 'zh-CN': '预览 ERP 状态', en: 'Preview ERP state' },
  'masterdata.review.again': { 'zh-CN': '重新预览', en: 'Preview again' },
  'masterdata.review.stop': { 'zh-CN': '停止预览', en: 'Stop the preview' },
  'masterdata.review.progress': { 'zh-CN': '正在查询 ERP：{done} / {total} 单', en: 'Asking the ERP: {done} of {total}' },
  'masterdata.review.starting': { 'zh-CN': '正在连接 ERP…', en: 'Connecting to the ERP…' },
  'masterdata.review.summary': {
    'zh-CN': '{at} 在配置“{profile}”预览：{ok} 单可以执行，{blocked} 单不能成功，{unknown} 单无法判断（调用 {calls} 次）。',
    en: 'Previewed at {at} on profile "{profile}": {ok} can go, {blocked} cannot succeed, {unknown} cannot tell ({calls} calls).',
  },
  'masterdata.review.byWindow': {
    'zh-CN': '单数超过上限 {cap}，已按修改时间窗口分页查询；窗口内没见到的单据为“无法判断”。',
    en: 'More than the cap of {cap}: the ERP was read by modified-time windows in pages; documents not seen there are "cannot tell".',
  },
  'masterdata.review.incomplete': { 'zh-CN': '预览未完成：未查询的单据状态不明，发送时以 ERP 的结果为准。', en: 'The preview did not finish: documents not queried are unknown; sending will tell.' },
  'masterdata.review.blockedTitle': { 'zh-CN': '不能成功的单据', en: 'Documents that cannot succeed' },
  'masterdata.review.col.rows': { 'zh-CN': '行', en: 'Row' },
  'masterdata.review.col.key': { 'zh-CN': '单号', en: 'Number' },
  'masterdata.review.col.state': { 'zh-CN': 'ERP 状态', en: 'State in the ERP' },
  'masterdata.review.col.reason': { 'zh-CN': '原因', en: 'Why' },
  'masterdata.review.drop': { 'zh-CN': '从本次任务中排除这 {count} 行（不发送）', en: 'Exclude these {count} rows from this job (not sent)' },
  'masterdata.review.droppedAll': {
    'zh-CN': '这些行已排除，不会发送；结果工作簿会记为“操作员排除”并写明原因。可在表格中取消勾选“跳过”恢复。',
    en: 'These rows are excluded and will not be sent; the results workbook records them as excluded by the clerk, with why. Untick "Skip" in the grid to bring one back.',
  },
  'masterdata.review.noneBlocked': { 'zh-CN': '没有发现不能成功的单据。', en: 'No document found that cannot succeed.' },
  'masterdata.review.stale': { 'zh-CN': '表格已修改，预览可能已过时；请重新预览。', en: 'The sheet changed since; the preview may be out of date. Preview again.' },
});
