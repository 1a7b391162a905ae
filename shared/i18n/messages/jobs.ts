// Messages of the 'jobs' area. Keys are prefixed 'jobs.' so areas never collide.
import { defineMessages } from '../define';

export const jobsMessages = defineMessages({
  // Why a row ended where it did (our words; the ERP's own reasons are kept verbatim beside them)
  'jobs.row.withdrawn': { 'zh-CN': '检查时选择跳过，未发送', en: 'Skipped on review; not sent' },
  'jobs.row.stopped': { 'zh-CN': '任务已停止，此行未发送', en: 'The job was stopped; this row was not sent' },
  // A pending row in a job that has not ended (stopped, paused, waiting): never sent, or sent and not yet settled.
  'jobs.row.notSent': {
    'zh-CN': '此行尚未发送。在任务列表中继续该任务即可发送；或用“失败”表修改后重新导入（二者只选其一，以免重复提交）',
    en: 'This row has not been sent yet. Resume the job in the jobs list to send it, or fix and re-import it from the To fix sheet (one or the other, not both, or it is sent twice)',
  },
  'jobs.row.awaitingAnswer': {
    'zh-CN': '已发送，ERP 的结果尚未确认。继续该任务后，应用会先向 ERP 查询此行的结果；在此之前请勿重新提交',
    en: "Sent; the ERP's result is not confirmed yet. Resume the job and the app first asks the ERP what became of it; do not submit it again before then",
  },
  'jobs.row.duplicateOf': { 'zh-CN': '与第 {row} 行重复，只提交一次', en: 'Repeats row {row}; submitted once' },
  'jobs.row.warnings': { 'zh-CN': '提醒（提交前已提示，仍已提交）：{text}', en: 'Warning (shown before sending; sent anyway): {text}' },
  'jobs.row.orderInvalid': { 'zh-CN': '同一单据的其他行有错误，整单未提交', en: 'Another row of the same order has a problem; the order was not sent' },
  // Reconciliation by query: who did it, by the document's last change against our first send (ERP clock, China time)
  'jobs.reconciled.created': {
    'zh-CN': '应答丢失；查询确认单据 {key} 已于 {time} 创建，晚于本次首次发送，确认为本次创建',
    en: 'The answer was lost; a query shows document {key} was created at {time}, after this job first sent it: created by this job',
  },
  'jobs.reconciled.cancelled': {
    'zh-CN': '应答丢失；查询显示单据 {key} 于 {time} 取消，晚于本次首次发送，确认为本次取消',
    en: 'The answer was lost; a query shows document {key} was cancelled at {time}, after this job first sent it: cancelled by this job',
  },
  'jobs.reconciled.stopped': {
    'zh-CN': '应答丢失；查询显示单据 {key} 于 {time} 停止出库，晚于本次首次发送，确认为本次操作',
    en: 'The answer was lost; a query shows document {key} stopped waiting at {time}, after this job first sent it: done by this job',
  },
  'jobs.reconciled.alreadyCreated': {
    'zh-CN': '单据 {key} 在本次首次发送（{sent}）之前就已存在（创建于 {since}），不是本次创建的',
    en: 'Document {key} already existed before this job first sent it ({sent}); it was created at {since}, not by this job',
  },
  'jobs.reconciled.alreadyCancelled': {
    'zh-CN': '单据 {key} 在本次首次发送（{sent}）之前就已是“已取消”（自 {since} 起），不是本次取消的',
    en: 'Document {key} was already cancelled before this job first sent it ({sent}): it has been so since {since}, not by this job',
  },
  'jobs.reconciled.alreadyStopped': {
    'zh-CN': '单据 {key} 在本次首次发送（{sent}）之前就已是“停止出库”（自 {since} 起），不是本次操作的',
    en: 'Document {key} had already stopped waiting before this job first sent it ({sent}): it has been so since {since}, not by this job',
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
  // Kept for jobs stored before refusals named what to fix (wdt.refused.*): their reason still renders.
  'jobs.interrupted.credentials': {
    'zh-CN': 'ERP 拒绝了凭据（sid、appkey 或密钥），任务已停止；请检查配置后继续',
    en: 'The ERP refused the credentials (sid, appkey or secret); the job stopped. Check the profile, then resume',
  },
  'jobs.interrupted.clock': {
    'zh-CN': '本机时钟与 ERP 相差太大，校正后仍被拒绝；请校准系统时间后继续',
    en: "This computer's clock is too far from the ERP's even after correction; set the system time, then resume",
  },
  'jobs.interrupted.stopped': {
    'zh-CN': '您停止了此任务：未发送的行仍待发送，点“继续”即可发送',
    en: 'You stopped this job: the rows not sent yet are still waiting; press Resume to send them',
  },
  'jobs.interrupted.profile': { 'zh-CN': '无法使用此任务的配置：{message}', en: "This job's profile cannot be used: {message}" },
  // The job store itself failed (main/jobs/store-failure.ts): the folder, the reason, what to do.
  'jobs.store.full': {
    'zh-CN': '磁盘已满：数据文件夹 {folder} 中的任务库无法写入（{code}）。已记录的内容不会丢失；请腾出磁盘空间后继续任务（wdt-bulk resume）。',
    en: 'Disk full: the job store in the data folder {folder} cannot be written ({code}). Nothing recorded is lost; free some disk space, then resume the job (wdt-bulk resume).',
  },
  'jobs.store.readOnly': {
    'zh-CN': '数据文件夹 {folder} 不可写（{code}）。已记录的内容不会丢失；请让当前用户可以写入该文件夹后继续任务（wdt-bulk resume）。',
    en: 'The data folder {folder} cannot be written ({code}). Nothing recorded is lost; make the folder writable for this user, then resume the job (wdt-bulk resume).',
  },
  'jobs.store.corrupt': {
    'zh-CN': '数据文件夹 {folder} 中的任务库 jobs.sqlite 已损坏（{code}）。请先备份该文件夹，再联系支持人员；不要删除该文件。',
    en: 'The job store jobs.sqlite in the data folder {folder} is damaged ({code}). Back up the folder first and contact support; do not delete the file.',
  },
  'jobs.store.busy': {
    'zh-CN': '数据文件夹 {folder} 中的任务库被另一个程序长时间锁定（{code}）。请关闭其他 wdt-bulk 窗口或命令后继续任务（wdt-bulk resume）。',
    en: 'The job store in the data folder {folder} is locked by another program ({code}). Close other wdt-bulk windows or commands, then resume the job (wdt-bulk resume).',
  },
  'jobs.store.io': {
    'zh-CN': '读写数据文件夹 {folder} 中的任务库时出错（{code}）。已记录的内容不会丢失；请检查磁盘后继续任务（wdt-bulk resume）。',
    en: 'Reading or writing the job store in the data folder {folder} failed ({code}). Nothing recorded is lost; check the disk, then resume the job (wdt-bulk resume).',
  },
  'jobs.store.newer': {
    'zh-CN': '数据文件夹 {folder} 中的任务库由更新版本的 wdt-bulk 写入（结构版本 {found}，本程序只认识到 {known}）。为保护数据，本程序不会打开它：请使用更新版本，或用 WDT_BULK_HOME 指定另一个数据文件夹。',
    en: 'The job store in the data folder {folder} was written by a newer wdt-bulk (schema {found}; this build knows up to {known}). To protect it, this build will not open it: use the newer version, or choose another data folder with WDT_BULK_HOME.',
  },
  'jobs.interrupted.internal': {
    'zh-CN': '程序内部错误，任务已中断：{message}。详情见数据文件夹中的日志；已记录的内容不会丢失，可以继续任务。',
    en: 'An internal error interrupted the job: {message}. Details are in the log in the data folder; nothing recorded is lost and the job can be resumed.',
  },
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
