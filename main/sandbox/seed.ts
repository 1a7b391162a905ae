// Deterministic demo data: every document state appears at least once, so a demo or a test can
// show every outcome (created, check failed, cancelled, refused for its state, not found, -1 rule).
import { otherInStatus, returnStatus, stockinStatus, stockoutStatus, type PurchaseReturn, type SandboxData } from './model';

const specs = [
  { spec_no: 'SKU-TS-RED-M', goods_name: '纯棉T恤 红色 M' },
  { spec_no: 'SKU-TS-RED-L', goods_name: '纯棉T恤 红色 L' },
  { spec_no: 'SKU-TS-BLU-M', goods_name: '纯棉T恤 蓝色 M' },
  { spec_no: 'SKU-JK-BLK-XL', goods_name: '夹克 黑色 XL' },
  { spec_no: 'SKU-CAP-01', goods_name: '棒球帽' },
  { spec_no: 'SKU-BAG-02', goods_name: '帆布包' },
  { spec_no: 'SKU-SOCK-03', goods_name: '运动袜（三双装）' },
  { spec_no: 'SKU-000123', goods_name: '编码以零开头的货品' },
  // The seed pages' own examples, so their request bodies work as written.
  { spec_no: 'xiaowanzi', goods_name: '小丸子（文档示例）' },
  { spec_no: 'daba1', goods_name: '大坝（文档示例）' },
];

/** Seeded documents were last changed on 2024-06-01 (China time), in order. */
const seedTime = (minute: number) => {
  const base = Date.UTC(2024, 5, 1, 2, 0, 0); // 10:00 China time
  return new Date(base + minute * 60_000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
};

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

export function seedData(): SandboxData {
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
  const otherIns: SandboxData['otherIns'] = [
    { order_no: 'QR3795', status: otherInStatus.pendingCheck, warehouse_no: 'WH001', modified: seedTime(30) },
    { order_no: 'QR3796', status: otherInStatus.editing, warehouse_no: 'WH001', modified: seedTime(30) },
    { order_no: 'QR3797', status: otherInStatus.done, warehouse_no: 'WH001', modified: seedTime(30) },
    { order_no: 'QR3798', status: otherInStatus.checked, warehouse_no: 'WH001', modified: seedTime(30) },
    // The -1 rule: 'QR3799' (without suffix) cancels 'QR3799-1'; pushed-to-WMS -1 documents too.
    { order_no: 'QR3799-1', status: otherInStatus.pendingCheck, warehouse_no: 'WH001', modified: seedTime(30) },
    { order_no: 'QR3800-1', status: otherInStatus.pushedToWms, warehouse_no: 'WH002', modified: seedTime(30) },
    { order_no: 'QR3801', status: otherInStatus.cancelled, warehouse_no: 'WH001', modified: seedTime(30) },
    { order_no: 'QR3802', status: otherInStatus.pushedToWms, warehouse_no: 'WH002', modified: seedTime(30) },
  ];
  for (let i = 1; i <= 40; i += 1) {
    otherIns.push({ order_no: `QR4${String(i).padStart(3, '0')}`, status: otherInStatus.pendingCheck, warehouse_no: 'WH001', modified: seedTime(30) });
  }
  const stockins: SandboxData['stockins'] = [
    { stockin_no: 'RK2006030008', status: stockinStatus.editing, warehouse_no: 'WH001', provider_no: 'P001', modified: seedTime(40) },
    { stockin_no: 'RK2006030009', status: stockinStatus.done, warehouse_no: 'WH001', provider_no: 'P001', modified: seedTime(40) },
    { stockin_no: 'RK2006030010', status: stockinStatus.cancelled, warehouse_no: 'WH001', provider_no: 'P002', modified: seedTime(40) },
    { stockin_no: 'RK2006030011', status: stockinStatus.pendingCheck, warehouse_no: 'WH002', provider_no: 'P002', modified: seedTime(40) },
  ];
  for (let i = 1; i <= 30; i += 1) {
    stockins.push({ stockin_no: `RK2406${String(i).padStart(6, '0')}`, status: stockinStatus.editing, warehouse_no: 'WH001', provider_no: 'P001', modified: seedTime(40) });
  }
  return {
    warehouses: [
      { warehouse_no: 'WH001', name: '上海主仓' },
      { warehouse_no: 'WH002', name: '北京仓' },
      { warehouse_no: 'wdtapi3-test', name: '接口测试仓（文档示例）' },
      { warehouse_no: 'WH-LOCKED', name: '接口账号无权限的仓库', noAccess: true },
    ],
    providers: [
      { provider_no: 'P001', name: '华东纺织有限公司' },
      { provider_no: 'P002', name: '宏达服饰配件厂' },
      { provider_no: 'LJTest', name: '测试供应商（文档示例）' },
      // Seeded check failure: an is_check create with this provider answers data.status 20 审核失败.
      { provider_no: 'P-STOPPED', name: '已停用供应商', checkFails: '审核失败：供应商已停用' },
    ],
    specs,
    returns,
    otherIns,
    stockins,
    createAttempts: {},
    nextReturnId: 1000,
  };
}
