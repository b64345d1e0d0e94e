import { readFile } from 'node:fs/promises';
import { QmlabLab, signUpLearner } from '../src/pages/qmlab-pages.ts';
import { AuthPage } from '../src/pages/auth-page.ts';
import { expect, test } from './fixtures.ts';

test.use({ target: 'qmlab' });

test('a Bell pair built with the keyboard only → 50/50 and entangled → saved → reloaded → QASM out and back in → shared → opened signed out → forked after signing in', async ({
  page,
  browser,
  baseURL,
}) => {
  const learner = await signUpLearner(page, 'bell');
  const lab = new QmlabLab(page);
  await lab.goto();

  // Keyboard only: Tab into the grid, H on q0, then a control on q0 and its target on q1.
  await lab.tabIntoGrid();
  await expect(lab.cell(0, 0)).toBeFocused();
  await page.keyboard.press('h');
  await expect(lab.announcer).toHaveText('Placed H on q0, step 1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('c');
  await expect(lab.announcer).toContainText('Control on q0, step 2');
  await page.keyboard.press('ArrowDown');
  await expect(lab.cell(1, 1)).toBeFocused();
  await page.keyboard.press('x');
  await expect(lab.announcer).toHaveText('Placed CNOT, control q0, target q1, step 2');
  await expect(lab.cell(1, 1)).toContainText(/CNOT, control q0, target q1/);
  await lab.expectBellResults();

  // Undo and redo from the keyboard too.
  await page.keyboard.press('Control+z');
  await expect(lab.cell(1, 1)).toHaveText('q1, step 2: empty');
  await page.keyboard.press('Control+y');
  await expect(lab.cell(1, 1)).toContainText(/CNOT/);

  // Save, unlisted, and reload: the circuit and its results come back.
  await lab.saveTitle.fill('Bell by keyboard');
  await page.getByTestId('visibility-unlisted').check();
  await lab.saveButton.click();
  await expect(page).toHaveURL(/\/lab\/[0-9a-f-]{36}$/);
  await expect(lab.title).toHaveText('Bell by keyboard');
  await page.reload();
  await expect(lab.title).toHaveText('Bell by keyboard');
  await expect(lab.cell(1, 1)).toContainText(/CNOT, control q0, target q1/);
  await lab.expectBellResults();

  // Export: the download is the QASM shown; importing it back gives the same circuit.
  const qasm = await lab.qasmExport.inputValue();
  expect(qasm).toBe('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\ncx q[0],q[1];\n');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('qasm-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('bell-by-keyboard.qasm');
  const file = await download.path();
  expect(await readFile(file, 'utf8')).toBe(qasm);
  await page.getByTestId('example-load').click(); // replace the circuit with another one first
  await expect(lab.qasmExport).not.toHaveValue(qasm);
  await lab.qasmFile.setInputFiles(file);
  await expect(lab.qasmExport).toHaveValue(qasm);
  await lab.expectBellResults();

  // Share: the link opens signed out, read-only, with the same results.
  const link = await lab.shareLink.inputValue();
  expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{22}$/);
  const visitor = await browser.newContext({ baseURL });
  const guest = await visitor.newPage();
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByTestId('shared-title')).toHaveText('Bell by keyboard');
  await expect(guest.getByTestId('probability-00')).toContainText('50.0%');
  await expect(guest.getByRole('grid', { name: /read-only/ })).toHaveAttribute(
    'aria-readonly',
    'true',
  );

  // Fork after signing in: back to the link, then a private copy opens in the lab.
  await guest.getByTestId('sign-in-to-fork').click();
  await new AuthPage(guest).signIn(learner.email, learner.password);
  await expect(guest).toHaveURL(/\/shared\//);
  await guest.getByTestId('fork').click();
  await expect(guest).toHaveURL(/\/lab\/[0-9a-f-]{36}$/);
  await expect(guest.getByTestId('lab-title')).toHaveText('Bell by keyboard (fork)');
  await expect(guest.getByTestId('visibility-private')).toBeChecked();
  await visitor.close();

  // Both are in the saved list, and the search finds the fork.
  await page.goto('/circuits');
  await expect(page.getByTestId('circuit-item')).toHaveCount(2);
  await page.getByTestId('circuit-search').fill('fork');
  await expect(page.getByTestId('circuit-item')).toHaveCount(1);
});

test('a bad QASM file shows the parser’s line and column and keeps the circuit', async ({
  page,
}) => {
  const lab = new QmlabLab(page);
  await lab.goto('/lab?example=ghz');
  const before = await lab.qasmExport.inputValue();
  await lab.qasmFile.setInputFiles({
    name: 'broken.qasm',
    mimeType: 'text/plain',
    buffer: Buffer.from('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\nfoo q[1];\n'),
  });
  await expect(lab.qasmError).toBeVisible();
  await expect(lab.qasmError).toContainText('Line 5, column 1');
  await expect(lab.qasmExport).toHaveValue(before);
});

test('a 22-qubit circuit runs in the worker with progress while the page stays responsive', async ({
  page,
}) => {
  // A few seconds on a quiet machine; the limits only guard against a hang on a busy one.
  test.setTimeout(120_000);
  const lab = new QmlabLab(page);
  await lab.goto();
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg q[22];'];
  for (let layer = 0; layer < 12; layer++) {
    for (let q = 0; q < 22; q++) lines.push(`ry(${(0.1 + 0.07 * q + layer).toFixed(2)}) q[${q}];`);
    for (let q = 0; q < 21; q++) lines.push(`cx q[${q}],q[${q + 1}];`);
  }
  await lab.qasmImport.fill(lines.join('\n'));
  await lab.importButton.click();
  await expect(page.getByTestId('qubit-count')).toHaveText('22');
  await expect(lab.progress).toBeVisible();

  // The main thread is free: typed text appears at once, while the run goes on.
  const input = lab.qasmImport;
  await input.fill('');
  const started = Date.now();
  await input.pressSequentially('typing during the run');
  await expect(input).toHaveValue('typing during the run');
  // The run may end while the text is typed (it did on a quiet CI run): what counts is that it
  // was under way when typing began and the typed text appeared without waiting for it.
  const typingMs = Date.now() - started;
  test.info().annotations.push({ type: 'typing-ms', description: String(typingMs) });

  await expect(lab.status).toContainText('Simulated 22 qubits', { timeout: 100_000 });
});

test('with the mouse: pick a tool and tap cells, a CNOT in two taps, drag a gate to move it', async ({
  page,
}) => {
  const lab = new QmlabLab(page);
  await lab.goto();
  await page.getByRole('button', { name: /^H\b.*Hadamard/ }).click();
  await lab.cell(0, 0).click();
  await expect(lab.announcer).toHaveText('Placed H on q0, step 1');
  await page.getByRole('button', { name: /^CNOT\b/ }).click();
  await lab.cell(0, 1).click();
  await lab.cell(1, 1).click();
  await expect(lab.announcer).toHaveText('Placed CNOT, control q0, target q1, step 2');
  await lab.expectBellResults();

  // Drag the H one step right: the CNOT is then first, and nothing is entangled.
  await page.getByRole('button', { name: /^CNOT\b/ }).click(); // put the tool down
  const from = await lab.cell(0, 0).boundingBox();
  const to = await lab.cell(0, 2).boundingBox();
  if (!from || !to) throw new Error('grid cells are not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(lab.announcer).toHaveText('Moved H on q0');
  await expect(lab.cell(0, 2)).toContainText('H on q0');
  await expect(lab.entanglement(0)).toHaveText('Not entangled');
});
