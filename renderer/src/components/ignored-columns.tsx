// The columns the app could not place, said on the review and the submit screen alike: a clerk must
// never learn from the results that a 单价（元） column was not sent.
import { useApp, useT } from '../hooks/use-app';

export function IgnoredColumns({ columns }: { columns: readonly string[] }) {
  const { lang } = useApp();
  const tr = useT();
  if (columns.length === 0) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="ignored-columns">
      {tr('ui.review.ignoredColumns', { columns: columns.join(lang === 'zh-CN' ? '、' : ', ') })}
    </div>
  );
}
