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
});
