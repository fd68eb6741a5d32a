import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNotionId, tryParseNotionId } from '../../../src/core/ids';

const HEX = '1f2e3d4c5b6a79881f2e3d4c5b6a7988';
const ID = '1f2e3d4c-5b6a-7988-1f2e-3d4c5b6a7988';
const HEX2 = 'aaaabbbbccccddddeeeeffff00001111';
const ID2 = 'aaaabbbb-cccc-dddd-eeee-ffff00001111';
const VIEW = '99998888777766665555444433332222';

describe('parseNotionId: accepted forms', () => {
  const pageForms: Array<[string, string]> = [
    ['a dashed UUID', ID],
    ['a dashed UUID in upper case', ID.toUpperCase()],
    ['32 hex', HEX],
    ['32 hex with surrounding whitespace', `  ${HEX}\n`],
    ['a title URL', `https://www.notion.so/Title-Words-${HEX}`],
    ['a title URL with a query', `https://www.notion.so/Title-Words-${HEX}?pvs=4`],
    ['a title URL with a trailing slash', `https://www.notion.so/Title-Words-${HEX}/`],
    ['a workspace URL', `https://www.notion.so/my-workspace/${HEX}`],
    ['a workspace + title URL', `https://www.notion.so/my-workspace/Title-${HEX}`],
    ['a database view URL (the database id)', `https://www.notion.so/my-workspace/${HEX}?v=${VIEW}`],
    ['a notion.site URL', `https://acme.notion.site/Public-Page-${HEX}`],
    ['a URL without a scheme', `www.notion.so/Title-${HEX}`],
    ['a notion.so URL without www', `https://notion.so/Title-${HEX}`],
    ['a desktop app link', `notion://www.notion.so/Title-${HEX}`],
    ['a slug without a host', `Title-Words-${HEX}`],
    ['a path without a host', `/my-workspace/Title-${HEX}`],
    ['a segment ending with a dashed UUID', `https://www.notion.so/Title-${ID}`],
    ['a percent-encoded title', `https://www.notion.so/Caf%C3%A9-Men%C3%BC-${HEX}`],
    ['a title with non-ASCII characters', `https://www.notion.so/Café-${HEX}`],
  ];
  for (const [name, input] of pageForms) {
    it(`page id from ${name}`, () => assert.equal(parseNotionId(input), ID));
  }

  it('p= (a page peeked over a database view) wins over the path', () => {
    assert.equal(parseNotionId(`https://www.notion.so/ws/${HEX2}?v=${VIEW}&p=${HEX}&pm=s`), ID);
  });
  it('page_id= wins over the path', () => {
    assert.equal(parseNotionId(`https://www.notion.so/ws/${HEX2}?page_id=${HEX}`), ID);
  });
  it('a page id ignores a #block anchor, a block id prefers it', () => {
    const url = `https://www.notion.so/Title-${HEX}#${HEX2}`;
    assert.equal(parseNotionId(url, 'page'), ID);
    assert.equal(parseNotionId(url, 'block'), ID2);
  });
  it('block id from #block-<32hex> and from a dashed anchor', () => {
    assert.equal(parseNotionId(`https://www.notion.so/Title-${HEX}#block-${HEX2}`, 'block'), ID2);
    assert.equal(parseNotionId(`https://www.notion.so/Title-${HEX}#${ID2}`, 'block'), ID2);
  });
  it('a block id falls back to the page when there is no anchor', () => {
    assert.equal(parseNotionId(`https://www.notion.so/Title-${HEX}`, 'block'), ID);
  });
  it('a block id from a bare path with an anchor', () => {
    assert.equal(parseNotionId(`Title-${HEX}#block-${HEX2}`, 'block'), ID2);
  });
});

describe('parseNotionId: traps', () => {
  it('a title full of dates and digits: takes the id after the last dash, not any 32 hex', () => {
    // Stripping dashes first would yield "2026112210300000…" hex runs from the title.
    const url = `https://www.notion.so/2026-11-22-1030-Meeting-2026-11-22-${HEX}`;
    assert.equal(parseNotionId(url), ID);
  });
  it('a title that is itself hex-like does not win over the id', () => {
    assert.equal(parseNotionId(`https://www.notion.so/${HEX2.slice(0, 16)}-${HEX2.slice(16)}-${HEX}`), ID);
  });
  it('?v= (a view id) is never taken as the page', () => {
    assert.equal(parseNotionId(`https://www.notion.so/ws/${HEX}?v=${VIEW}`), ID);
    assert.equal(tryParseNotionId(`https://www.notion.so/ws?v=${VIEW}`), undefined);
  });
  it('a p= that is not an id does not fall back to the database in the path', () => {
    assert.equal(tryParseNotionId(`https://www.notion.so/ws/${HEX2}?p=nothing`), undefined);
  });
  it('33 or 31 hex characters are not an id', () => {
    assert.equal(tryParseNotionId(`${HEX}a`), undefined);
    assert.equal(tryParseNotionId(HEX.slice(1)), undefined);
    assert.equal(tryParseNotionId(`https://www.notion.so/Title-${HEX}a`), undefined);
  });
  it('a wrongly dashed UUID is not an id', () => {
    assert.equal(tryParseNotionId('1f2e3d4c5-b6a-7988-1f2e-3d4c5b6a7988'), undefined);
  });
  it('an id glued to the title without a dash is not read', () => {
    assert.equal(tryParseNotionId(`https://www.notion.so/Title${HEX}`), undefined);
  });
  it('non-hex letters in the id are rejected', () => {
    assert.equal(tryParseNotionId(`https://www.notion.so/Title-${HEX.slice(0, 31)}g`), undefined);
  });
  it('a workspace URL with no id, empty input and plain words are rejected', () => {
    assert.equal(tryParseNotionId('https://www.notion.so/my-workspace'), undefined);
    assert.equal(tryParseNotionId(''), undefined);
    assert.equal(tryParseNotionId('   '), undefined);
    assert.equal(tryParseNotionId('Meeting notes 2026-11-22'), undefined);
  });
  it('the id in a #block anchor is not the page id', () => {
    assert.equal(tryParseNotionId(`https://www.notion.so/my-workspace#block-${HEX}`, 'page'), undefined);
  });
});

describe('parseNotionId: errors', () => {
  it('names the input and the accepted forms', () => {
    assert.throws(
      () => parseNotionId('https://www.notion.so/my-workspace'),
      (e: Error) =>
        e.message.includes('"https://www.notion.so/my-workspace"') && e.message.includes('32-character hex') && e.message.includes('page'),
    );
  });
  it('names the block kind and the anchor form', () => {
    assert.throws(() => parseNotionId('nope', 'block'), (e: Error) => e.message.includes('"nope"') && e.message.includes('#block-'));
  });
  it('truncates very long inputs', () => {
    const long = 'x'.repeat(5000);
    assert.throws(() => parseNotionId(long), (e: Error) => e.message.length < 600 && e.message.includes('x'.repeat(200)));
  });
});
