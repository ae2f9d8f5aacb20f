// Totals the .cpuprofile files in a directory (`BENCH_CPU_PROFILE=<dir> npm run bench:shards`, or
// `node --cpu-prof --cpu-prof-dir=<dir> ...`), per thread kind (shard main threads, answer workers,
// any other profile): self time by package or source file, then by function, then each function's
// total time with what it calls, which finds the costly step when self time is spread thin.
// Usage: node scripts/profileSummary.mjs <dir> [functions to list, default 40]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, top = '40'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/profileSummary.mjs <dir> [functions]');
  process.exit(2);
}

/** Where a function lives: a package, one of our source files, Node itself, or V8 (GC, idle, program). */
function placeOf(url) {
  if (!url) return '(V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node';
  const ours = /\/(dist|src)\/(.*)$/.exec(url);
  return ours ? ours[2] : url;
}

const groups = new Map();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const kind = file.includes('-main-') ? 'shard main threads' : 'answer workers';
  const group = groups.get(kind) ?? {
    total: 0,
    byPlace: new Map(),
    byFunction: new Map(),
    withCallees: new Map(),
  };
  groups.set(kind, group);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const nameOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${placeOf(url)}:${lineNumber + 1}`;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const us = profile.timeDeltas[i + 1] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    group.total += us;
    const place = placeOf(url);
    group.byPlace.set(place, (group.byPlace.get(place) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
    group.byFunction.set(fn, (group.byFunction.get(fn) ?? 0) + us);
    // Each function on the sampled stack once, so that recursion does not count a sample twice.
    const onStack = new Set();
    for (let at = node; at; at = parentOf.get(at.id)) onStack.add(nameOf(at));
    for (const name of onStack) group.withCallees.set(name, (group.withCallees.get(name) ?? 0) + us);
  }
}

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
for (const [kind, group] of groups) {
  console.log(`${kind}: ${ms(group.total)} ms busy (not idle), self time`);
  console.log('  by place:');
  for (const [place, us] of [...group.byPlace].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms(us)} ms ${((100 * us) / group.total).toFixed(1).padStart(5)} %  ${place}`);
  console.log('  by function:');
  for (const [fn, us] of [...group.byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(`  ${ms(us)} ms ${((100 * us) / group.total).toFixed(1).padStart(5)} %  ${fn}`);
  console.log('  by function, with what it calls:');
  for (const [fn, us] of [...group.withCallees].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(`  ${ms(us)} ms ${((100 * us) / group.total).toFixed(1).padStart(5)} %  ${fn}`);
}
