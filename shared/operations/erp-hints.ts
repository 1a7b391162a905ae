// What a clerk can do about the ERP's known refusals (issue 12 item 7). Each entry is a pattern over the
// vendor's message — the messages listed in wdt-protocol.md and on the vendor's error-code page — and our
// plain-words hint (shared/i18n/messages/hints.ts). This explains a message; it never decides an outcome:
// the state of a row is decided by status codes and the answer's structure elsewhere. A message that
// matches no pattern gets no hint rather than a guess.
import type { LocalizedText, MessageKey } from '../i18n';

interface HintRule {
  /** Matched against the ERP's message, trimmed. Named groups become the hint's parameters. */
  pattern: RegExp;
  key: MessageKey;
}

// More specific patterns first: the first match wins.
const rules: readonly HintRule[] = [
  { pattern: /此外部单已使用/, key: 'hints.outerNoUsed' },
  { pattern: /外部单号超长/, key: 'hints.outerNoTooLong' },
  { pattern: /折扣应大于\s*0/, key: 'hints.discountZero' },
  { pattern: /数量不合法/, key: 'hints.quantityInvalid' },
  { pattern: /货品列表中有相同商家编码、货位、批次、有效期的货品/, key: 'hints.sameItemSameBatch' },
  { pattern: /货品列表中有相同商家编码的货品/, key: 'hints.sameItemList' },
  { pattern: /货品列表中货品不存在或者货品重复/, key: 'hints.itemMissingOrRepeated' },
  { pattern: /货品\s*(?<item>\S(?:.*\S)?)\s*重复/, key: 'hints.itemRepeated' },
  { pattern: /电话号码不能包含\s*\*/, key: 'hints.phoneAsterisk' },
  { pattern: /存在不是该供应商提供的货品/, key: 'hints.notSupplierItem' },
  { pattern: /批次\s*(?<batch>\S(?:.*\S)?)\s*不存在或已停用/, key: 'hints.batchMissing' },
  { pattern: /批次、有效期必传/, key: 'hints.batchExpiryRequired' },
  { pattern: /Unparseable date/i, key: 'hints.unparseableDate' },
  { pattern: /Data too long for column\s*'?(?<column>[\w.]+)'?/i, key: 'hints.dataTooLong' },
  { pattern: /采购退货单不是待审核或者编辑中状态/, key: 'hints.returnNotCancellable' },
  // The vendor's page says 采购退货单不存在; the same fact is also worded 采购退货单号不存在.
  { pattern: /采购退货单号?不存在/, key: 'hints.returnMissing' },
  { pattern: /入库单状态不为编辑中/, key: 'hints.stockinNotEditing' },
  { pattern: /^单据不存在/, key: 'hints.documentMissing' },
  { pattern: /仓库不存在/, key: 'hints.warehouseMissing' },
  { pattern: /无仓库访问权限/, key: 'hints.noWarehouseRight' },
  // Exactly 权限不足: "新建订单权限不足！" is another (employee-rights) message.
  { pattern: /^权限不足[!！。.]?$/, key: 'hints.methodNotGranted' },
];

/** The hint for an ERP message, or null when the message is not one we know. */
export function hintFor(erpMessage: string | null | undefined): LocalizedText | null {
  const message = erpMessage?.trim();
  if (!message) return null;
  for (const rule of rules) {
    const hit = rule.pattern.exec(message);
    if (!hit) continue;
    const groups = hit.groups;
    return groups ? { key: rule.key, params: { ...groups } } : { key: rule.key };
  }
  return null;
}
