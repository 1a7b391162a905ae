// Messages of the 'jobs' area. Keys are prefixed 'jobs.' so areas never collide.
import { defineMessages } from '../define';

export const jobsMessages = defineMessages({
  // Why a row ended where it did (our words; the ERP's own reasons are kept verbatim beside them)
  'jobs.row.withdrawn': { 'zh-CN': '检查时选择跳过，未发送', en: 'Skipped on review; not sent' },
  'jobs.row.stopped': { 'zh-CN': '任务已停止，此行未发送', en: 'The job was stopped; this row was not sent' },
  'jobs.row.duplicateOf': { 'zh-CN': '与第 {row} 行重复，只提交一次', en: 'Repeats row {row}; submitted once' },
  'jobs.row.orderInvalid': { 'zh-CN': '同一单据的其他行有错误，整单未提交', en: 'Another row of the same order has a problem; the order was not sent' },
  'jobs.reconciled.succeeded': {
    'zh-CN': '应答丢失，已通过查询采购退货单确认成功',
    en: 'The answer was lost; a query of the purchase return confirmed it succeeded',
  },
  'jobs.reconciled.cancelled': {
    'zh-CN': '应答丢失；查询显示该退货单现为“已取消”（若它在本次提交前已取消，ERP 本会拒绝）',
    en: 'The answer was lost; a query shows the return is now cancelled (had it been cancelled before this job, the ERP would have refused)',
  },
  'jobs.unknown.answer': { 'zh-CN': 'ERP 的应答无法判断此单结果', en: "The ERP's answer did not tell this order's outcome" },
  'jobs.unknown.check': {
    'zh-CN': '请在 ERP 中核对单据 {key} 的状态：查询结果无法判断本次操作是否生效',
    en: 'Check document {key} in the ERP: the query could not tell whether this operation took effect',
  },
  'jobs.unknown.queryRefused': {
    'zh-CN': '请在 ERP 中核对单据 {key}：应答丢失，核对查询也被拒绝（{message}）',
    en: 'Check document {key} in the ERP: the answer was lost and the checking query was refused ({message})',
  },
  'jobs.unknown.resendRefused': {
    'zh-CN': '请在 ERP 中核对单据 {key}：第一次提交的应答丢失，重发被拒绝，可能正是第一次已经生效',
    en: 'Check document {key} in the ERP: the first attempt’s answer was lost and the resend was refused, perhaps because the first attempt took effect',
  },
  'jobs.unknown.gaveUp': {
    'zh-CN': '已尝试 {attempts} 次仍无法确认结果，请在 ERP 中核对单据 {key}',
    en: 'Still unconfirmed after {attempts} attempts; check document {key} in the ERP',
  },
  // Why a job waits or stopped
  'jobs.wait.offline': { 'zh-CN': '无法连接 ERP，网络恢复后自动继续', en: 'The ERP cannot be reached; the job goes on when the network returns' },
  'jobs.wait.closed': { 'zh-CN': '程序已关闭，下次启动时自动继续', en: 'The app was closed; the job goes on at the next start' },
  'jobs.wait.inDoubt': {
    'zh-CN': '有已发送但结果未确认的单据，继续任务时会先查询核对',
    en: 'Some sent orders are still unconfirmed; resuming checks them by query first',
  },
  'jobs.interrupted.credentials': {
    'zh-CN': 'ERP 拒绝了凭据（sid、appkey 或密钥），任务已停止；请检查配置后继续',
    en: 'The ERP refused the credentials (sid, appkey or secret); the job stopped. Check the profile, then resume',
  },
  'jobs.interrupted.clock': {
    'zh-CN': '本机时钟与 ERP 相差太大，校正后仍被拒绝；请校准系统时间后继续',
    en: "This computer's clock is too far from the ERP's even after correction; set the system time, then resume",
  },
  'jobs.interrupted.profile': { 'zh-CN': '无法使用此任务的配置：{message}', en: "This job's profile cannot be used: {message}" },
  'jobs.error.notFound': { 'zh-CN': '找不到任务 {job}', en: 'No job {job}' },
  'jobs.error.busy': {
    'zh-CN': '任务 {job} 正在另一个窗口或命令行中运行',
    en: 'Job {job} is running in another window or command line',
  },
  'jobs.error.profileChanged': {
    'zh-CN': '配置“{profile}”现在指向另一个 ERP 账号（{sid}），与任务创建时（{jobSid}）不同；为安全起见不继续',
    en: 'Profile "{profile}" now points at another ERP account ({sid}) than when the job was made ({jobSid}); not going on, to be safe',
  },
});
