// The settings every scheduling command starts from: config and environment,
// with the scheduler's steps (and fitted parameters, once saved) applied.
import { useSchedulerSettings } from '../practice/scheduler.js';
import type { CommandContext } from './context.js';
import { loadSettings, type Settings } from './settings.js';

export function applySchedulerSettings(ctx: CommandContext): Settings {
  const { settings } = loadSettings(ctx.paths, ctx.env);
  useSchedulerSettings({ learningSteps: settings.drill.learningSteps, relearningSteps: settings.drill.relearningSteps });
  return settings;
}
