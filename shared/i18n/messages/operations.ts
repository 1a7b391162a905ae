// Messages of the 'operations' area: cell and row problems found while normalising and grouping
// rows, and our own wording on call outcomes. Each tells the clerk what to do next.
import { defineMessages } from '../define';

export const operationsMessages = defineMessages({
  'operations.cell.error': {
    'zh-CN': '单元格是错误值 {error}：请修正公式或直接填写正确的值',
    en: 'The cell holds the error {error}: fix the formula or type the value in',
  },
  'operations.cell.noCachedResult': {
    'zh-CN': '公式没有计算结果：请在 Excel/WPS 中打开并保存文件后再导入，或直接填写值',
    en: 'The formula has no calculated result: open and save the file in Excel/WPS, or type the value in',
  },
  'operations.cell.idScientific': {
    'zh-CN': '编号被 Excel 显示成了科学计数法（{text}），已无法还原：请把该列设置为“文本”格式后重新填写',
    en: 'Excel shows this number in scientific notation ({text}) and has lost digits: format the column as Text and type the numbers again',
  },
  'operations.cell.idTooManyDigits': {
    'zh-CN': '编号超过 15 位数字，Excel 无法精确保存（{text}）：请把该列设置为“文本”格式后重新填写',
    en: 'This number has more than 15 digits, which Excel cannot hold exactly ({text}): format the column as Text and type the numbers again',
  },
  'operations.cell.tooLong': {
    'zh-CN': '超过 {max} 个字符（现有 {length} 个）：请缩短到 {max} 个字符以内',
    en: 'More than {max} characters ({length}): shorten it to at most {max}',
  },
  'operations.cell.forbiddenChar': {
    'zh-CN': '不能包含“{char}”（{text}），ERP 会拒绝：请填写完整的值，不要用 {char} 遮盖，或留空',
    en: 'Cannot contain "{char}" ({text}); the ERP refuses it: type the full value without masking it with {char}, or leave it empty',
  },
  'operations.cell.notDecimal': {
    'zh-CN': '不是数字（{text}）：请填写数字，例如 12.5',
    en: 'Not a number ({text}): type a number such as 12.5',
  },
  'operations.cell.percentNotAllowed': {
    'zh-CN': '此列不接受百分号（{text}）：请直接填写数字',
    en: 'This column does not take a percent sign ({text}): type a plain number',
  },
  'operations.cell.percentTooPrecise': {
    'zh-CN': '“{text}”在百分比列中读作 {value}，超过 4 位小数；请最多保留 2 位小数（如 13.25）',
    en: '"{text}" in a percent column reads as {value}, more than 4 decimal places; keep at most 2 decimals (e.g. 13.25)',
  },
  'operations.cell.tooManyDecimals': {
    'zh-CN': '超过 4 位小数（{text}）：请保留最多 4 位小数',
    en: 'More than 4 decimal places ({text}): keep at most 4',
  },
  'operations.cell.negative': {
    'zh-CN': '不能是负数（{text}）：请填写 0 或正数',
    en: 'Cannot be negative ({text}): type 0 or a positive number',
  },
  'operations.cell.notPositive': {
    'zh-CN': '必须大于 0（{text}）：请填写正数',
    en: 'Must be more than 0 ({text}): type a positive number',
  },
  'operations.cell.outOfRange': {
    'zh-CN': '数值过大（{text}）：整数部分最多 15 位',
    en: 'The number is too large ({text}): at most 15 digits before the decimal point',
  },
  'operations.cell.notDate': {
    'zh-CN': '不是有效的日期（{text}）：请填写如 2027-01-01 或 2027-01-01 08:00:00 的日期',
    en: 'Not a valid date ({text}): type a date such as 2027-01-01 or 2027-01-01 08:00:00',
  },
  'operations.cell.notChoice': {
    'zh-CN': '无法识别“{text}”：请填写 {choices} 之一',
    en: 'Cannot understand "{text}": type one of {choices}',
  },
  'operations.row.missingRequired': {
    'zh-CN': '缺少必填项“{column}”：请填写',
    en: 'The required column "{column}" is empty: fill it in',
  },
  'operations.row.duplicate': {
    'zh-CN': '与第 {row} 行的单号 {key} 重复：只提交一次，本行不再提交',
    en: 'Same number {key} as row {row}: it is submitted once, this row is not sent',
  },
  'operations.order.conflict': {
    'zh-CN': '同一单据 {key} 的各行“{column}”填写不一致（{values}）：请统一为一个值，或只在第一行填写',
    en: 'The rows of order {key} disagree on "{column}" ({values}): use one value, or fill it on the first row only',
  },
  'operations.order.sameItem': {
    'zh-CN': '单据 {key} 中商家编码 {spec} 与第 {row} 行重复（批次和有效期也相同），ERP 会拒绝：请合并为一行并把数量相加，或删除多余的行',
    en: 'Order {key} has item {spec} again (as row {row}, same batch and expiry); the ERP refuses it: merge them into one row adding the quantities, or delete the extra row',
  },
  'operations.order.sameItemOtherBatch': {
    'zh-CN': '单据 {key} 中商家编码 {spec} 也在第 {row} 行（批次或有效期不同）。仅当 ERP 允许同一货品按批次/有效期分行时才会成功，否则整张单据会被拒绝；不确定时请先问 ERP 管理员',
    en: 'Order {key} has item {spec} on row {row} too (different batch or expiry). The ERP accepts this only if it allows one item on several lines by batch/expiry, otherwise it refuses the whole order; ask your ERP administrator if unsure',
  },
  'operations.order.otherRowInvalid': {
    'zh-CN': '同一单据 {key} 的其他行有错误（第 {rows} 行）：请先修正那些行，整张单据才会提交',
    en: 'Another row of order {key} is invalid (row {rows}): fix it and the whole order will be submitted',
  },
  'operations.outcome.checkFailed': {
    'zh-CN': '已创建，但审核失败：{reason}。请在 ERP 中处理后再审核，不要重复提交',
    en: 'Created, but the check (审核) failed: {reason}. Fix it in the ERP and check it there; do not submit it again',
  },
  'operations.outcome.checkFailedCancelled': {
    'zh-CN': '审核失败，ERP 已按“审核失败后取消”自动取消了这张退货单；修正原因后可用同一外部单号以外的新单号重新提交',
    en: 'The check (审核) failed and the ERP cancelled the new return, as "cancel if the check fails" asked; fix the reason, then submit it again under a new external number',
  },
  'operations.outcome.unreadable': {
    'zh-CN': 'ERP 已受理调用，但返回内容无法识别：请在 ERP 中查看该单据是否已处理',
    en: 'The ERP accepted the call but its answer could not be understood: check in the ERP whether this document was processed',
  },
  'operations.outcome.notListed': {
    'zh-CN': 'ERP 的返回中既没有成功也没有失败记录此单号：请在 ERP 中查看该单据是否已取消',
    en: 'The ERP answer lists this number neither as done nor as failed: check in the ERP whether it was cancelled',
  },
  'operations.outcome.unexpectedStatus': {
    'zh-CN': 'ERP 返回了未知的结果状态 {status}：请在 ERP 中查看该单据是否已处理',
    en: 'The ERP answered with an unknown result status {status}: check in the ERP whether this document was processed',
  },
  'operations.outcome.refusedNoReason': {
    'zh-CN': 'ERP 拒绝了调用（状态 {status}），没有给出原因：请联系 ERP 管理员',
    en: 'The ERP refused the call (status {status}) without a reason: ask your ERP administrator',
  },
  'operations.infer.byHeaders': {
    'zh-CN': '根据表头 {headers} 识别为“{operation}”',
    en: 'Recognised as "{operation}" from the headers {headers}',
  },
});
