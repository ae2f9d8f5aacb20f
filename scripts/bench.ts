// One command prints every figure quoted in closing notes: the engine in-process, the CLI as a
// real process, the bot end to end through the local Discord emulator, and the sharded bot
// (manager + one process per shard) under load.
//
// Each stage's modules are imported only when that stage starts. The engine stage runs first in a
// heap that holds the engine alone, as in an answer worker thread where the bot answers questions;
// with discord.js and the emulator imported up front (as this file once did), the engine's p99 was
// 1.27 ms against 0.64-0.66 ms for the same engine stage run alone (quiet machine, 2026-12-01).
console.log(`k2-bot benchmark on Node ${process.version}, ${process.platform}/${process.arch}\n`);
await (await import('./benchEngine.ts')).runEngineBenchmark();
console.log('');
await (await import('./benchCli.ts')).runCliBenchmark();
console.log('');
await (await import('./benchStartup.ts')).runStartupBenchmark();
console.log('');
await (await import('./benchDiscord.ts')).runDiscordBenchmark();
console.log('');
await (await import('./benchShards.ts')).runShardBenchmark();
