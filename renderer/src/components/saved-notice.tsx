// Where a saved file went: its full path, and "Open" / "Show in folder" when the caller can do them.
// In browser mode (the dev/test host) the file sits on the computer running the app, which it says.
// It sits in a line of its own that is always there, so appearing never pushes a table down.
import type { SavedFile } from '../../../shared/contract';
import { useT } from '../hooks/use-app';

interface Props {
  saved: SavedFile | null;
  browser: boolean;
  onOpen?(): void;
  onReveal?(): void;
  testId?: string;
}

export function SavedNotice({ saved, browser, onOpen, onReveal, testId }: Props) {
  const tr = useT();
  const path = saved?.saved ? saved.path : null;
  return (
    <div className="saved-line" role="status">
      {path && (
        <>
          <span className="ok-text saved-path" data-testid={testId} title={path}>
            {tr(browser ? 'ui.results.savedBrowser' : 'ui.results.savedPath', { path })}
          </span>
          {onOpen && (
            <button type="button" className="link" onClick={onOpen} data-testid={testId ? `${testId}-open` : undefined}>
              {tr('ui.results.openFile')}
            </button>
          )}
          {onReveal && (
            <button type="button" className="link" onClick={onReveal} data-testid={testId ? `${testId}-reveal` : undefined}>
              {tr('ui.results.reveal')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
