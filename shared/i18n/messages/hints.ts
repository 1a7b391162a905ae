// Messages of the 'hints' area: what a clerk can do about a refusal the ERP is known to give (see
// shared/operations/erp-hints.ts). Plain words, an action first; where the ERP has a setting, its menu path.
import { defineMessages } from '../define';

export const hintsMessages = defineMessages({
  'hints.outerNoUsed': {
    'zh-CN': '这个外部单号在 ERP 里已经有单据了（可能之前已经提交成功）。先在 ERP 里按这个单号查一下；如果确实是另一张新退货单，换一个外部单号再提交。',
    en: 'The ERP already has a document with this external number (perhaps it was submitted before). Look it up in the ERP first; if this really is another return, give it a new external number and submit again.',
  },
  'hints.outerNoTooLong': {
    'zh-CN': '外部单号太长：最多 20 个字符，缩短后再提交。',
    en: 'The external number is too long: at most 20 characters. Shorten it and submit again.',
  },
  'hints.discountZero': {
    'zh-CN': '折扣必须大于 0：不打折填 1 或留空，八折填 0.8。',
    en: 'The discount must be more than 0: for no discount type 1 or leave it empty; 20 % off is 0.8.',
  },
  'hints.quantityInvalid': {
    'zh-CN': 'ERP 不接受这个数量。数量必须大于 0；如果是小数数量，需要旺店通实施人员在“实施助手”里开启小数支持，或改成整数。',
    en: 'The ERP does not accept this quantity. It must be more than 0; for fractional quantities your WDT implementation contact must turn on decimal support, or use whole numbers.',
  },
  'hints.sameItemSameBatch': {
    'zh-CN': '同一张单据里有商家编码、货位、批次、有效期都相同的几行：合并成一行（数量相加）后再提交。',
    en: 'The order has several lines with the same item, location, batch and expiry: merge them into one line (adding the quantities) and submit again.',
  },
  'hints.sameItemList': {
    'zh-CN': '同一张单据里同一个商家编码出现了多行：合并成一行（数量相加）后再提交。如果确实要按不同批次/有效期分行，请 ERP 管理员在 设置 → 系统设置 → 仓库 中勾选“允许添加相同的货品（货位、批次、有效期不同）”。',
    en: 'The order lists the same item on several lines: merge them into one line (adding the quantities) and submit again. If the lines really are different batches/expiry dates, ask your ERP administrator to allow the same item on several lines (Settings → System settings → Warehouse).',
  },
  'hints.itemMissingOrRepeated': {
    'zh-CN': '单据里有 ERP 找不到的商家编码，或同一商家编码出现了多行：核对商家编码，重复的行合并成一行。',
    en: 'The order has an item code the ERP does not know, or the same item on several lines: check the item codes and merge repeated lines.',
  },
  'hints.itemRepeated': {
    'zh-CN': '货品 {item} 在同一张单据里出现了多次：合并成一行（数量相加）后再提交。',
    en: 'Item {item} appears more than once in the same order: merge the lines into one (adding the quantities) and submit again.',
  },
  'hints.phoneAsterisk': {
    'zh-CN': '联系电话里有 *（被遮盖的号码）：填写完整的号码，或留空使用供应商的默认电话。',
    en: 'The phone number contains * (a masked number): type the full number, or leave it empty to use the supplier’s default.',
  },
  'hints.notSupplierItem': {
    'zh-CN': '有货品不是这个供应商提供的：在 ERP 的 采购 → 供应商货品 中为该供应商添加这些货品，或核对供应商编号。如果不需要这项校验，ERP 管理员可在 设置 → 系统设置 → 采购设置 中取消“采购退货开单，添加货品时校验供应商”。',
    en: 'Some items are not supplied by this supplier: add them to the supplier’s items in the ERP (Purchasing → Supplier items), or check the supplier code. If this check is not wanted, an ERP administrator can turn off "check the supplier when adding items to a purchase return" (Settings → System settings → Purchasing).',
  },
  'hints.batchMissing': {
    'zh-CN': '批次 {batch} 在 ERP 里不存在或已停用：核对批次号，或先在 ERP 的 仓储 → 批次有效期管理 → 批次管理 中建立或启用该批次。',
    en: 'Batch {batch} does not exist in the ERP or is disabled: check the batch number, or create/enable it first in the ERP (Warehousing → Batch and expiry → Batches).',
  },
  'hints.batchExpiryRequired': {
    'zh-CN': 'ERP 要求填写批次和有效期：补填“批次号”和“有效期”两列后再提交（该要求在 ERP 的 设置 → 系统设置 → 仓库 中配置）。',
    en: 'The ERP requires a batch and an expiry date: fill in the "Batch no." and "Expiry date" columns and submit again (the ERP sets this in Settings → System settings → Warehouse).',
  },
  'hints.unparseableDate': {
    'zh-CN': 'ERP 看不懂这个日期：有效期请写成 2027-01-01 或 2027-01-01 00:00:00 的形式。',
    en: 'The ERP cannot read this date: write the expiry date as 2027-01-01 or 2027-01-01 00:00:00.',
  },
  'hints.dataTooLong': {
    'zh-CN': '有一项内容超出了 ERP 的长度限制（ERP 字段 {column}）：缩短这一项后再提交。',
    en: 'A value is longer than the ERP allows (ERP field {column}): shorten it and submit again.',
  },
  'hints.returnNotCancellable': {
    'zh-CN': '这张退货单已经不是“编辑中”或“待审核”（可能已审核、已出库或已取消）：在 ERP 里查看它的状态；已取消的不用再处理，已出库的需要在 ERP 中另行处理。',
    en: 'This return is no longer being edited or awaiting check (it may be checked, shipped out or already cancelled): look at its state in the ERP; a cancelled one needs nothing more, a shipped one must be handled in the ERP.',
  },
  'hints.returnMissing': {
    'zh-CN': 'ERP 里找不到这个采购退货单号：核对单号（多余的空格、少一位），并确认使用的是正确的账号和环境（测试/正式）。',
    en: 'The ERP has no purchase return with this number: check the number (extra spaces, a missing digit) and that you use the right account and environment (test/production).',
  },
  'hints.stockinNotEditing': {
    'zh-CN': '只有“编辑中”的采购入库单可以取消：这张单据可能已审核或已取消，请在 ERP 里查看它的状态。',
    en: 'Only purchase stock-ins that are being edited can be cancelled: this one may be checked or already cancelled; look at its state in the ERP.',
  },
  'hints.documentMissing': {
    'zh-CN': 'ERP 里找不到这张单据（或它已被取消）：核对单号，并确认使用的是正确的账号和环境（测试/正式）。',
    en: 'The ERP cannot find this document (or it has been cancelled): check the number and that you use the right account and environment (test/production).',
  },
  'hints.warehouseMissing': {
    'zh-CN': 'ERP 里没有这个仓库编码：在 ERP 的仓库设置中核对编码（注意大小写和空格）后再提交。',
    en: 'The ERP has no warehouse with this code: check the code in the ERP’s warehouse settings (case and spaces matter) and submit again.',
  },
  'hints.noWarehouseRight': {
    'zh-CN': '接口账号没有这个仓库的权限：请 ERP 管理员在 设置 → 安全设置 → 员工权限 中搜索接口账号（员工编号即 appkey），为它开通该仓库。',
    en: 'The API account has no rights on this warehouse: ask your ERP administrator to grant it (Settings → Security → Employee rights; the employee number is the appkey).',
  },
  'hints.methodNotGranted': {
    'zh-CN': '这个应用（appkey）还没有开通该接口的权限：核对 sid、appkey 和地址；都正确的话，在旺店通开放平台 自助对接 → 应用管理 中为该接口申请权限。',
    en: 'This app (appkey) has not been granted this API method: check the sid, appkey and address; if they are right, apply for the method on the WDT open platform (Self-service → App management).',
  },
});
