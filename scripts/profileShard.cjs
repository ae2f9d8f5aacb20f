// Preloaded into the bot's processes by `BENCH_CPU_PROFILE=<dir> npm run bench:shards` (through
// NODE_OPTIONS, which refuses --cpu-prof itself): each shard process and each of its answer worker
// threads writes .cpuprofile files to <dir>. Open one in Chrome DevTools (Performance → Load
// profile), or total them by function and by package with `node scripts/profileSummary.mjs <dir>`.
// Profiling starts when the bench, its warm-up done, creates <dir>/start: start-up is left out.
const { Session } = require('node:inspector');
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { isMainThread, threadId } = require('node:worker_threads');

const dir = process.env.K2_CPU_PROFILE_DIR;
// Only the shard children (discord.js marks them with SHARDS), not the manager.
if (dir && process.env.SHARDS !== undefined) {
  const session = new Session();
  session.connect();
  const role = isMainThread ? 'main' : `worker${threadId}`;
  let part = 0;
  const start = () => {
    session.post('Profiler.enable');
    // The default 1 ms would see little of a 3 ms question.
    session.post('Profiler.setSamplingInterval', { interval: 250 });
    session.post('Profiler.start');
  };
  // The in-thread session answers synchronously, so this also works from an exit handler.
  const write = () =>
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      part += 1;
      const name = `shard${process.env.SHARDS}-${process.pid}-${role}-${part}.cpuprofile`;
      writeFileSync(join(dir, name), JSON.stringify(result.profile));
    });
  let started = false;
  const waiting = setInterval(() => {
    if (!existsSync(join(dir, 'start'))) return;
    clearInterval(waiting);
    started = true;
    start();
  }, 100);
  waiting.unref();
  if (isMainThread) {
    process.once('exit', () => started && write());
  } else {
    // A terminated worker runs no exit handler: it writes what it has every few seconds instead.
    setInterval(() => {
      if (!started) return;
      write();
      start();
    }, 5000).unref();
  }
}
