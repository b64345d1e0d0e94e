// OpenQASM 2.0 out (copy, download) and in (paste or a file). An import that does not parse
// shows the parser's line and column and leaves the circuit as it was.
import { type Circuit, parseQasm, QasmError } from '@alawein/quantum';
import { LIMITS, utf8Bytes } from '@alawein/qmlab-domain';
import { Button, Field, Textarea } from '@alawein/ui';
import { useId, useState } from 'react';
import { MAX_BUILDER_QUBITS } from '../lib/draft.ts';

export interface QasmPanelProps {
  qasm: string;
  fileName: string;
  onImport: (circuit: Circuit, source: string) => void;
}

export interface ImportProblem {
  message: string;
  line?: number;
  column?: number;
}

/** Parses QASM for the builder; a problem says where, in the parser's words. */
export function readQasm(text: string): { circuit: Circuit } | { problem: ImportProblem } {
  if (utf8Bytes(text) > LIMITS.qasmBytes) {
    return { problem: { message: `The file is larger than ${LIMITS.qasmBytes / 1000} kB.` } };
  }
  try {
    const circuit = parseQasm(text);
    if (circuit.numQubits > MAX_BUILDER_QUBITS) {
      return {
        problem: {
          message: `This circuit has ${circuit.numQubits} qubits; the builder holds up to ${MAX_BUILDER_QUBITS}.`,
        },
      };
    }
    return { circuit };
  } catch (error) {
    if (error instanceof QasmError) {
      return { problem: { message: error.message, line: error.line, column: error.column } };
    }
    return { problem: { message: error instanceof Error ? error.message : String(error) } };
  }
}

export function QasmPanel({ qasm, fileName, onImport }: QasmPanelProps) {
  const id = useId();
  const [source, setSource] = useState('');
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const importText = (text: string) => {
    const read = readQasm(text);
    if ('problem' in read) {
      setProblem(read.problem);
      return;
    }
    setProblem(null);
    setSource('');
    onImport(read.circuit, text);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(qasm);
      setCopied('Copied the QASM to the clipboard.');
    } catch {
      setCopied('The browser did not allow copying: select the text and copy it instead.');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([qasm], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="flex flex-col gap-2">
        <Field label="OpenQASM 2.0 of this circuit">
          <Textarea
            readOnly
            value={qasm}
            rows={10}
            className="font-mono text-sm"
            data-testid="qasm-export"
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={() => void copy()}>
            Copy QASM
          </Button>
          <Button size="sm" variant="secondary" onClick={download} data-testid="qasm-download">
            Download .qasm
          </Button>
        </div>
        <p role="status" className="text-sm text-muted-fg">
          {copied}
        </p>
      </div>
      <div className="flex flex-col gap-2">
        <Field
          label="Import OpenQASM 2.0"
          hint="Paste a program, or choose a .qasm file. It replaces the circuit (Undo brings it back)."
        >
          <Textarea
            value={source}
            rows={10}
            className="font-mono text-sm"
            onChange={(event) => setSource(event.target.value)}
            data-testid="qasm-import"
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" onClick={() => importText(source)} disabled={source.trim() === ''}>
            Import
          </Button>
          <label htmlFor={`${id}-file`} className="text-sm font-medium">
            or a file:
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".qasm,text/plain"
            className="text-sm"
            data-testid="qasm-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              if (file.size > LIMITS.qasmBytes) {
                setProblem({ message: `The file is larger than ${LIMITS.qasmBytes / 1000} kB.` });
                return;
              }
              void file.text().then((text) => {
                setSource(text);
                importText(text);
              });
            }}
          />
        </div>
        {problem && (
          <div
            role="alert"
            className="rounded-md border border-danger p-3 text-sm"
            data-testid="qasm-error"
          >
            <p className="font-semibold">The QASM could not be imported.</p>
            <p>{problem.message}</p>
            {problem.line !== undefined && (
              <pre
                className="mt-2 overflow-x-auto font-mono text-xs"
                aria-label={`Line ${problem.line} of the program`}
              >
                {(source.split('\n')[problem.line - 1] ?? '') +
                  '\n' +
                  ' '.repeat(Math.max(0, (problem.column ?? 1) - 1)) +
                  '^'}
              </pre>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
