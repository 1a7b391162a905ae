// Every documented response example of the seed pages, served by a real HTTP server and read by the client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAnswer, classifyTransportError, parseAnswer } from '../../../main/wdt/classify';
import { body, clientFor, rawServer } from './helpers';

const seedAnswers: { page: string; text: string; status: number; kind: string }[] = [
  {
    page: 'batchCancelOrder 6.1',
    text: '{"status":0,"data":{"error_info":[{"order_no":"23","message":"采购退货单号不存在"},{"order_no":"412412","message":"采购退货单号不存在"},{"order_no":"CR202211100001","message":"采购退货单不是待审核或者编辑中状态"}],"error_num":3,"status":0}}',
    status: 0,
    kind: 'answered',
  },
  { page: 'batchCancelOrder 6.2', text: '{"status":100,"message":"采购退货单号每次调用不得超过20条或为空"}', status: 100, kind: 'answered' },
  { page: 'pending 6.1', text: '{"status":0,"data":{"error_info":[],"status":0}}', status: 0, kind: 'answered' },
  {
    page: 'pending 6.2',
    text: '{"status":0,"data":{"error_info":[{"order_no":"xxxxxxx","message":"采购退货单号不存在"},{"order_no":"lskdjlkjklj","message":"采购退货单号不存在"}],"status":0}}',
    status: 0,
    kind: 'answered',
  },
  {
    page: 'stockother.In.cancelOrder 6.1',
    text: '{"status":0,"data":{"success_data":["QR3796","QR3795"],"error_data":[{"order_no":"QR3797","err_msg":"单据状态不是编辑中、待审核、已审核，不允许取消"}]}}',
    status: 0,
    kind: 'answered',
  },
  { page: 'createOrder 6.1', text: '{"status":0,"data":{"message":"RH8723238","status":0}}', status: 0, kind: 'answered' },
  { page: 'createOrder 6.2', text: '{"status":100,"message":"仓库不存在"}', status: 100, kind: 'answered' },
  { page: 'stockin.Purchase.cancel 6.1', text: '{"status":0}', status: 0, kind: 'answered' },
  { page: 'stockin.Purchase.cancel 6.2', text: '{"status":100,"message":"入库单状态不为编辑中"}', status: 100, kind: 'answered' },
  { page: 'rate limit', text: '{"status":100,"message":"超过每分钟最大调用频率限制，请稍后重试"}', status: 100, kind: 'rate-limited' },
  { page: 'concurrency limit', text: '{"status":100,"message":"超过每分钟最大并发次数限制，请稍后重试"}', status: 100, kind: 'rate-limited' },
];

describe('seed page answers through the client', () => {
  let server: Awaited<ReturnType<typeof rawServer>>;
  let next = '';
  beforeAll(async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(next);
    });
  });
  afterAll(() => server.close());

  for (const example of seedAnswers) {
    it(`reads ${example.page}`, async () => {
      next = example.text;
      const result = await clientFor(server).call({ method: 'purchase.PurchaseReturn.pending', body: body(['CR1']) });
      expect(result.kind).toBe(example.kind);
      expect(result.httpStatus).toBe(200);
      if (result.kind === 'answered') expect(result.erp).toEqual(JSON.parse(example.text));
    });
  }
});

describe('classification rules', () => {
  // The vendor's table (错误码说明), one row per code and message class: the code decides first.
  const table: [number, string, string, string?][] = [
    [0, '签名', 'answered'],
    [1, '验证失败', 'credentials-refused', 'secret'],
    [1, 'app auth fail', 'credentials-refused', 'appkey'],
    [1, 'sid is not exists', 'credentials-refused', 'sid'],
    [1, 'sid is not found', 'credentials-refused', 'sid'],
    [1, '参数错误', 'request-refused'],
    [1, '参数个数错误', 'request-refused'],
    [1, 'invalid argument count', 'request-refused'],
    [1, 'argument type mismatch', 'request-refused'],
    [1, 'For input string: "1665947116495"', 'request-refused'],
    [1, 'something new', 'credentials-refused', 'other'],
    [2, 'shop_no', 'request-refused'],
    [3, '需要动态口令', 'credentials-refused', 'dynamic-password'],
    [4, '数据库错误', 'unknown'],
    [5, '数据库错误', 'unknown'],
    [6, 'ip限制', 'credentials-refused', 'ip'],
    [7, '时间戳错误', 'timestamp-refused'],
    [8, '版本错误', 'request-refused'],
    [99, '其他错误', 'unknown'],
    [100, '超过每分钟最大调用频率限制，请稍后重试', 'rate-limited'],
    [100, '超过每分钟最大并发次数限制，请稍后重试', 'rate-limited'],
    [100, '权限不足', 'credentials-refused', 'permission'],
    [100, '此方法仅支持分页查询：purchase.PurchaseReturn.queryWithDetail', 'request-refused'],
    [100, '无仓库访问权限', 'answered'],
    [100, '新建订单权限不足！', 'answered'],
    [100, '签名错误', 'answered'],
    [100, '时间戳(timestamp)与服务器时间相差超过120秒', 'answered'],
    [100, '此外部单已使用!', 'answered'],
    [100, '采购退货单号不存在', 'answered'],
  ];
  it.each(table)('status %i %s → %s %s', (status, message, kind, refusal) => {
    const got = classifyAnswer({ status, message });
    expect(got.kind).toBe(kind);
    if (refusal) expect(got).toMatchObject({ refusal });
  });

  it('parses only JSON with a numeric status', () => {
    expect(parseAnswer('<html>')).toBeNull();
    expect(parseAnswer('{"status":"0"}')).toBeNull();
    expect(parseAnswer('[1]')).toBeNull();
    expect(parseAnswer('{"status":0,"extra":1}')).toEqual({ status: 0 });
  });

  it('calls a failure not-sent only when every cause happened before connecting', () => {
    const refused = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    expect(classifyTransportError(new AggregateError([refused, refused])).kind).toBe('not-sent');
    expect(classifyTransportError(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' })).kind).toBe('unknown');
    expect(classifyTransportError(new Error('no code')).kind).toBe('unknown');
  });
});
