// Messages of the 'cli' area. Keys are prefixed 'cli.' so areas never collide.
import { defineMessages } from '../define';

export const cliMessages = defineMessages({
  'cli.unexpected': {
    'zh-CN': 'wdt-bulk 出现意外错误：{message}。详情已写入日志文件夹 {logs}；已记录的任务不会丢失。',
    en: 'wdt-bulk hit an unexpected error: {message}. The details are in the log folder {logs}; stored jobs are not lost.',
  },
  'cli.badArgs': { 'zh-CN': '参数有误：{reason}', en: 'Bad arguments: {reason}' },
  'cli.usageSubmit': {
    'zh-CN':
      '用法：wdt-bulk submit <文件> [--op 操作] [--sheet 工作表] [--mapping 对应关系.json] [--profile 配置] [--check] [--out 结果文件] [--wait 秒] [--yes] [--include-done] [--lang zh-CN|en] [--json]\n',
    en: 'Usage: wdt-bulk submit <file> [--op operation] [--sheet name] [--mapping map.json] [--profile name] [--check] [--out results.xlsx] [--wait seconds] [--yes] [--include-done] [--lang zh-CN|en] [--json]\n',
  },
  'cli.usageResume': { 'zh-CN': '用法：wdt-bulk resume [任务] [--out 结果文件] [--wait 秒] [--lang zh-CN|en] [--json]\n', en: 'Usage: wdt-bulk resume [job] [--out results.xlsx] [--wait seconds] [--lang zh-CN|en] [--json]\n' },
  'cli.usageJobs': { 'zh-CN': '用法：wdt-bulk jobs [--lang zh-CN|en] [--json]\n', en: 'Usage: wdt-bulk jobs [--lang zh-CN|en] [--json]\n' },
  'cli.usageExport': { 'zh-CN': '用法：wdt-bulk export <任务> --out <结果文件> [--lang zh-CN|en] [--json]\n', en: 'Usage: wdt-bulk export <job> --out <results.xlsx> [--lang zh-CN|en] [--json]\n' },
  'cli.outNotWritable': { 'zh-CN': '无法在文件夹“{folder}”中写入结果工作簿（不存在或没有写入权限）；请换一个 --out 位置', en: 'Cannot write the results workbook in "{folder}" (missing or not writable); choose another --out' },
  'cli.badWait': { 'zh-CN': '--wait 需要 0 到 86400 之间的整数秒数', en: '--wait needs a whole number of seconds between 0 and 86400' },
  'cli.checkOnlyCreate': { 'zh-CN': '--check 只用于 return-create（采购退货单新建）', en: '--check applies to return-create only' },
  'cli.noValidRows': {
    'zh-CN': '“{file}”中没有可提交的行（{invalid} 行校验未通过，{duplicate} 行重复）；用 wdt-bulk validate 查看每个问题',
    en: 'No row of "{file}" can be submitted ({invalid} invalid, {duplicate} duplicate); run wdt-bulk validate to see each problem',
  },
  'cli.confirmPrompt': { 'zh-CN': '确认提交？输入 yes 继续：', en: 'Submit? Type yes to go on: ' },
  'cli.confirmNeedsYes': {
    'zh-CN': '这是正式环境，且没有终端可以确认；确认无误后加 --yes 再运行',
    en: 'This is a production profile and there is no terminal to confirm at; check, then run again with --yes',
  },
  'cli.confirmDeclined': { 'zh-CN': '已取消，未提交任何内容', en: 'Cancelled; nothing was submitted' },
  'cli.jobCreated': { 'zh-CN': '任务 {job}：{operation}，{rows} 行，{orders} 张单据，{calls} 次调用，发往 {profile}（{env}）', en: 'Job {job}: {operation}, {rows} rows, {orders} orders, {calls} calls, to {profile} ({env})' },
  'cli.progress': { 'zh-CN': '进度：{settled}/{rows} 行已确定，尝试 {attempts} 次，失败 {failed}', en: 'Progress: {settled}/{rows} rows settled, {attempts} attempts, {failed} failed' },
  'cli.waitingNetwork': { 'zh-CN': '无法连接 ERP，正在重试（最多等待 {seconds} 秒）…', en: 'ERP unreachable; retrying (for up to {seconds} s)…' },
  'cli.jobDone': {
    'zh-CN': '完成：成功 {succeeded}，失败 {failed}，校验未通过 {invalid}，重复 {duplicate}，未确认 {unknown}，已跳过 {skipped}',
    en: 'Done: {succeeded} succeeded, {failed} failed, {invalid} invalid, {duplicate} duplicate, {unknown} unknown, {skipped} skipped',
  },
  'cli.results': { 'zh-CN': '结果工作簿：{path}', en: 'Results workbook: {path}' },
  'cli.jobWaiting': {
    'zh-CN': '任务 {job} 已保存，尚未完成：{reason}。稍后运行 wdt-bulk resume {job} 继续',
    en: 'Job {job} is stored and not finished: {reason}. Run wdt-bulk resume {job} later to go on',
  },
  'cli.jobInterrupted': { 'zh-CN': '任务 {job} 已停止：{reason}', en: 'Job {job} stopped: {reason}' },
  'cli.jobPaused': { 'zh-CN': '任务 {job} 已暂停；用 wdt-bulk resume {job} 继续', en: 'Job {job} paused; run wdt-bulk resume {job} to go on' },
  'cli.noJobs': { 'zh-CN': '任务库中没有任务', en: 'No jobs in the store' },
  'cli.nothingToResume': { 'zh-CN': '没有需要继续的任务', en: 'No unfinished jobs' },
  'cli.jobLine': { 'zh-CN': '{job}  {state}  {operation}  {created}  {rows} 行  {counts}', en: '{job}  {state}  {operation}  {created}  {rows} rows  {counts}' },
  'cli.skippedBusy': { 'zh-CN': '跳过：{message}', en: 'Skipped: {message}' },
  'cli.interrupted': { 'zh-CN': '收到中断信号：等待在途调用返回后暂停任务…', en: 'Interrupted: pausing the job after the calls in flight answer…' },
});
