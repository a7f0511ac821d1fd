/**
 * The training host: starts one trainer process per run and turns whatever it does — events,
 * crashes, hangs — into one stream of protocol events. Import from here, not the files.
 */
export { describeCrash, looksOutOfMemory, type RunProgress } from './crash-report.js';
export { isFinalEvent, type FinalEvent } from './event-stream.js';
export { defaultTrainerEntry, forkSpawner, type ForkSpawnerOptions } from './fork-spawner.js';
export type { SpawnOptions, TrainerChild, TrainerExit, TrainerSpawner } from './spawner.js';
export { startRun, TrainingHost, type RunHandle, type RunOptions, type RunState, type StartCommand } from './training-host.js';
export { utilityProcessSpawner, type UtilityProcessModule } from './utility-process-spawner.js';
