// Signals, the end of stdin and a prompt's Ctrl+C, sent through a stand-in for process.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ExitCode, InterruptedError } from '../../../src/errors.js';
import { watchInterrupts, type InterruptSource } from '../../../src/ui/interrupts.js';
import { runPrompt } from '../../../src/ui/prompt.js';

function fakeProcess(): InterruptSource & EventEmitter & { stdin: EventEmitter } {
  return Object.assign(new EventEmitter(), { stdin: new EventEmitter() });
}

const promptError = (name: string): Error => Object.assign(new Error('prompt closed'), { name });

describe('watchInterrupts', () => {
  it.each([
    ['SIGINT', ExitCode.interrupted],
    ['SIGTERM', ExitCode.sigterm],
    ['SIGHUP', ExitCode.sighup],
  ] as const)('when %s arrives then onStop runs once, the signal aborts, and the error has exit %i', (signal, code) => {
    const source = fakeProcess();
    const stops: string[] = [];
    const interrupts = watchInterrupts({ source, onStop: (received) => stops.push(received) });
    source.emit(signal);
    source.emit('SIGTERM');
    expect(stops).toEqual([signal]);
    expect(interrupts.signal.aborted).toBe(true);
    expect(interrupts.interruption(promptError('AbortPromptError'))?.exitCode).toBe(code);
    interrupts.dispose();
  });

  it('when stdin ends and that is watched then it is a hang-up', () => {
    const source = fakeProcess();
    const interrupts = watchInterrupts({ source, stdinEnd: true });
    source.stdin.emit('end');
    expect(interrupts.received).toBe('SIGHUP');
    interrupts.dispose();
  });

  it('when a prompt throws its Ctrl+C error then that is SIGINT, and onStop runs for it', () => {
    const stops: string[] = [];
    const interrupts = watchInterrupts({ source: fakeProcess(), onStop: (signal) => stops.push(signal) });
    const interruption = interrupts.interruption(promptError('ExitPromptError'));
    expect(interruption).toBeInstanceOf(InterruptedError);
    expect(interruption?.exitCode).toBe(ExitCode.interrupted);
    expect(stops).toEqual(['SIGINT']);
  });

  it('when another error is thrown and nothing was received then it is not an interruption', () => {
    expect(watchInterrupts({ source: fakeProcess() }).interruption(new Error('disk full'))).toBeUndefined();
  });

  it('when disposed then it no longer listens', () => {
    const source = fakeProcess();
    watchInterrupts({ source, stdinEnd: true }).dispose();
    expect(
      source.listenerCount('SIGINT') + source.listenerCount('SIGTERM') + source.listenerCount('SIGHUP') + source.stdin.listenerCount('end'),
    ).toBe(0);
  });
});

describe('runPrompt', () => {
  it('when SIGTERM arrives during a prompt then it rejects with exit 143 and leaves no listener behind', async () => {
    const source = fakeProcess();
    const prompt = (_config: unknown, context?: { signal?: AbortSignal }): Promise<string> =>
      new Promise((_resolve, reject) => context?.signal?.addEventListener('abort', () => reject(promptError('AbortPromptError'))));
    const running = runPrompt(prompt, {}, { source });
    source.emit('SIGTERM');
    await expect(running).rejects.toMatchObject({ exitCode: ExitCode.sigterm });
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });

  it('when the prompt answers then its value comes back', async () => {
    expect(await runPrompt(async () => 'yes', {}, { source: fakeProcess() })).toBe('yes');
  });
});
