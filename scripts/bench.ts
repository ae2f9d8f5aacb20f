import { runCliBenchmark } from './benchCli.ts';
import { runDiscordBenchmark } from './benchDiscord.ts';
import { runEngineBenchmark } from './benchEngine.ts';
import { runShardBenchmark } from './benchShards.ts';
import { runStartupBenchmark } from './benchStartup.ts';

// One command prints every figure quoted in closing notes: the engine in-process, the CLI as a
// real process, the bot end to end through the local Discord emulator, and the sharded bot
// (manager + one process per shard) under load.
console.log(`k2-bot benchmark on Node ${process.version}, ${process.platform}/${process.arch}\n`);
await runEngineBenchmark();
console.log('');
await runCliBenchmark();
console.log('');
await runStartupBenchmark();
console.log('');
await runDiscordBenchmark();
console.log('');
await runShardBenchmark();
