/**
 * Where the page can take a run up again: the worker's latest checkpoint, and the settings the worker
 * applied since (with the step each applied after), so that a new worker retrains the steps after
 * the checkpoint exactly as they were trained. Each checkpoint comes from a run that had not
 * diverged by then, with only finite numbers (the worker keeps back any other).
 */
import type { Checkpoint } from '../engine/checkpoint';
import type { ScenarioSettings } from '../engine/scenarioSettings';
import type { BackendName } from '../worker/backendNames';
import type { CommandBody, SettingsChange } from '../worker/protocol';

type ResumeCommand = Extract<CommandBody, { type: 'resume' }>;

export class ResumePoint {
  private saved: Checkpoint | null = null;
  private since: SettingsChange[] = [];
  /** Settings commands not yet answered, by command id. */
  private readonly unanswered = new Map<number, ScenarioSettings>();

  get checkpoint(): Checkpoint | null {
    return this.saved;
  }

  keep(checkpoint: Checkpoint): void {
    this.saved = checkpoint;
    // The worker answers commands in order, so every change answered so far applied before it.
    this.since = [];
  }

  settingsSent(id: number, settings: ScenarioSettings): void {
    this.unanswered.set(id, settings);
  }

  /** An answer to a settings command: `afterStep` is set when the worker applied them. */
  answered(id: number | null, afterStep: number | undefined): void {
    if (id === null) return;
    const settings = this.unanswered.get(id);
    this.unanswered.delete(id);
    if (settings && afterStep !== undefined) this.since.push({ afterStep, settings });
  }

  /** A command that continues the run at step `to` (retraining from the checkpoint), or null without one. */
  resume(
    settings: ScenarioSettings,
    backend: BackendName | 'auto',
    to: number,
    skip: BackendName[],
  ): ResumeCommand | null {
    if (!this.saved) return null;
    const replay = this.since.filter((c) => c.afterStep < to);
    return { type: 'resume', settings, checkpoint: this.saved, replay, to, backend, skip };
  }

  /** Back to the checkpoint, forgetting what was trained after it (a roll back). */
  rollBack(
    settings: ScenarioSettings,
    backend: BackendName | 'auto',
    skip: BackendName[],
  ): ResumeCommand | null {
    this.since = [];
    return this.saved ? this.resume(settings, backend, this.saved.step, skip) : null;
  }

  /** A new run: nothing to go back to yet. */
  clear(): void {
    this.saved = null;
    this.since = [];
    this.unanswered.clear();
  }
}
