import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSafeFileName, deriveFileName, UnsafeFileNameError } from '../../../src/core/files/fileName';

test('derived names keep ordinary names as they are', () => {
  assert.equal(deriveFileName('Quarterly report.pdf'), 'Quarterly report.pdf');
  assert.equal(deriveFileName('фото 1.png'), 'фото 1.png');
});

test('derived names lose separators, traversal, hidden-file dots and control characters', () => {
  assert.equal(deriveFileName('../../etc/passwd'), '_.._etc_passwd');
  assert.equal(deriveFileName('..\\..\\win.ini'), '_.._win.ini');
  assert.equal(deriveFileName('.bashrc'), 'bashrc');
  assert.equal(deriveFileName('..'), 'file');
  assert.equal(deriveFileName('a\u0000b\nc.txt'), 'abc.txt');
  assert.equal(deriveFileName('what?<now>|"x":*.png'), 'what__now___x___.png');
  assert.equal(deriveFileName('name. . '), 'name');
  assert.equal(deriveFileName('CON.txt'), '_CON.txt');
  assert.equal(deriveFileName('   ', 'cover'), 'cover');
});

test('derived names fit in 255 bytes and keep their extension', () => {
  const long = `${'é'.repeat(300)}.jpeg`;
  const name = deriveFileName(long);
  assert.ok(Buffer.byteLength(name) <= 255, `${Buffer.byteLength(name)} bytes`);
  assert.ok(name.endsWith('.jpeg'));
  assert.ok(name.startsWith('éé'));
});

test('explicit names that are not plain file names are refused, naming the rule', () => {
  const cases: Array<[string, RegExp]> = [
    ['../evil.txt', /path separators/],
    ['sub/dir.txt', /path separators/],
    ['a\\b.txt', /path separators/],
    ['..', /directory/],
    ['.', /directory/],
    ['', /empty/],
    ['bad\u0007.txt', /control/],
    ['a:b.txt', /Windows forbids/],
    ['nul', /device name/],
    ['trailing.', /ends with a dot/],
    ['x'.repeat(256), /255 bytes/],
  ];
  for (const [name, rule] of cases) {
    assert.throws(
      () => assertSafeFileName(name),
      (e: unknown) => e instanceof UnsafeFileNameError && rule.test(e.message) && e.fileName === name,
      name,
    );
  }
  assert.doesNotThrow(() => assertSafeFileName('.env'));
  assert.doesNotThrow(() => assertSafeFileName('report (1).pdf'));
});
