// Demo purchase returns: every state appears at least once (cancelled, refused for its state, stopped…),
// plus 60 for demos of batching.
import { seedTime } from './kit';
import { returnStatus, stockoutStatus, type PurchaseReturn } from './purchase-return-model';

function seededReturn(id: number, no: string, status: number, stockout: number, provider = 'P001', warehouse = 'WH001'): PurchaseReturn {
  return {
    return_id: id,
    return_no: no,
    outer_no: no,
    status,
    stockout_status: stockout,
    warehouse_no: warehouse,
    provider_no: provider,
    remark: '',
    created: seedTime(id),
    modified: seedTime(id),
    detail_list: [
      { spec_no: 'SKU-TS-RED-M', goods_name: '纯棉T恤 红色 M', num: '2', price: '35.5', discount: '1', defect: false, remark: '' },
      { spec_no: 'SKU-CAP-01', goods_name: '棒球帽', num: '1.5', price: '12', discount: '0.8', defect: true, remark: '残次' },
    ],
  };
}

export function seedReturns(): PurchaseReturn[] {
  const returns: PurchaseReturn[] = [
    seededReturn(1, 'CR202406010001', returnStatus.editing, stockoutStatus.none),
    seededReturn(2, 'CR202406010002', returnStatus.pendingCheck, stockoutStatus.none),
    seededReturn(3, 'CR202406010003', returnStatus.checked, stockoutStatus.none),
    seededReturn(4, 'CR202406010004', returnStatus.checked, stockoutStatus.partial),
    seededReturn(5, 'CR202406010005', returnStatus.done, stockoutStatus.all),
    seededReturn(6, 'CR202406010006', returnStatus.cancelled, stockoutStatus.none),
    seededReturn(7, 'CR202406010007', returnStatus.checked, stockoutStatus.stopped, 'P002', 'WH002'),
    seededReturn(8, 'CR202406010008', returnStatus.pendingCheck, stockoutStatus.none, 'P002', 'WH002'),
  ];
  // A bulk set for demos of batching: 60 returns, alternating 待审核 and 已审核, none shipped.
  for (let i = 1; i <= 60; i += 1) {
    const no = `CR20240602${String(i).padStart(4, '0')}`;
    returns.push(seededReturn(100 + i, no, i % 2 ? returnStatus.pendingCheck : returnStatus.checked, stockoutStatus.none));
  }
  return returns;
}
