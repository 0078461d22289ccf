// The settings every scheduling command starts from: config and environment,
// with the scheduler's steps and the parameters kfq optimize saved applied.
import { useSchedulerSettings } from '../practice/scheduler.js';
import { readParameters } from '../store/fsrsParameters.js';
import type { CommandContext } from './context.js';
import { loadSettings, type Settings } from './settings.js';

export function applySchedulerSettings(ctx: CommandContext): Settings {
  const { settings } = loadSettings(ctx.paths, ctx.env);
  const weights = readParameters(ctx.paths.home)?.w;
  useSchedulerSettings({
    learningSteps: settings.drill.learningSteps,
    relearningSteps: settings.drill.relearningSteps,
    ...(weights ? { weights } : {}),
  });
  return settings;
}
