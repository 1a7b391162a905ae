// Reading the app secret from standard input: never from an argument, where it would show in the
// process list and the shell history. At a terminal, prompt without echo; otherwise read a piped line.
type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** The first line of a piped stdin, without its line ending. Reads to the end so the writer never blocks. */
export async function readPipedLine(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

/** Prompts on `output` and reads one line from a terminal in raw mode, echoing nothing. Resolves null on Ctrl-C / Ctrl-D. */
export function promptHidden(input: Input, output: NodeJS.WritableStream, prompt: string): Promise<string | null> {
  const setRaw = input.setRawMode?.bind(input);
  output.write(prompt);
  return new Promise((resolve) => {
    let value = '';
    const finish = (result: string | null) => {
      input.removeListener('data', onData);
      setRaw?.(false);
      input.pause();
      output.write('\n');
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(value.trim());
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    setRaw?.(true);
    input.on('data', onData);
    input.resume();
  });
}

/** The app secret from stdin: hidden prompt at a terminal, else the first piped line. Null when the person gave up. */
export async function readAppSecret(input: Input, output: NodeJS.WritableStream, prompt: string): Promise<string | null> {
  if (input.isTTY) return promptHidden(input, output, prompt);
  return readPipedLine(input);
}
