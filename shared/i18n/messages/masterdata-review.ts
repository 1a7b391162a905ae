// Messages of issue 17's review-side work: names beside codes in the grid, the review screen's preview
// of cancel/pending lists (and the rows the clerk drops after it), and the one-refresh-at-a-time lease
// (docs/masterdata.md). Kept apart from masterdata.ts so parallel work on that file does not collide.
import { defineMessages } from '../define';

export const masterdataReviewMessages = defineMessages({
  'masterdata.refresh.busy': {
    'zh-CN': '正在由另一处刷新（进程 {pid}，开始于 {since}）；这次刷新未开始，请等它完成后再刷新。',
    en: 'Another refresh of this profile is running (process {pid}, since {since}); this one did not start. Refresh again once it is done.',
  },
});
