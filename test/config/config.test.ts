import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runBin } from '../helpers/run-cli.js';

/**
 * A consultant's project: the config at the top, the checklist, brand and
 * answers beside it, and the work done in a folder further down. The folder
 * further down has a lists/shop.yaml of its own (another checklist), so a
 * path resolved from the working folder instead of the config shows.
 */
let project: string;
let config: string;
let deeper: string;

const CONFIG = `# The Acme audit: the settings every cx-audit command in this folder starts from.
client: Acme Fabrics
auditor: Jane Doe
checklists: [lists/shop.yaml]
profile:
  customerTypes: [b2c, b2b]
  channels: [web-shop, email]
  shipsGoods: false
brand: brand/mueller.yaml
failUnder: 95
answers: answers/acme.yaml
`;

/** shop-complete.yaml without its client and auditor: the config gives them. */
const ANSWERS = `schemaVersion: 1
profile:
  customerTypes: [b2c, b2b]
  channels: [web-shop, email]
checklists:
  shop: { version: 1.2.0 }
answers:
  shop/sells-online: { answer: yes }
  shop/vat-number-field: { answer: yes }
  shop/delivery-options: { answer: 4 }
  shop/order-updates: { answer: tracking }
  shop/emails-read: { answer: yes }
  shop/contact-channels: { answer: [phone, email] }
  shop/shop-story: { answer: "Hand-dyed fabric, shipped in a day." }
`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'cx-audit-config-'));
  config = join(project, 'cx-audit.config.yaml');
  deeper = join(project, 'site', 'notes');
  for (const dir of ['lists', 'brand', 'answers', join('site', 'notes', 'lists')]) mkdirSync(join(project, dir), { recursive: true });
  writeFileSync(config, CONFIG);
  copyFileSync(fixture('checklists/shop.yaml'), join(project, 'lists', 'shop.yaml'));
  copyFileSync(fixture('checklists/other.yaml'), join(deeper, 'lists', 'shop.yaml'));
  copyFileSync(fixture('brand/mueller.yaml'), join(project, 'brand', 'mueller.yaml'));
  copyFileSync(fixture('brand/logo.png'), join(project, 'brand', 'logo.png'));
  writeFileSync(join(project, 'answers', 'acme.yaml'), ANSWERS);
});

/** One row of `cx-audit config`: the name, the value and where it comes from, in their columns. */
const row = (name: string, value: string, from: string) => `${name.padEnd(15)}  ${value.padEnd(40)}  ${from}`;

describe('the project config is found from the working folder upwards', () => {
  it('`cx-audit config` in a subfolder shows each setting and the line of the config it comes from', () => {
    const result = runBin(['config'], { cwd: deeper });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      `Config: ${config}`,
      '',
      row('client', 'Acme Fabrics', `${config}:2:1`),
      row('auditor', 'Jane Doe', `${config}:3:1`),
      row('answers', join(project, 'answers', 'acme.yaml'), `${config}:11:1`),
      row('brand', join(project, 'brand', 'mueller.yaml'), `${config}:9:1`),
      row('failUnder', '95', `${config}:10:1`),
      row('customerTypes', 'b2c, b2b', `${config}:6:3`),
      row('soleProprietors', '–', 'not set'),
      row('channels', 'web-shop, email', `${config}:7:3`),
      row('shipsGoods', 'no', `${config}:8:3`),
      row('hasStaff', '–', 'not set'),
      row('outsideSupport', '–', 'not set'),
      row('markets', '–', 'not set'),
      row('checklists', join(project, 'lists', 'shop.yaml'), `${config}:4:1`),
      '',
    ]);
  });

  it('without a config anywhere above, the defaults, and where it looked', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cx-audit-noconfig-'));
    const result = runBin(['config'], { cwd: empty });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`No config file: none named cx-audit.config.yaml or cx-audit.config.yml in ${empty} or a folder above it.`);
    expect(lines).toContain(`${'answers'.padEnd(15)}  ${'cx-audit-answers.yaml'.padEnd(21)}  default`);
    expect(lines).toContain(`${'checklists'.padEnd(15)}  ${'–'.padEnd(21)}  default: the built-in checklists`);
  });

  it('a config.yml is found too, and the nearest config wins over one further up', () => {
    const inner = join(project, 'site', 'inner');
    mkdirSync(inner, { recursive: true });
    writeFileSync(join(inner, 'cx-audit.config.yml'), 'client: Inner Shop\n');
    const result = runBin(['config', '-f', 'json'], { cwd: inner });
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.stdout) as { config: string; settings: { name: string; value: unknown; from: string }[] };
    expect(shown.config).toBe(join(inner, 'cx-audit.config.yml'));
    expect(shown.settings.find((s) => s.name === 'client')).toEqual({ name: 'client', value: 'Inner Shop', from: `${join(inner, 'cx-audit.config.yml')}:1:1` });
    // Configs are not merged: the one found is the whole config.
    expect(shown.settings.find((s) => s.name === 'auditor')).toEqual({ name: 'auditor', value: null, from: 'not set' });
  });
});

describe('--config names the config explicitly', () => {
  it('wins over the one the folder would find, and its paths are relative to it, not to the working folder', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'cx-audit-elsewhere-'));
    writeFileSync(join(elsewhere, 'cx-audit.config.yaml'), 'client: Somebody Else\n');
    const given = join('..', project.split('/').pop()!, 'cx-audit.config.yaml');
    const result = runBin(['--config', given, 'config', '-f', 'json'], { cwd: elsewhere });
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.stdout) as { config: string; settings: { name: string; value: unknown; from: string }[] };
    expect(shown.config).toBe(given);
    expect(shown.settings.find((s) => s.name === 'client')).toEqual({ name: 'client', value: 'Acme Fabrics', from: `${given}:2:1` });
    expect(shown.settings.find((s) => s.name === 'checklists')?.value).toEqual([join(project, 'lists', 'shop.yaml')]);
  });

  it('a --config that does not exist stops the run (exit 2), named', () => {
    const result = runBin(['--config', 'nowhere.yaml', 'list'], { cwd: deeper });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cx-audit: cannot read the config file nowhere.yaml:\nnowhere.yaml: error: no such file; check the path [unreadable]\n');
  });
});

describe('flags win over the config', () => {
  const flags = ['--client', 'Flag Co', '--fail-under', '50', '--channels', 'phone', '--ships', 'yes'];

  it('`cx-audit config` names the flag as the source', () => {
    const result = runBin(['config', ...flags], { cwd: deeper });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(row('client', 'Flag Co', '--client'));
    expect(lines).toContain(row('failUnder', '50', '--fail-under'));
    expect(lines).toContain(row('channels', 'phone', '--channels'));
    expect(lines).toContain(row('shipsGoods', 'yes', '--ships'));
    // What no flag gives still comes from the config.
    expect(lines).toContain(row('auditor', 'Jane Doe', `${config}:3:1`));
    expect(lines).toContain(row('customerTypes', 'b2c, b2b', `${config}:6:3`));
  });

  it('and says so in JSON, with the values as the config writes them', () => {
    const result = runBin(['config', ...flags, '-f', 'json'], { cwd: deeper });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      config,
      settings: [
        { name: 'client', value: 'Flag Co', from: '--client' },
        { name: 'auditor', value: 'Jane Doe', from: `${config}:3:1` },
        { name: 'answers', value: join(project, 'answers', 'acme.yaml'), from: `${config}:11:1` },
        { name: 'brand', value: join(project, 'brand', 'mueller.yaml'), from: `${config}:9:1` },
        { name: 'failUnder', value: 50, from: '--fail-under' },
        { name: 'customerTypes', value: ['b2c', 'b2b'], from: `${config}:6:3` },
        { name: 'soleProprietors', value: null, from: 'not set' },
        { name: 'channels', value: ['phone'], from: '--channels' },
        { name: 'shipsGoods', value: true, from: '--ships' },
        { name: 'hasStaff', value: null, from: 'not set' },
        { name: 'outsideSupport', value: null, from: 'not set' },
        { name: 'markets', value: null, from: 'not set' },
        { name: 'checklists', value: [join(project, 'lists', 'shop.yaml')], from: `${config}:4:1` },
      ],
    });
  });
});

describe('commands use the config', () => {
  interface JsonReport {
    client: string | null;
    auditor: string | null;
    score: { low: number };
    checklists: { id: string }[];
  }

  it('report: its checklists (next to the config, not the working folder), client, auditor and failUnder, which gates the exit code', () => {
    const result = runBin(['report', '../../answers/acme.yaml', '-f', 'json'], { cwd: deeper });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.checklists.map((c) => c.id)).toEqual(['shop']);
    expect(report).toMatchObject({ client: 'Acme Fabrics', auditor: 'Jane Doe', score: { low: 93.2 } });
    expect(result.stderr).toBe(`cx-audit: score 93.2 is under failUnder 95 (${config}:10:1)\n`);
    expect(result.code).toBe(1);
  });

  it('report: -o never writes over the config or the checklists it names', () => {
    const shop = join(project, 'lists', 'shop.yaml');
    const before = [readFileSync(config, 'utf8'), readFileSync(shop, 'utf8')];
    const overConfig = runBin(['report', '../../answers/acme.yaml', '-o', config], { cwd: deeper });
    expect(overConfig.code).toBe(2);
    expect(overConfig.stderr).toMatch(/is the project config/);
    const overChecklist = runBin(['report', '../../answers/acme.yaml', '-o', '../../lists/shop.yaml'], { cwd: deeper });
    expect(overChecklist.code).toBe(2);
    expect(overChecklist.stderr).toMatch(/is a checklist/);
    expect([readFileSync(config, 'utf8'), readFileSync(shop, 'utf8')]).toEqual(before);
  });

  it('report: --fail-under on the command line overrides the config gate', () => {
    const result = runBin(['report', '../../answers/acme.yaml', '-f', 'json', '--fail-under', '90'], { cwd: deeper });
    expect(result.stderr).toBe('Score 93.2 meets --fail-under 90\n');
    expect(result.code).toBe(0);
  });

  it("report: the config's client is a default; the answers file's own client wins, and a flag wins over both", () => {
    const own = join(project, 'answers', 'corner.yaml');
    writeFileSync(own, ANSWERS.replace('schemaVersion: 1\n', 'schemaVersion: 1\nclient: Corner Shop\n'));
    const fromFile = JSON.parse(runBin(['report', own, '-f', 'json', '--fail-under', '0'], { cwd: deeper }).stdout) as JsonReport;
    expect(fromFile.client).toBe('Corner Shop');
    const fromFlag = JSON.parse(runBin(['report', own, '-f', 'json', '--fail-under', '0', '--client', 'Flag Co'], { cwd: deeper }).stdout) as JsonReport;
    expect(fromFlag.client).toBe('Flag Co');
  });

  it("the interview (audit): an answers file's own client and profile win over the config's, which only fills what the file leaves out", () => {
    const own = join(project, 'answers', 'corner-shop.yaml');
    writeFileSync(
      own,
      ANSWERS.replace('schemaVersion: 1\n', 'schemaVersion: 1\nclient: Corner Shop\n').replace('channels: [web-shop, email]', 'channels: [web-shop, phone]'),
    );
    const result = runBin(['--answers', own, '--no-input', '-f', 'json', '-o', '-', '--fail-under', '0'], { cwd: deeper });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport & { profile: unknown };
    expect(report.client).toBe('Corner Shop');
    expect(report.auditor).toBe('Jane Doe');
    expect(report.profile).toMatchObject({ customerTypes: ['b2c', 'b2b'], channels: ['web-shop', 'phone'], shipsGoods: false });
  });

  it("report: the config's brand file (relative to the config) is on the report", () => {
    const result = runBin(['report', '../../answers/acme.yaml', '--fail-under', '0'], { cwd: deeper });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toContain('Müller &amp; Søn Beratung · hello@mueller-son.example · +48 42 123 45 67 (Łódź)');
  });

  it("list: the config's profile decides what the business would be asked", () => {
    const result = runBin(['list', '-f', 'json'], { cwd: deeper });
    expect(result.code).toBe(0);
    const preview = JSON.parse(result.stdout) as { profile: unknown; count: number; questions: { key: string }[] };
    expect(preview.profile).toEqual({ customerTypes: ['b2c', 'b2b'], channels: ['web-shop', 'email'], shipsGoods: false });
    // shipsGoods: false leaves out the question about the emails of a parcel.
    expect(preview.questions.map((q) => q.key)).toEqual([
      'shop/sells-online',
      'shop/vat-number-field',
      'shop/delivery-options',
      'shop/order-updates',
      'shop/contact-channels',
      'shop/shop-story',
    ]);
  });

  it("answers init: the skeleton carries the config's client, auditor and profile", () => {
    const result = runBin(['answers', 'init', 'acme-new.yaml'], { cwd: deeper });
    expect(result.code).toBe(0);
    const text = readFileSync(join(deeper, 'acme-new.yaml'), 'utf8');
    expect(text).toContain(
      'client: "Acme Fabrics"\nauditor: "Jane Doe"\nprofile:\n  customerTypes: [b2c, b2b]\n  channels: [web-shop, email]\n  shipsGoods: false\nchecklists:\n  shop: ',
    );
  });
});

describe('a config that cannot be used stops the run with its place (exit 2)', () => {
  it.each([
    ['unknown-key', '3:1: error: the config has an unknown key "fail-under"; did you mean "failUnder"? [unknown-key]'],
    ['wrong-type', '3:12: error: "failUnder" in the config must be a number, not the text "70": a score from 0 to 100 [wrong-type]'],
  ])('%s, found in a folder above', (name, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-badconfig-'));
    const file = join(dir, 'cx-audit.config.yaml');
    copyFileSync(fixture(`bad/config/${name}.yaml`), file);
    mkdirSync(join(dir, 'sub'));
    const result = runBin(['list'], { cwd: join(dir, 'sub') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cx-audit: cannot use the config file ${file}:\n${file}:${message}\n`);
  });

  it('a missing checklist path is reported at its line in the config, resolved from the config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-badconfig-'));
    const file = join(dir, 'cx-audit.config.yaml');
    copyFileSync(fixture('bad/config/missing-checklist.yaml'), file);
    mkdirSync(join(dir, 'sub', 'lists'), { recursive: true });
    copyFileSync(fixture('checklists/shop.yaml'), join(dir, 'sub', 'lists', 'shop.yaml')); // beside the working folder: not used
    const where = `${file}:4:5: error: "lists/shop.yaml" in checklists does not exist (looked for ${join(dir, 'lists', 'shop.yaml')}); check the path: paths in the config are relative to its folder [unreadable]`;
    const list = runBin(['list'], { cwd: join(dir, 'sub') });
    expect(list.code).toBe(2);
    expect(list.stderr).toBe(
      `cx-audit: cannot use this checklist; fix it first (cx-audit validate shows every problem):\n${where}\n✖ 1 error in 1 of 1 file\n`,
    );
    // validate with no files checks the config's checklists, and says the same.
    const validate = runBin(['validate'], { cwd: join(dir, 'sub') });
    expect(validate.code).toBe(2);
    expect(validate.stdout).toBe(`${where}\n✖ 1 error in 1 of 1 file\n`);
  });

  it('a broken config does not keep anyone from the schema that helps to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-badconfig-'));
    copyFileSync(fixture('bad/config/bad-yaml.yaml'), join(dir, 'cx-audit.config.yaml'));
    const result = runBin(['schema', 'config'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('title', 'Config');
  });
});

describe('cx-audit schema config', () => {
  it('prints a JSON Schema that describes every setting, and accepts the example config', () => {
    const result = runBin(['schema', 'config']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { $id: string; title: string; properties: Record<string, unknown> };
    expect(schema.$id).toBe('https://cx-audit.dev/schemas/config.schema.json');
    expect(schema.title).toBe('Config');
    expect(Object.keys(schema.properties).sort()).toEqual(['answers', 'auditor', 'brand', 'checklists', 'client', 'failUnder', 'profile']);
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ client: 'Acme', checklists: ['lists/shop.yaml', 'cx-audit-checklists-retail'], profile: { channels: ['phone'] }, failUnder: 70 })).toBe(
      true,
    );
    expect(validate({ clent: 'Acme' })).toBe(false);
  });
});
