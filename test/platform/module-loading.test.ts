import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A subgraph process loads what it runs: not the migrator and its command line (the scripts apply
 * migrations), and not the mail or Redis clients until it sends a message or starts a Redis bus.
 * Each subgraph's server module is loaded in a fresh Node process, as `npm start` does.
 */
const NOT_LOADED = ['@mikro-orm/migrations', 'umzug', '@rushstack', 'nodemailer', 'ioredis'];

it.each(['products', 'inventory', 'orders', 'customers', 'promotions'])(
  'the %s subgraph loads neither the migrator nor idle clients',
  (name) => {
    const server = join(__dirname, '..', '..', 'subgraphs', name, 'src', 'server.js');
    const script = `require(${JSON.stringify(server)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
    expect(loaded.some((file) => file.includes(join('subgraphs', name, 'src', 'server.js')))).toBe(true);
    expect(loaded.filter((file) => NOT_LOADED.some((pkg) => file.includes(`node_modules/${pkg}/`)))).toEqual([]);
  },
);
