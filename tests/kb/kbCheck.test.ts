import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runKbCheck } from '../../src/cli/kbCheck.ts';
import { KNOWLEDGE_DIR } from './knowledgePaths.ts';

const copies: string[] = [];
function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k2-kbcheck-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Which file and field the loader names for each kind of broken knowledge is corruptKnowledge.test.ts's
// table; here: how kb:check reports one, and the checks only kb:check makes.
describe('kb:check', () => {
  it('passes on the committed knowledge and prints the coverage', () => {
    const { exitCode, lines } = runKbCheck(KNOWLEDGE_DIR);
    const output = lines.join('\n');
    expect(exitCode).toBe(0);
    expect(output).toMatch(/topics 37, facts \d+, foods \d+, doses \d+, corrections \d+/);
    expect(output).toMatch(/article numbers covered (\d+)\/\1/);
    expect(output).toContain('article headings covered 37/37');
    expect(output).toContain('fact-check inconsistencies covered 15/15');
    expect(output).toContain('kb:check: OK');
  });

  it('fails with one line naming the file and the field when the knowledge is invalid', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'topics/natto.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"anticoagulantRelevant": true', '"anticoagulantRelevant": 1'),
    );
    const { exitCode, lines } = runKbCheck(dir);
    expect(exitCode).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/topics\/natto\.json: field "anticoagulantRelevant"/);
  });

  it('refuses a yes/no claim that contradicts another fact’s claim', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'topics/natto.json');
    const natto = JSON.parse(readFileSync(file, 'utf8'));
    // The same claim as warfarin-interaction/steady-intake ("K2 interacts with warfarin": yes), answered no.
    natto.facts[0].answers = [{ claim: 'K2 interacts with warfarin', polarity: 'no' }];
    writeFileSync(file, JSON.stringify(natto));
    const { exitCode, lines } = runKbCheck(dir);
    expect(exitCode).toBe(1);
    expect(lines.join('\n')).toContain(
      'natto/what-is-natto: claim "K2 interacts with warfarin" does not match itself, or another claim with another answer matches it',
    );
  });

  it('refuses a yes/no claim of one word, which would match any question with it', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'topics/natto.json');
    const natto = JSON.parse(readFileSync(file, 'utf8'));
    natto.facts[0].answers = [{ claim: 'natto', polarity: 'yes' }];
    writeFileSync(file, JSON.stringify(natto));
    const { exitCode, lines } = runKbCheck(dir);
    expect(exitCode).toBe(1);
    expect(lines.join('\n')).toContain(
      'natto/what-is-natto: claim "natto" has fewer than 2 words that say something',
    );
  });

  it('fails listing the gaps when a correction or a heading goes missing', () => {
    const dir = copyKnowledge();
    const editTopic = (id: string, edit: (topic: { corrections: unknown[]; sections: string[] }) => void) => {
      const file = join(dir, 'topics', `${id}.json`);
      const topic = JSON.parse(readFileSync(file, 'utf8'));
      edit(topic);
      writeFileSync(file, JSON.stringify(topic));
    };
    editTopic('diabetes', (topic) => {
      topic.corrections = [];
    });
    editTopic('cancer-claims', (topic) => {
      topic.sections = ['Health Benefits of Vitamin K2'];
    });
    const { exitCode, lines } = runKbCheck(dir);
    const output = lines.join('\n');
    expect(exitCode).toBe(1);
    expect(output).toContain('fact-check inconsistencies covered 14/15');
    expect(output).toContain('fact-check inconsistency without a correction: I-04');
    expect(output).toContain('key fact-check claim without a correction: "10-gram" increase');
    expect(output).toContain('article headings covered 36/37');
    expect(output).toContain(
      'article heading not in any topic\'s sections: "Potential Benefits in Cancer Prevention"',
    );
  });
});
