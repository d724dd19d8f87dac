import { describe, expect, test } from 'vitest';
import type { CheckResult } from './check.ts';
import { checkReport, failedReport } from './check-report.ts';
import type { Problem } from './validate.ts';

const content = (analyses: number, commentaries: number): CheckResult['content'] =>
  ({
    analyses: Array.from({ length: analyses }),
    experts: Array.from({ length: 2 }),
    themes: Array.from({ length: 1 }),
    commentaries: Array.from({ length: commentaries }),
  }) as unknown as CheckResult['content'];

const problem = (level: Problem['level'], file: string): Problem => ({
  level,
  file,
  field: 'order',
  message: 'should be a number',
});

describe('checkReport', () => {
  test('without problems: exit 0, the count of each collection on stdout, nothing on stderr', () => {
    const report = checkReport('c', { problems: [], content: content(1, 3) }, '0.4');
    expect(report).toEqual({
      exitCode: 0,
      stdout: '✓ c/ is ready to publish: 1 analysis, 2 experts, 1 theme, 3 commentaries (0.4 s).\n',
      stderr: '',
      problems: [],
    });
  });

  test('with warnings only: exit 0, the warnings on stderr, counted on the stdout line', () => {
    const problems = [problem('warning', 'c/experts/a.md'), problem('warning', 'c/experts/b.md')];
    const report = checkReport('c', { problems, content: content(2, 1) }, '1.0');
    expect(report.exitCode).toBe(0);
    expect(report.stderr).toBe(
      'warning: c/experts/a.md › order: should be a number\nwarning: c/experts/b.md › order: should be a number\n\n',
    );
    expect(report.stdout).toBe(
      '✓ c/ is ready to publish: 2 analyses, 2 experts, 1 theme, 1 commentary; 2 warnings above (1.0 s).\n',
    );
  });

  test('with an error: exit 1, everything on stderr, errors and warnings counted', () => {
    const problems = [problem('error', 'c/a.md'), problem('warning', 'c/b.md')];
    const report = checkReport('c', { problems, content: content(1, 1) }, '0.1');
    expect(report.exitCode).toBe(1);
    expect(report.stdout).toBe('');
    expect(report.stderr).toBe(
      'error: c/a.md › order: should be a number\nwarning: c/b.md › order: should be a number\n\n✗ 1 error and 1 warning in c/: each line above names the file, the field and what to change.\n',
    );
  });
});

describe('failedReport', () => {
  test('tells why the check could not run in one line, exit 1', () => {
    expect(failedReport(new Error('EACCES: permission denied, scandir'))).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: '✗ The content check could not run: EACCES: permission denied, scandir\n',
      problems: [],
    });
  });
});
