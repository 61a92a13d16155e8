import type { Finding, InputError } from '../core/finding.js';
import { groupByFile } from './group.js';
import type { ReportInput } from './types.js';
import { XML_DECLARATION, xmlAttrs, xmlText } from './xml.js';

function failureCase(f: Finding, tool: string): string {
  const name = `${f.rule} (${f.code}) at ${f.line}:${f.column}`;
  const details = `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule} ${f.code}]`;
  return [
    `    <testcase${xmlAttrs({ name, classname: `${tool}.${f.file}`, file: f.file, line: f.line, time: '0' })}>`,
    `      <failure${xmlAttrs({ message: f.message, type: f.severity })}>${xmlText(details)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function errorCase(e: InputError, tool: string): string {
  const at = e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : '';
  return [
    `    <testcase${xmlAttrs({ name: 'read input', classname: `${tool}.${e.file}`, file: e.file, time: '0' })}>`,
    `      <error${xmlAttrs({ message: e.message, type: 'input-error' })}>${xmlText(`${e.file}${at}: ${e.message}`)}</error>`,
    '    </testcase>',
  ].join('\n');
}

/**
 * JUnit XML: one <testsuite> per examined file, one failing <testcase> per finding (an <error> per input
 * that could not be read), and one passing <testcase> for a file without findings.
 */
export function renderJunit(input: ReportInput): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const group of groupByFile(input.files, input.findings, input.errors)) {
    const cases = [
      ...group.errors.map((e) => errorCase(e, input.tool)),
      ...group.findings.map((f) => failureCase(f, input.tool)),
    ];
    if (cases.length === 0) {
      const name = `${input.command}: no findings`;
      cases.push(
        `    <testcase${xmlAttrs({ name, classname: `${input.tool}.${group.file}`, file: group.file, time: '0' })}/>`,
      );
    }
    const counts = { tests: cases.length, failures: group.findings.length, errors: group.errors.length };
    tests += counts.tests;
    failures += counts.failures;
    errors += counts.errors;
    suites.push(
      `  <testsuite${xmlAttrs({ name: group.file, ...counts, skipped: 0, time: '0' })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const name = `${input.tool} ${input.command}`;
  return [
    XML_DECLARATION,
    `<testsuites${xmlAttrs({ name, tests, failures, errors, time: '0' })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
