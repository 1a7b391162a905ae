// A process that commits without pause while the checkpoint thread (main/jobs/checkpointer.ts) checkpoints every
// 5 ms, for checkpointer.test.ts to kill -9: it prints each commit's count once the commit has returned (and
// the checkpoints the thread ran so far), and 'ready' once the thread checkpoints for it. Run: node --import tsx checkpoint-child.ts <store file> <worker>.
import { Checkpointer } from '../../../main/jobs/checkpointer';
import { immediate, openJobDatabase } from '../../../main/jobs/database';

const [file, workerPath] = process.argv.slice(2) as [string, string];
const db = openJobDatabase(file);
db.exec('CREATE TABLE IF NOT EXISTS ticks (n INTEGER PRIMARY KEY, pad TEXT NOT NULL)');
const checkpoints = Checkpointer.start(db, { workerPath, everyMs: 5 });
if (!(await checkpoints?.ready)) throw new Error('the checkpoint thread did not start');
process.stdout.write('ready\n');
const insert = db.prepare('INSERT INTO ticks (n, pad) VALUES (?, ?)');
let n = (db.prepare('SELECT COALESCE(MAX(n), 0) AS n FROM ticks').get() as { n: number }).n;
// Each commit a few pages, so the WAL grows and the thread always has frames to copy.
for (;;) {
  immediate(db, () => {
    for (let i = 0; i < 20; i++) insert.run(++n, 'x'.repeat(400));
  });
  process.stdout.write(`${n} ${checkpoints!.reports.length}\n`); // the latest 64 at most: > 0 once it checkpointed
  await new Promise((r) => setImmediate(r));
}
